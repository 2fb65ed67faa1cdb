#include "model/earnings.hpp"

#include <cmath>

namespace zhili {

namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Inverse of normal_cdf by bisection: only used to build the tables (512 calls).
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

}  // namespace

EarningsTable::EarningsTable(double sigma) {
  flat_ = !(sigma > 0);
  if (flat_) {
    multiplier_.fill(1.0f);
    return;
  }
  // E[X; a < Z < b] for X = exp(sigma Z - sigma^2 / 2) is Phi(b - sigma) - Phi(a - sigma).
  for (int k = 0; k < kBins; ++k) {
    const double a = normal_quantile(static_cast<double>(k) / kBins);
    const double b = normal_quantile(static_cast<double>(k + 1) / kBins);
    const double upper = std::isinf(b) ? 1.0 : normal_cdf(b - sigma);
    const double lower = std::isinf(a) ? 0.0 : normal_cdf(a - sigma);
    multiplier_[static_cast<std::size_t>(k)] = static_cast<float>(kBins * (upper - lower));
  }
}

const std::array<float, EarningsTable::kBins>& normal_bin_midpoints() {
  static const std::array<float, EarningsTable::kBins> table = [] {
    std::array<float, EarningsTable::kBins> t{};
    for (int k = 0; k < EarningsTable::kBins; ++k)
      t[static_cast<std::size_t>(k)] = static_cast<float>(normal_quantile((k + 0.5) / EarningsTable::kBins));
    return t;
  }();
  return table;
}

}  // namespace zhili
