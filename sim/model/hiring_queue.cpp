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

}  // namespace

void HiringQueue::reserve(std::size_t households) {
  reserve_touched(seekers_, households);  // core/prefault.hpp: the first step fills them
  count_.reserve(Executor::block_count(households));
  taken_.reserve(Executor::block_count(households));
  moved_.reserve(Executor::block_count(households) + 1);
  reserve_touched(head_, households);
}

void HiringQueue::prepare(std::size_t households) {
  seekers_.resize(households);  // within the reserve; only new elements are initialised
  blocks_ = Executor::block_count(households);
  count_.assign(blocks_, 0);
  taken_.assign(blocks_, 0);
  head_.clear();
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
  exec.for_range(blocks_, 1, [&](std::size_t bb, std::size_t be) {
    for (std::size_t blk = bb; blk < be; ++blk) {
      const std::size_t k = moved_[blk + 1] - moved_[blk];
      std::copy_n(block_start(blk) + taken_[blk], k, head_.data() + moved_[blk]);
      taken_[blk] += k;
    }
  });
  exec.sort(head_.begin() + static_cast<std::ptrdiff_t>(before), head_.end(), by_order);
  complete_ = last;
}

}  // namespace zhili
