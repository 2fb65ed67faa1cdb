// DIR/summary.h5: the rows of DIR/summary.csv as an HDF5 table, for programs
// that would rather not parse CSV (analysis/zhili_summary.py reads it).
//
// Layout (docs/SWEEPS.md): one 1-D dataset per column in the root group, all
// of the same length (the runs, in run-id order). The root attribute
// `columns` lists the column names in CSV order; a dataset is named by its
// column with '%' written "%25" and '/' written "%2F" (HDF5 takes '/' as a
// path separator: coverage_by_group/migrant:mean -> coverage_by_group%2Fmigrant:mean),
// and carries the true name in its attribute `name`. A column whose fields are
// all integers is int64, one whose fields are all numbers (NaN included) is
// float64, any other is variable-length UTF-8 strings. The root attribute
// `format` is "zhili-sweep-summary 1".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhili::sweep {

// Writes the table of `csv_text` (a whole summary.csv) to `path` through a
// temporary file and a rename. Throws std::runtime_error naming the file.
void write_summary_h5(const std::string& path, const std::string& csv_text);

// The same layout for any CSV table, with another `format` and extra string
// attributes on the root (zhili compare's compare.h5).
void write_table_h5(const std::string& path, const std::string& csv_text, std::string_view format,
                    const std::vector<std::pair<std::string, std::string>>& attributes = {});

// The dataset name of a column (the encoding above).
std::string summary_h5_dataset_name(const std::string& column);

}  // namespace zhili::sweep
