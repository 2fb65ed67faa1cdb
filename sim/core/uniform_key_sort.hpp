// Sorting items whose leading key is a uniform 64-bit hash, such as the
// labour market's hiring lottery (labour_market.cpp), in linear time:
// scatter the items into about n/16 buckets by the key's top bits (a
// counting sort, stable), then sort each bucket on its own, buckets in
// parallel. The top bits order the buckets, so the result is exactly
// std::sort's under the same strict order - which must compare the key
// first - for any thread count. A skewed key makes it slower, never wrong.
//
// Why: at the first step of a run every city household may be a seeker, and
// std::sort of three quarters of a million of them took about 70 ms on one
// thread, as long as a whole later step (bench/README.md).
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/parallel.hpp"

namespace zhili {

// Below this many items a plain std::sort is as fast.
inline constexpr std::size_t kUniformKeySortMin = 4096;

// Sorts `items` by `less`; key(item) is the uint64 that `less` compares
// first. `scratch` and `bucket_begin` are reused (no allocation once grown).
template <class T, class Key, class Less>
void sort_by_uniform_key(const Executor& exec, std::span<T> items, std::vector<T>& scratch,
                         std::vector<std::uint32_t>& bucket_begin, Key key, Less less) {
  const std::size_t n = items.size();
  if (n < kUniformKeySortMin) {
    std::sort(items.begin(), items.end(), less);
    return;
  }
  // About 16 items a bucket: a bucket's sort stays in the L1 cache.
  const int bits = std::min(24, static_cast<int>(std::bit_width(n / 16)));
  const int shift = 64 - bits;
  const std::size_t buckets = std::size_t{1} << bits;
  bucket_begin.assign(buckets + 1, 0u);
  for (const T& x : items) ++bucket_begin[(key(x) >> shift) + 1];
  for (std::size_t b = 0; b < buckets; ++b) bucket_begin[b + 1] += bucket_begin[b];
  scratch.resize(n);
  {
    // Scatter through a cursor per bucket: bucket_begin shifted by one
    // bucket is each bucket's end, so count back up from the begins.
    std::vector<std::uint32_t>& cursor = bucket_begin;
    for (const T& x : items) scratch[cursor[key(x) >> shift]++] = x;
    // The cursors now hold each bucket's end; shift them back to begins.
    for (std::size_t b = buckets; b > 0; --b) cursor[b] = cursor[b - 1];
    cursor[0] = 0;
  }
  exec.for_range(buckets, 256, [&](std::size_t bb, std::size_t be) {
    for (std::size_t b = bb; b < be; ++b) {
      // Insertion sort into place: a bucket holds about 16 items (std::sort
      // per bucket took twice as long, in its set-up).
      const std::size_t begin = bucket_begin[b], end = bucket_begin[b + 1];
      for (std::size_t k = begin; k < end; ++k) {
        const T x = scratch[k];
        std::size_t j = k;
        for (; j > begin && less(x, items[j - 1]); --j) items[j] = items[j - 1];
        items[j] = x;
      }
    }
  });
}

}  // namespace zhili
