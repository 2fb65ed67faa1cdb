#include "core/normal.hpp"

#include <cmath>

namespace zhili {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double normal_quantile(double p) {
  if (p <= 0) return -INFINITY;
  if (p >= 1) return INFINITY;
  double lo = -40, hi = 40;
  for (int k = 0; k < 200; ++k) {
    const double mid = 0.5 * (lo + hi);
    (normal_cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

const std::array<float, kNormalBins>& normal_bin_midpoints() {
  static const std::array<float, kNormalBins> table = [] {
    std::array<float, kNormalBins> t{};
    for (int k = 0; k < kNormalBins; ++k)
      t[static_cast<std::size_t>(k)] = static_cast<float>(normal_quantile((k + 0.5) / kNormalBins));
    return t;
  }();
  return table;
}

}  // namespace zhili
