// Counter-based random numbers (Random123 Philox 4x64-10, Salmon et al. 2011).
//
// A generator is created on the spot for one (seed, stream, step, agent id) and
// holds no state beyond that: the numbers an agent draws do not depend on which
// thread runs it, on the order agents are visited, or on how many other agents
// exist. Key = (seed, stream); counter = (agent id, step, block index, 0). Each
// block yields four 64-bit words; a generator can draw 2^64 blocks.
#pragma once

#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

#include "core/splitmix.hpp"
#include "core/streams.hpp"

namespace zhili {

__extension__ typedef unsigned __int128 uint128_t;  // GCC/Clang built-in; no ISO equivalent

class CounterRng {
 public:
  using Philox = r123::Philox4x64;

  CounterRng(std::uint64_t seed, Stream stream, std::uint64_t step, std::uint64_t agent_id)
      : key_{{seed, static_cast<std::uint64_t>(stream)}},
        ctr_{{agent_id, step, 0, 0}} {}

  std::uint64_t next_u64() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < n/2^64).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<uint128_t>(next_u64()) * n) >> 64);
  }

  bool bernoulli(double p) { return uniform() < p; }

  // Exponential with the given mean.
  double exponential(double mean) { return -mean * std::log1p(-uniform()); }

  // Poisson by inversion for small means, normal approximation beyond 60
  // (enough for counts of arrivals per step; documented in docs/MODEL.md).
  std::uint64_t poisson(double mean);

  double normal() {  // Box-Muller, one of the pair
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  void refill() {
    block_ = philox_(ctr_, key_);
    ctr_.v[2] += 1;
    used_ = 0;
  }

  Philox philox_{};
  Philox::key_type key_;
  Philox::ctr_type ctr_;
  Philox::ctr_type block_{};
  int used_ = 4;
};

inline std::uint64_t CounterRng::poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean > 60.0) {
    const double x = std::round(mean + std::sqrt(mean) * normal());
    return x < 0.0 ? 0 : static_cast<std::uint64_t>(x);
  }
  const double limit = std::exp(-mean);
  double prod = uniform();
  std::uint64_t k = 0;
  while (prod > limit) {
    prod *= uniform();
    ++k;
  }
  return k;
}

// A cheap counter-based draw for the frequent yes/no questions of a pass over
// every agent, where most answers are "no" (does a household get a new service
// need this step, leave the city, lose its job?), and for the 64-bit keys that
// order claims: SplitMix64 (Steele, Lea & Flood 2014), whose outputs for
// consecutive counters pass BigCrush, with the state set from (seed, stream,
// step) once per step and the agent id as the counter: one multiply-xorshift
// finalizer per agent instead of ten Philox rounds, about a sixth of the time
// (bench/README.md, "Figures from the code"); a draw that needs several
// numbers, or comes after a "yes", stays with Philox.
class StepHash {
 public:
  StepHash(std::uint64_t seed, Stream stream, std::uint64_t step)
      : state_(splitmix64_mix(splitmix64_mix(seed + kSplitMixGolden * (static_cast<std::uint64_t>(stream) + 1)) +
                              kSplitMixGolden * (step + 1))) {}
  // 64 well-mixed bits for agent `id` (an ordering key).
  std::uint64_t bits(std::uint64_t id) const { return splitmix64_mix(state_ + kSplitMixGolden * (id + 1)); }
  // Uniform in [0, 1) with 53 bits, for agent `id`.
  double uniform(std::uint64_t id) const { return static_cast<double>(bits(id) >> 11) * 0x1.0p-53; }
  bool bernoulli(std::uint64_t id, double p) const { return uniform(id) < p; }
  // The per-step state; bits(id) = splitmix64_mix(state() + golden x (id + 1))
  // (for step_hash_uniforms, core/hash_batch.hpp).
  std::uint64_t state() const { return state_; }

 private:
  std::uint64_t state_;
};

// A 64-bit hash of (seed, stream, step, id) for ordering claims deterministically.
inline std::uint64_t counter_hash(std::uint64_t seed, Stream stream, std::uint64_t step,
                                  std::uint64_t id) {
  return CounterRng(seed, stream, step, id).next_u64();
}

}  // namespace zhili
