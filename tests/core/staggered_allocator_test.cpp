#include "core/staggered_allocator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

namespace zhili {

TEST(StaggeredAllocator, LargeArraysStartInDifferentCacheSets) {
  // Sixteen byte-wide fields of a million agents: element i of each must fall
  // in a different L1 set (64-byte lines, 64 sets: the offset within a page).
  std::vector<AgentArray<std::uint8_t>> fields(16);
  std::set<std::uintptr_t> sets;
  for (auto& f : fields) {
    f.reserve(1'000'000);
    sets.insert(reinterpret_cast<std::uintptr_t>(f.data()) % 4096 / 64);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(f.data()) % 64, 0u);  // whole lines
  }
  EXPECT_EQ(sets.size(), fields.size());
}

TEST(StaggeredAllocator, BehavesAsAVector) {
  AgentArray<std::int32_t> v;
  for (std::int32_t i = 0; i < 200'000; ++i) v.push_back(i);  // grows through small and large blocks
  AgentArray<std::int32_t> copy = v;
  copy.resize(10);
  copy.shrink_to_fit();
  ASSERT_EQ(v.size(), 200'000u);
  for (std::int32_t i = 0; i < 200'000; i += 997) EXPECT_EQ(v[static_cast<std::size_t>(i)], i);
  EXPECT_EQ(copy.back(), 9);
}

}  // namespace zhili
