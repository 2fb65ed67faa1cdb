#include "core/parallel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/splitmix.hpp"

namespace zhili {

namespace {
double sum_of_logs(int threads, std::size_t n) {
  Executor ex(threads);
  std::vector<double> scratch;
  return deterministic_reduce(
      ex, n, scratch, 0.0,
      [](std::size_t b, std::size_t e) {
        double s = 0;
        for (std::size_t i = b; i < e; ++i) s += std::log1p(static_cast<double>(i) * 1e-3);
        return s;
      },
      [](double a, double b) { return a + b; });
}
}  // namespace

TEST(Parallel, ReductionIsBitIdenticalForAnyThreadCount) {
  const std::size_t n = 1'000'003;  // not a multiple of the block size
  const double one = sum_of_logs(1, n);
  for (int t : {2, 3, 8}) EXPECT_EQ(one, sum_of_logs(t, n)) << t << " threads";
}

TEST(Parallel, ForBlocksVisitsEveryIndexOnce) {
  for (int t : {1, 4}) {
    Executor ex(t);
    std::vector<int> hits(100'001, 0);
    ex.for_blocks(hits.size(), [&](std::size_t b, std::size_t e) {
      for (std::size_t i = b; i < e; ++i) ++hits[i];
    });
    for (int h : hits) ASSERT_EQ(h, 1);
  }
}

TEST(Parallel, SortGivesTheSameOrderOnAnyThreadCount) {
  // A hiring queue: keys from a hash, many of them equal (ties broken by the
  // slot, so the order is total) - the order std::sort gives, for any threads.
  struct Item {
    std::uint64_t key;
    std::uint32_t slot;
    bool operator==(const Item&) const = default;
  };
  const auto less = [](const Item& a, const Item& b) { return a.key != b.key ? a.key < b.key : a.slot < b.slot; };
  std::vector<Item> items;
  for (std::uint32_t i = 0; i < 300'007; ++i) items.push_back({splitmix64_mix(i % 100'000), 300'007 - i});
  std::vector<Item> want = items;
  std::sort(want.begin(), want.end(), less);
  for (int t : {1, 2, 5}) {
    std::vector<Item> got = items;
    Executor(t).sort(got.begin(), got.end(), less);
    EXPECT_TRUE(got == want) << t << " threads";
  }
}

TEST(Parallel, EmptyRangeIsFine) {
  Executor ex(2);
  std::vector<int> scratch;
  EXPECT_EQ(deterministic_reduce(ex, 0, scratch, 7, [](std::size_t, std::size_t) { return 1; },
                                 [](int a, int b) { return a + b; }),
            7);
}

}  // namespace zhili
