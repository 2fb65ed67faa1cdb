#include "model/earnings.hpp"

#include <cmath>

#include "core/normal.hpp"

namespace zhili {

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

}  // namespace zhili
