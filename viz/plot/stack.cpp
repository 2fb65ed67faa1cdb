#include "plot/stack.hpp"

#include <cmath>

namespace zhili::view {

std::vector<double> stack_columns(std::span<const double> values, std::size_t width) {
  std::vector<double> out(values.size());
  if (width == 0) return out;
  for (std::size_t r = 0; r + width <= values.size(); r += width) {
    double sum = 0.0;
    for (std::size_t c = 0; c < width; ++c) {
      const double v = values[r + c];
      if (!std::isnan(v)) sum += v;
      out[r + c] = sum;
    }
  }
  return out;
}

}  // namespace zhili::view
