#include "core/uniform_key_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/splitmix.hpp"

namespace zhili {

namespace {

struct Item {
  std::uint64_t key;
  std::uint32_t slot;
  bool operator==(const Item&) const = default;
};
bool less(const Item& a, const Item& b) { return a.key != b.key ? a.key < b.key : a.slot < b.slot; }
std::uint64_t key_of(const Item& x) { return x.key; }

// Sorts a copy with sort_by_uniform_key on `threads` threads.
std::vector<Item> sorted(std::vector<Item> items, int threads) {
  const Executor ex(threads);
  std::vector<Item> scratch;
  std::vector<std::uint32_t> buckets;
  sort_by_uniform_key(ex, std::span(items), scratch, buckets, key_of, less);
  return items;
}

std::vector<Item> reference(std::vector<Item> items) {
  std::sort(items.begin(), items.end(), less);
  return items;
}

}  // namespace

TEST(UniformKeySort, GivesStdSortsOrderForHashKeysOnAnyThreadCount) {
  std::vector<Item> items;
  for (std::uint32_t i = 0; i < 200'003; ++i) items.push_back({splitmix64_mix(i * 7919ULL + 1), i});
  const auto want = reference(items);
  for (int t : {1, 2, 5}) EXPECT_EQ(sorted(items, t), want) << t << " threads";
}

TEST(UniformKeySort, BreaksTiedKeysByTheWholeOrder) {
  // Few distinct keys: every bucket holds long runs of equal keys, ordered by slot.
  std::vector<Item> items;
  for (std::uint32_t i = 0; i < 50'000; ++i) items.push_back({splitmix64_mix(i % 37), 50'000 - i});
  EXPECT_EQ(sorted(items, 2), reference(items));
}

TEST(UniformKeySort, SkewedKeysAreSlowerButStillSorted) {
  // All keys in the lowest bucket (top bits zero), and the extremes of the range.
  std::vector<Item> items;
  for (std::uint32_t i = 0; i < 20'000; ++i) items.push_back({splitmix64_mix(i) >> 40, i});
  items.push_back({~std::uint64_t{0}, 7});
  items.push_back({0, 8});
  EXPECT_EQ(sorted(items, 2), reference(items));
}

TEST(UniformKeySort, ShortInputsAndEmpty) {
  EXPECT_TRUE(sorted({}, 2).empty());
  std::vector<Item> few = {{5, 1}, {3, 2}, {5, 0}};
  EXPECT_EQ(sorted(few, 2), reference(few));
}

}  // namespace zhili
