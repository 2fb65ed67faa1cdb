// Stacked areas for breakdowns: running sums across the labels of each row,
// so label k's band lies between column k-1 and column k of the result and the
// top line is the total. Missing values (NaN) count as zero: a band vanishes
// there instead of tearing a hole through every band above it.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace zhili::view {

// `values` is rows x width, row-major; the result has the same shape.
std::vector<double> stack_columns(std::span<const double> values, std::size_t width);

}  // namespace zhili::view
