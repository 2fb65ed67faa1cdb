// The standard normal distribution where a model needs it as a table:
// Phi, its inverse, and N(0, 1) discretised into 256 equally likely bins, so
// that a pass reads a household's normal rank from the top 8 bits of a hash
// instead of evaluating a quantile (the earnings spread, model/earnings.hpp;
// the spread of activation thresholds, model/grievance.cpp).
#pragma once

#include <array>
#include <cstdint>

namespace zhili {

inline constexpr int kNormalBins = 256;

double normal_cdf(double z);
// Inverse of normal_cdf (bisection, to double precision; for building tables,
// not for the step loop). -inf at 0, +inf at 1.
double normal_quantile(double p);
// Quantiles at the bin midpoints (k + 0.5) / 256.
const std::array<float, kNormalBins>& normal_bin_midpoints();

// A bin from a uniform draw in [0, 1).
inline std::size_t normal_bin(double u) { return static_cast<std::size_t>(u * kNormalBins); }

}  // namespace zhili
