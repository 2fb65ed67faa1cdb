// A finished sweep as `zhili analyze` reads it: DIR/summary.csv (one row per
// run: run, point, replicate, seed, the factor values, then each outcome's
// ":final" and ":mean" column; docs/SWEEPS.md) and DIR/design.csv (the design
// kind and each point's Saltelli block), checked field by field.
#pragma once

#include <string>
#include <vector>

namespace zhili::analyze {

struct SummaryRun {
  int run = 0, point = 0, replicate = 0;
  std::vector<double> values;  // one per outcome column; NaN where the run had none
};

struct Summary {
  std::string file;
  std::vector<std::string> factors;    // factor key paths, in column order
  std::vector<std::string> outcomes;   // outcome columns ("coverage:mean", ...)
  std::vector<SummaryRun> runs;        // in file order
  // Per design point (0 .. points-1): its factor values as written, and its runs.
  std::vector<std::vector<std::string>> point_values;
  std::vector<std::vector<int>> point_runs;  // indices into runs
  int outcome_index(const std::string& column) const;  // -1 when absent
};

// Throws CsvError (file:line:column) for a missing file, a malformed row, a
// header without run,point,replicate,seed, or a field that is not a number.
Summary read_summary(const std::string& path);

struct DesignInfo {
  std::string kind;                 // factorial, latin_hypercube, saltelli; "" = unknown
  std::vector<std::string> block;   // per point: A, B, AB1..ABk (Saltelli), else ""
  std::vector<int> row;             // per point: row in its block
  int samples = 0;                  // Saltelli: N
};

// DIR/design.csv; kind "" when the file is absent (a sweep made before it was
// written). Throws CsvError when it is there but malformed or does not match
// `summary` (point count, factors).
DesignInfo read_design(const std::string& path, const Summary& summary);

}  // namespace zhili::analyze
