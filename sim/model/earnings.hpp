// Earnings dispersion: a household's fixed place in the distribution of
// earnings within its sector.
//
// Earnings within one occupation are close to log-normal (Aitchison & Brown
// 1957; Mincer 1974): a worker earns the sector's wage times X, with
// ln X ~ N(-sigma^2 / 2, sigma^2) so that E[X] = 1 and the sector's mean wage
// is kept. Each household draws its rank u ~ U(0, 1) once, from its id
// (stream `earnings`), and keeps it for life; the rank's top 8 bits pick one
// of 256 equally likely bins, and the multiplier is X's mean within that bin,
// E[X | bin k] = 256 (Phi(b_k - sigma) - Phi(a_k - sigma)) for the bin's
// standard-normal bounds a_k, b_k. So the multipliers average exactly 1 over
// the bins, and a pass reads one table entry instead of evaluating a quantile.
// sigma = 0 gives every household the sector's wage (multiplier 1).
#pragma once

#include <array>
#include <cstdint>

#include "core/normal.hpp"
#include "core/rng.hpp"

namespace zhili {

class EarningsTable {
 public:
  static constexpr int kBins = kNormalBins;
  EarningsTable() { multiplier_.fill(1.0f); }
  explicit EarningsTable(double sigma);
  float operator[](std::uint8_t bin) const { return multiplier_[bin]; }
  bool flat() const { return flat_; }

 private:
  std::array<float, kBins> multiplier_{};
  bool flat_ = true;
};

// A household's earnings bin: the top 8 bits of its fixed draw.
inline std::uint8_t earnings_bin(const StepHash& ranks, std::uint64_t id) {
  return static_cast<std::uint8_t>(ranks.bits(id) >> 56);
}

}  // namespace zhili
