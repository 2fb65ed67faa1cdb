// Distances to the nearest outlet handling a need, and the share of people
// within a service radius (world/accessibility.hpp).
#include <gtest/gtest.h>

#include <cmath>

#include "world/accessibility.hpp"

namespace zhili {
namespace {

constexpr NeedMask kRegistration = need_bit(NeedType::registration);

TEST(Accessibility, HandCheckedDistances) {
  const CellGrid g = empty_grid(5, 4, 0.5);
  const Executor ex(1);
  // An outlet handling everything at [1, 1], one for registration only at [4, 3].
  const std::vector<OpenOutlet> outlets{{g.index(1, 1), kAllNeeds}, {g.index(4, 3), kRegistration}};
  const auto reg = nearest_outlet_km(g, outlets, NeedType::registration, ex);
  const auto emp = nearest_outlet_km(g, outlets, NeedType::employment, ex);
  ASSERT_EQ(reg.size(), 20u);
  EXPECT_EQ(reg[g.index(1, 1)], 0.0f);
  EXPECT_EQ(reg[g.index(4, 3)], 0.0f);
  EXPECT_FLOAT_EQ(reg[g.index(0, 0)], static_cast<float>(std::sqrt(2.0) * 0.5));
  EXPECT_FLOAT_EQ(reg[g.index(4, 0)], 1.5f);  // 3 cells up from [4, 3]; [1, 1] is sqrt(10) away
  EXPECT_FLOAT_EQ(emp[g.index(4, 0)], static_cast<float>(std::sqrt(10.0) * 0.5));
  EXPECT_FLOAT_EQ(reg[g.index(3, 2)], static_cast<float>(std::sqrt(2.0) * 0.5));
  EXPECT_FLOAT_EQ(emp[g.index(4, 3)], static_cast<float>(std::sqrt(13.0) * 0.5));
  EXPECT_FLOAT_EQ(emp[g.index(1, 3)], 1.0f);
}

TEST(Accessibility, NoOutletForANeedIsInfinitelyFar) {
  const CellGrid g = empty_grid(3, 2, 1.0);
  const std::vector<OpenOutlet> outlets{{0, kRegistration}};
  const auto km = nearest_outlet_km(g, outlets, NeedType::elderly_care, Executor(1));
  for (float d : km) EXPECT_EQ(d, kNoOutlet);
  const auto none = nearest_outlet_km(g, {}, NeedType::registration, Executor(1));
  for (float d : none) EXPECT_EQ(d, kNoOutlet);
  const std::vector<std::int32_t> people{1, 2, 3, 4, 5, 6};
  EXPECT_EQ(share_within_km(km, people, 100.0), 0.0);
}

// Against the plain O(cells x outlets) search, on an odd-sized map with
// outlets of mixed needs, some sharing a cell; any thread count gives the
// same bits.
TEST(Accessibility, MatchesBruteForceForAnyThreadCount) {
  const CellGrid g = empty_grid(157, 93, 0.3);
  std::vector<OpenOutlet> outlets;
  std::uint32_t h = 12345;
  auto next = [&] { return h = h * 1103515245u + 12345u, (h >> 8) & 0xffff; };
  for (int i = 0; i < 23; ++i) {
    const auto cell = static_cast<std::int32_t>(next() % g.size());
    outlets.push_back({cell, static_cast<NeedMask>(next() & kAllNeeds)});
  }
  outlets.push_back({outlets[0].cell, kAllNeeds});
  const auto one = nearest_outlet_km_all(g, outlets, Executor(1));
  const auto three = nearest_outlet_km_all(g, outlets, Executor(3));
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    for (std::size_t c = 0; c < g.size(); ++c) {
      std::int64_t best = -1;
      for (const auto& o : outlets) {
        if (!(o.needs & need_bit(static_cast<NeedType>(n)))) continue;
        const std::int64_t dx = g.x_of(static_cast<std::int32_t>(c)) - g.x_of(o.cell);
        const std::int64_t dy = g.y_of(static_cast<std::int32_t>(c)) - g.y_of(o.cell);
        if (best < 0 || dx * dx + dy * dy < best) best = dx * dx + dy * dy;
      }
      const float expected =
          best < 0 ? kNoOutlet : static_cast<float>(std::sqrt(static_cast<double>(best)) * 0.3);
      ASSERT_EQ(one[n][c], expected) << "need " << n << " cell " << c;
      ASSERT_EQ(three[n][c], one[n][c]) << "need " << n << " cell " << c;
    }
  }
}

// The generated layout's shape: a network handling every need, a department's
// own window for some needs (a few extra outlets: the distances are derived
// from the network's), and a need with more extras than that (its own
// transform). Each need's distances equal its own transform's, bit for bit.
TEST(Accessibility, NeedsSharingANetworkMatchTheirOwnTransforms) {
  const CellGrid g = empty_grid(211, 167, 0.25);
  std::vector<OpenOutlet> outlets;
  std::uint32_t h = 777;
  auto next = [&] { return h = h * 1103515245u + 12345u, (h >> 8) & 0xffff; };
  const auto any_cell = [&] { return static_cast<std::int32_t>(next() % g.size()); };
  for (int i = 0; i < 40; ++i) outlets.push_back({any_cell(), kAllNeeds});
  for (NeedType n : {NeedType::school_enrolment, NeedType::business_licence, NeedType::housing_assistance})
    outlets.push_back({any_cell(), need_bit(n)});
  outlets.push_back({any_cell(), need_bit(NeedType::business_licence)});  // a second window
  for (int i = 0; i < 12; ++i) outlets.push_back({any_cell(), need_bit(NeedType::elderly_care)});
  for (int threads : {1, 2}) {
    const Executor ex(threads);
    const auto all = nearest_outlet_km_all(g, outlets, ex);
    for (std::size_t n = 0; n < kNeedCount; ++n) {
      const auto own = nearest_outlet_km(g, outlets, static_cast<NeedType>(n), ex);
      ASSERT_EQ(all[n].size(), own.size());
      for (std::size_t c = 0; c < g.size(); ++c)
        ASSERT_EQ(all[n][c], own[c]) << "need " << n << " cell " << c << " threads " << threads;
    }
  }
}

TEST(Accessibility, ShareOfPeopleWithinTheRadius) {
  // A row of 6 cells of 1 km, the outlet in the first: distances 0, 1, ..., 5 km.
  const CellGrid g = empty_grid(6, 1, 1.0);
  const std::vector<OpenOutlet> outlets{{0, kRegistration}};
  const std::vector<std::int32_t> people{10, 20, 30, 0, 25, 15};  // 100 in all
  const auto km = nearest_outlet_km(g, outlets, NeedType::registration, Executor(1));
  EXPECT_DOUBLE_EQ(share_within_km(km, people, 2.0), 0.6);  // 2 km is within
  EXPECT_DOUBLE_EQ(share_within_km(km, people, 1.99), 0.3);
  EXPECT_DOUBLE_EQ(share_within_km(km, people, 0.0), 0.1);
  EXPECT_DOUBLE_EQ(share_within_km(km, people, 10.0), 1.0);
  const auto all = share_within_km_all(g, outlets, people, 2.0, Executor(2));
  EXPECT_DOUBLE_EQ(all[static_cast<std::size_t>(NeedType::registration)], 0.6);
  EXPECT_DOUBLE_EQ(all[static_cast<std::size_t>(NeedType::employment)], 0.0);
  EXPECT_EQ(share_within_km(km, std::vector<std::int32_t>(6, 0), 2.0), 0.0);
}

}  // namespace
}  // namespace zhili
