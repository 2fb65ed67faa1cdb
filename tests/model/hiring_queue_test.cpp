// The hiring queue orders only its head (docs: sim/model/hiring_queue.hpp):
// whatever it orders, reading it from the front must give the whole queue
// sorted by (order, slot), on any thread count, including past the head and
// when the keys are not uniform enough for the cut.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/parallel.hpp"
#include "core/splitmix.hpp"
#include "model/hiring_queue.hpp"

namespace zhili {

namespace {

using Seeker = HiringQueue::Seeker;

// Fills the queue as the separations pass does: each block of slots writes
// the seekers among its households at its own start. Every third block has
// none; keys are uniform, or squeezed into the top 1/64 of the range.
std::vector<Seeker> fill(HiringQueue& q, std::size_t households, bool uniform_keys) {
  q.prepare(households);
  std::vector<Seeker> all;
  for (std::size_t blk = 0; blk < Executor::block_count(households); ++blk) {
    Seeker* out = q.block_start(blk);
    std::size_t count = 0;
    const std::size_t end = std::min(households, (blk + 1) * Executor::kBlock);
    for (std::size_t i = blk * Executor::kBlock; i < end && blk % 3 != 1; ++i) {
      const std::uint64_t bits = splitmix64_mix(i + 1);
      if (bits % 5 == 0) continue;  // employed
      // A few equal keys, so the slot must break ties.
      std::uint32_t order = i % 97 == 0 ? 12345 : static_cast<std::uint32_t>(splitmix64_mix(bits) >> 32);
      if (!uniform_keys) order = ~std::uint32_t{0} - (order >> 6);
      const Seeker sk{order, static_cast<std::uint32_t>(i), static_cast<std::uint8_t>(i % 4),
                      static_cast<std::uint8_t>(1 + i % 3)};
      out[count++] = sk;
      all.push_back(sk);
    }
    q.set_block_count(blk, count);
  }
  std::sort(all.begin(), all.end(), [](const Seeker& a, const Seeker& b) {
    return a.order != b.order ? a.order < b.order : a.slot < b.slot;
  });
  return all;
}

}  // namespace

TEST(HiringQueue, ReadsAsTheWholeQueueSortedWhateverIsWanted) {
  constexpr std::size_t kHouseholds = 50'000;  // 13 blocks, the last partial
  for (const bool uniform : {true, false}) {
    for (int threads : {1, 2, 3}) {
      const Executor exec(threads);
      for (std::size_t wanted : {std::size_t{0}, std::size_t{7}, std::size_t{1'000}, std::size_t{9'000},
                                 std::size_t{30'000}, std::size_t{60'000}}) {
        HiringQueue q;
        q.reserve(kHouseholds);
        const std::vector<Seeker> expected = fill(q, kHouseholds, uniform);
        q.order(wanted, exec);
        ASSERT_EQ(q.size(), expected.size());
        // Read from the front, as the hiring loop does, and past the head.
        for (std::size_t k = 0; k < q.size(); ++k) {
          const Seeker& got = q.at(k, exec);
          ASSERT_EQ(got.order, expected[k].order) << "entry " << k << ", wanted " << wanted << ", " << threads
                                                  << " threads, uniform keys " << uniform;
          ASSERT_EQ(got.slot, expected[k].slot) << "entry " << k;
          ASSERT_EQ(got.home_zone, expected[k].home_zone);
          ASSERT_EQ(got.workers, expected[k].workers);
        }
      }
    }
  }
}

}  // namespace zhili
