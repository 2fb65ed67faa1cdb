// One parallel_for wrapper with a serial path, and a reduction whose result
// does not depend on the number of threads.
//
// Work is always cut into the same fixed blocks (kBlock items) whatever the
// thread count; threads only change who runs which block. Per-block partial
// results are stored by block index and combined in block order, so floating
// sums are bit-identical for 1, 2 or 64 threads (Box2D and
// tbb::parallel_deterministic_reduce follow the same idea).
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

#include "core/validate.hpp"

namespace zhili {

class Executor {
 public:
  // threads <= 0: all hardware threads.
  explicit Executor(int threads);
  int threads() const { return threads_; }

  static constexpr std::size_t kBlock = 4096;
  static std::size_t block_count(std::size_t n) { return (n + kBlock - 1) / kBlock; }

  // f(begin, end) over [0, n) in blocks of kBlock.
  template <class F>
  void for_blocks(std::size_t n, F&& f) const {
    for_each_block(n, [&](std::size_t, std::size_t b, std::size_t e) { f(b, e); });
  }

  // f(block_index, begin, end) over [0, n); block_index addresses per-block scratch.
  template <class F>
  void for_each_block(std::size_t n, F&& f) const {
    const std::size_t blocks = block_count(n);
    auto body = [&](std::size_t blk) {
      const std::size_t b = blk * kBlock;
      const std::size_t e = b + kBlock < n ? b + kBlock : n;
      f(blk, b, e);
    };
    if (threads_ == 1 || blocks <= 1) {
      for (std::size_t blk = 0; blk < blocks; ++blk) body(blk);
      return;
    }
    arena_->execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t blk = r.begin(); blk != r.end(); ++blk) body(blk);
                        },
                        tbb::simple_partitioner{});
    });
  }

  // Sorts [first, last) by `less`, in parallel and in place. `less` must be a
  // strict total order (no two items equivalent, e.g. ties broken by a slot):
  // then the sorted sequence is unique, whatever the thread count or the
  // splits tbb::parallel_sort makes.
  template <class It, class Less>
  void sort(It first, It last, Less less) const {
    if (threads_ == 1) {
      std::sort(first, last, less);
      return;
    }
    arena_->execute([&] { tbb::parallel_sort(first, last, less); });
  }

  // Plain index loop over [0, n) with a grain (for work that is not per agent,
  // such as per-cell or per-outlet loops, still deterministic: no shared writes).
  template <class F>
  void for_range(std::size_t n, std::size_t grain, F&& f) const {
    if (threads_ == 1 || n <= grain) {
      if (n) f(std::size_t{0}, n);
      return;
    }
    arena_->execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain),
                        [&](const tbb::blocked_range<std::size_t>& r) { f(r.begin(), r.end()); });
    });
  }

 private:
  int threads_;
  std::shared_ptr<tbb::task_arena> arena_;
};

// Deterministic reduction: map each fixed block to a partial T, then fold the
// partials in block order. `scratch` is reused between calls (no allocation
// once it has grown to the largest block count).
template <class T, class MapBlock, class Combine>
T deterministic_reduce(const Executor& ex, std::size_t n, std::vector<T>& scratch, T identity,
                       MapBlock&& map_block, Combine&& combine) {
  const std::size_t blocks = Executor::block_count(n);
  if (scratch.size() < blocks) scratch.resize(blocks);
  ex.for_each_block(n, [&](std::size_t blk, std::size_t b, std::size_t e) {
    scratch[blk] = map_block(b, e);
  });
  if constexpr (kValidate) check_combine(identity, scratch, blocks, combine);
  T acc = identity;
  for (std::size_t blk = 0; blk < blocks; ++blk) acc = combine(acc, scratch[blk]);
  return acc;
}

}  // namespace zhili
