// The job-seekers' queue of a labour-market step, in hiring order: ascending
// (order, slot), where order is a uniform hash of (seed, step, household id)
// - a lottery no thread timing can change (docs/MODEL.md, labour market).
//
// Only the head of the queue is ever hired: at most one seeker per open job,
// plus slack for households that do not fit or do not commute. Because the
// keys are uniform, about total x s of them lie below s x 2^32. So the queue
// is ordered a window of keys at a time, from the lowest: each block of
// households moves its seekers under the window's upper cut to its front
// (blocks in parallel), those are appended to head_ and sorted there: spread
// by key into narrow buckets (a counting sort, straight from the blocks;
// the keys are uniform, so a bucket holds a few seekers), then each bucket
// sorted (buckets in parallel). The
// first window holds a little more than the seekers wanted; should the head
// run out before the jobs do, the next window is twice as wide, and so on.
// Seekers never reached are never ordered. Every key in a window is above
// every key of the windows before it, so head_ is the front of the whole
// queue in order, the same for any windows and on any thread count ((order,
// slot) is a strict total order). Why windows rather than one sort of every
// seeker: bench/README.md, "Figures from the code".
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/parallel.hpp"

namespace zhili {

class HiringQueue {
 public:
  struct Seeker {
    // Hash: the hiring order. 32 bits keep a seeker at 12 bytes (the queue
    // has room for every household, twice); ties, a few hundred pairs among
    // a million seekers, go by slot.
    std::uint32_t order;
    std::uint32_t slot;
    // Copied here so that the serial hiring loop reads the seekers in order
    // instead of two household arrays at random slots.
    std::uint8_t home_zone;
    std::uint8_t workers;
  };
  static_assert(sizeof(Seeker) == 12);

  void reserve(std::size_t households);

  // Room for a step over `households` slots: the block of slots starting at
  // blk x Executor::kBlock writes its seekers from block_start(blk) on and
  // reports how many with set_block_count (blocks in parallel).
  void prepare(std::size_t households);
  Seeker* block_start(std::size_t blk) { return seekers_.data() + blk * Executor::kBlock; }
  void set_block_count(std::size_t blk, std::size_t count) { count_[blk] = count; }

  // Orders the front of the queue, at least `wanted` seekers if there are
  // that many (probably: see the cut in the .cpp).
  void order(std::size_t wanted, const Executor& exec);

  std::size_t size() const { return total_; }
  // The q-th seeker in hiring order, q < size(); past the ordered front, the
  // next windows of keys are ordered first.
  const Seeker& at(std::size_t q, const Executor& exec) {
    while (q >= head_.size() && !complete_) widen(exec);
    return head_[q];
  }
  // The q-th seeker if it is already ordered, else null; never widens (for
  // fetching a later seeker's household ahead of its turn).
  const Seeker* ordered(std::size_t q) const { return q < head_.size() ? &head_[q] : nullptr; }

 private:
  // Appends the seekers with keys from the last cut to next_cut (or all the
  // rest) to head_, in order.
  void take_window(std::uint64_t next_cut, bool last, const Executor& exec);
  void widen(const Executor& exec);

  std::vector<Seeker> seekers_;     // per block of households, its seekers at the block's start
  std::vector<std::size_t> count_;  // per block: its seekers
  std::vector<std::size_t> taken_;  // per block: its first taken_[blk] seekers are in head_
  std::vector<std::size_t> moved_;  // per block: where the window's seekers go in head_
  std::vector<Seeker> head_;        // the front of the queue, in order
  std::vector<std::uint32_t> bucket_at_;  // a window's counting sort: its buckets' places from the window's start
  std::uint64_t cut_ = 0;           // head_ holds every seeker with a key under cut_
  std::size_t blocks_ = 0, total_ = 0;
  double share_ = 0;                // the last window's cut as a share of the key range (of 2^32)
  bool complete_ = false;           // head_ holds every seeker
};

}  // namespace zhili
