// A serial sequence of draws for one (stream, step): the words of
// CounterRng(seed, stream, step, ~0) (no agent id takes ~0), for serial
// phases that visit agents in a random order (Fisher-Yates shuffles).
#pragma once

#include <cstdint>

#include "core/rng.hpp"

namespace zhili {

// One Philox sequence per (stream, step), each 64-bit word used as two 32-bit draws.
class StepSequence {
 public:
  StepSequence(std::uint64_t seed, Stream stream, std::uint64_t step)
      : key_{{seed, static_cast<std::uint64_t>(stream)}}, ctr_{{~std::uint64_t{0}, step, 0, 0}} {}

  // The words of CounterRng(seed, stream, step, ~0), low half first.
  std::uint32_t next32() {
    if (used_ == 8) refill();
    return halves_[used_++];
  }

  // Uniform in [0, n), n >= 1, without bias (Lemire 2019: multiply-shift,
  // rejecting the few low products that would favour some values).
  std::uint64_t below(std::uint64_t n) {
    if (n > 0xffffffffu) {  // not met in practice: as CounterRng::below, bias < n / 2^64
      const std::uint64_t word = (std::uint64_t{next32()} << 32) | next32();
      return static_cast<std::uint64_t>((static_cast<uint128_t>(word) * n) >> 64);
    }
    const auto n32 = static_cast<std::uint32_t>(n);
    std::uint64_t m = std::uint64_t{next32()} * n32;
    if (static_cast<std::uint32_t>(m) < n32) {
      const std::uint32_t threshold = static_cast<std::uint32_t>(-n32) % n32;
      while (static_cast<std::uint32_t>(m) < threshold) m = std::uint64_t{next32()} * n32;
    }
    return m >> 32;
  }

  bool bernoulli(double p) { return next32() * 0x1.0p-32 < p; }

 private:
  void refill() {
    const CounterRng::Philox::ctr_type block = philox_(ctr_, key_);
    ctr_.v[2] += 1;
    for (int i = 0; i < 4; ++i) {
      halves_[2 * i] = static_cast<std::uint32_t>(block.v[i]);
      halves_[2 * i + 1] = static_cast<std::uint32_t>(block.v[i] >> 32);
    }
    used_ = 0;
  }

  CounterRng::Philox philox_{};
  CounterRng::Philox::key_type key_;
  CounterRng::Philox::ctr_type ctr_;
  std::uint32_t halves_[8] = {};
  int used_ = 8;
};

}  // namespace zhili
