// SplitMix64 (Steele, Lea & Flood 2014; the output function of
// java.util.SplittableRandom): a bijection of 64-bit words that mixes
// neighbouring inputs into unrelated outputs, and the generator built on it.
// Used where a cheap, well-mixed hash of consecutive counters is enough:
// StepHash (core/rng.hpp) and sweep seeds and designs (sweep/seeds.hpp).
#pragma once

#include <cstdint>

namespace zhili {

inline constexpr std::uint64_t kSplitMixGolden = 0x9e3779b97f4a7c15ULL;

inline constexpr std::uint64_t splitmix64_mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix64_mix(state_ += kSplitMixGolden); }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint64_t below(std::uint64_t n) {  // [0, n), Lemire's multiply-shift
    __extension__ typedef unsigned __int128 u128;  // GCC/Clang built-in, as in core/rng.hpp
    return static_cast<std::uint64_t>((static_cast<u128>(next()) * n) >> 64);
  }

 private:
  std::uint64_t state_;
};

}  // namespace zhili
