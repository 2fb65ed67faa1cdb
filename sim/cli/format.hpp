// Formatting of observable values for people: shares as percentages, counts
// with thousands separators, other values with their unit.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "io/result_layout.hpp"

namespace zhili {

std::string format_value(double value, const std::string& unit);

// Prints "  name  value unit" for every series (breakdowns as label=value
// pairs) from one row of values in layout order.
void print_series_table(std::FILE* out, const std::vector<SeriesSpec>& series,
                        const std::vector<double>& row);

}  // namespace zhili
