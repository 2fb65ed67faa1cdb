// Seeds of a sweep's runs, derived from its master seed with SplitMix64
// (Steele, Lea & Flood 2014; the finaliser of java.util.SplittableRandom).
//
// A run's seed depends only on (master, design point, replicate), never on the
// number of workers or on the order runs finish in, so a sweep resumed or run
// with another --jobs gives every run the same seed. docs/SWEEPS.md states the
// formula; changing it changes every sweep's results, so it is fixed.
#pragma once

#include <cstdint>

#include "core/splitmix.hpp"

namespace zhili::sweep {

using zhili::SplitMix64;
using zhili::splitmix64_mix;
inline constexpr std::uint64_t kGolden = kSplitMixGolden;

// seed = mix(mix(mix(master + G) + (point+1) G) + (replicate+1) G) >> 1, G the
// golden-ratio constant. The shift keeps it in run.seed's range [0, 2^63).
inline constexpr std::uint64_t run_seed(std::uint64_t master, std::uint64_t point, std::uint64_t replicate) {
  std::uint64_t h = splitmix64_mix(master + kGolden);
  h = splitmix64_mix(h + (point + 1) * kGolden);
  h = splitmix64_mix(h + (replicate + 1) * kGolden);
  return h >> 1;
}

}  // namespace zhili::sweep
