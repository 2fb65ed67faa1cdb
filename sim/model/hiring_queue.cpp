#include "model/hiring_queue.hpp"

#include <algorithm>
#include <cmath>

#include "core/prefault.hpp"

namespace zhili {

namespace {

// A function object, not a function: passed by pointer, the sorts could not
// inline the comparison (the first step's sort took a fifth longer).
constexpr auto by_order = [](const HiringQueue::Seeker& a, const HiringQueue::Seeker& b) {
  return a.order != b.order ? a.order < b.order : a.slot < b.slot;
};

// Seekers per bucket of a window's counting sort, on average.
constexpr std::size_t kPerBucket = 8;
// Buckets per task of the sorts within buckets.
constexpr std::size_t kBucketGrain = 1024;

}  // namespace

void HiringQueue::reserve(std::size_t households) {
  reserve_touched(seekers_, households);  // core/prefault.hpp: the first step fills them
  count_.reserve(Executor::block_count(households));
  taken_.reserve(Executor::block_count(households));
  moved_.reserve(Executor::block_count(households) + 1);
  reserve_touched(head_, households);
  reserve_touched(bucket_at_, households / kPerBucket + 2);
}

void HiringQueue::prepare(std::size_t households) {
  seekers_.resize(households);  // within the reserve; only new elements are initialised
  blocks_ = Executor::block_count(households);
  count_.assign(blocks_, 0);
  taken_.assign(blocks_, 0);
  head_.clear();
  cut_ = 0;
  total_ = 0;
  share_ = 0;
  complete_ = false;
}

void HiringQueue::order(std::size_t wanted, const Executor& exec) {
  total_ = 0;
  for (std::size_t blk = 0; blk < blocks_; ++blk) total_ += count_[blk];
  wanted = std::min(wanted, total_);
  if (total_ == 0) return;
  // The first window: 8 standard deviations of the count under its cut above
  // `wanted`, and at most a quarter of the keys (the first step of a run,
  // when every city household seeks work, wants many more than are hired:
  // jobs count workers, and a household has one to three).
  const double expect = static_cast<double>(wanted) + 8.0 * std::sqrt(static_cast<double>(wanted)) + 64.0;
  share_ = std::min(expect / static_cast<double>(total_), 0.25);
  take_window(static_cast<std::uint64_t>(share_ * 0x1.0p32), false, exec);
}

void HiringQueue::widen(const Executor& exec) {
  share_ *= 2;
  if (share_ >= 0.75)
    take_window(0, true, exec);  // the rest
  else
    take_window(static_cast<std::uint64_t>(share_ * 0x1.0p32), false, exec);
}

void HiringQueue::take_window(std::uint64_t next_cut, bool last, const Executor& exec) {
  moved_.resize(blocks_ + 1);
  exec.for_range(blocks_, 1, [&](std::size_t bb, std::size_t be) {
    for (std::size_t blk = bb; blk < be; ++blk) {
      Seeker* first = block_start(blk) + taken_[blk];
      Seeker* end = block_start(blk) + count_[blk];
      Seeker* mid = last ? end : std::partition(first, end, [next_cut](const Seeker& sk) { return sk.order < next_cut; });
      moved_[blk + 1] = static_cast<std::size_t>(mid - first);
    }
  });
  const std::size_t before = head_.size();
  moved_[0] = before;
  for (std::size_t blk = 0; blk < blocks_; ++blk) moved_[blk + 1] += moved_[blk];
  head_.resize(moved_[blocks_]);
  // The window's keys lie in [cut_, upper): each seeker's bucket is its key's
  // place in that range, so the buckets come in key order.
  const std::size_t window = head_.size() - before;
  const std::uint64_t lower = cut_, upper = last ? std::uint64_t{1} << 32 : next_cut;
  const std::uint64_t buckets = std::max<std::size_t>(1, window / kPerBucket);
  const auto bucket_of = [&](const Seeker& sk) { return (std::uint64_t{sk.order} - lower) * buckets / (upper - lower); };
  bucket_at_.assign(buckets + 1, 0);
  for (std::size_t blk = 0; blk < blocks_; ++blk) {
    const Seeker* from = block_start(blk) + taken_[blk];
    for (std::size_t k = 0; k < moved_[blk + 1] - moved_[blk]; ++k) ++bucket_at_[bucket_of(from[k]) + 1];
  }
  for (std::size_t b = 0; b < buckets; ++b) bucket_at_[b + 1] += bucket_at_[b];
  // Placed in block order, then each bucket sorted: (order, slot) is a strict
  // total order, so the result is the same however they were placed.
  Seeker* to = head_.data() + before;
  for (std::size_t blk = 0; blk < blocks_; ++blk) {
    const std::size_t k = moved_[blk + 1] - moved_[blk];
    const Seeker* from = block_start(blk) + taken_[blk];
    for (std::size_t j = 0; j < k; ++j) to[bucket_at_[bucket_of(from[j])]++] = from[j];
    taken_[blk] += k;
  }
  // bucket_at_[b] is now where bucket b ends: bucket b is [bucket_at_[b - 1], bucket_at_[b]).
  exec.for_range(buckets, kBucketGrain, [&](std::size_t bb, std::size_t be) {
    for (std::size_t b = bb; b < be; ++b)
      std::sort(to + (b == 0 ? 0 : bucket_at_[b - 1]), to + bucket_at_[b], by_order);
  });
  cut_ = upper;
  complete_ = last;
}

}  // namespace zhili
