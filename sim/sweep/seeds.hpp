// Seeds of a sweep's runs, derived from its master seed with SplitMix64
// (Steele, Lea & Flood 2014; the finaliser of java.util.SplittableRandom).
//
// A run's seed depends only on (master, design point, replicate), never on the
// number of workers or on the order runs finish in, so a sweep resumed or run
// with another --jobs gives every run the same seed. docs/SWEEPS.md states the
// formula; changing it changes every sweep's results, so it is fixed.
#pragma once

#include <cstdint>

namespace zhili::sweep {

inline constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

// The SplitMix64 output function: a bijection of 64-bit words that mixes
// neighbouring inputs into unrelated outputs.
inline constexpr std::uint64_t splitmix64_mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The SplitMix64 generator (for the Latin hypercube's strata and jitter).
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix64_mix(state_ += kGolden); }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint64_t below(std::uint64_t n) {  // [0, n), Lemire's multiply-shift
    __extension__ typedef unsigned __int128 u128;  // GCC/Clang built-in, as in core/rng.hpp
    return static_cast<std::uint64_t>((static_cast<u128>(next()) * n) >> 64);
  }

 private:
  std::uint64_t state_;
};

// seed = mix(mix(mix(master + G) + (point+1) G) + (replicate+1) G) >> 1, G the
// golden-ratio constant. The shift keeps it in run.seed's range [0, 2^63).
inline constexpr std::uint64_t run_seed(std::uint64_t master, std::uint64_t point, std::uint64_t replicate) {
  std::uint64_t h = splitmix64_mix(master + kGolden);
  h = splitmix64_mix(h + (point + 1) * kGolden);
  h = splitmix64_mix(h + (replicate + 1) * kGolden);
  return h >> 1;
}

}  // namespace zhili::sweep
