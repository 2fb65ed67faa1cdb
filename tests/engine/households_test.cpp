#include "world/households.hpp"
#include "world/outlets.hpp"

#include <gtest/gtest.h>

namespace zhili {

TEST(HouseholdStore, IdsStayWithHouseholdsWhenSlotsMove) {
  HouseholdStore h;
  h.reserve(8, 16);
  for (int i = 0; i < 5; ++i) h.append(100 + i, Registration::registered_urban, 2, 0);
  const auto capacity_before = h.capacity();
  h.remove(1);  // household id 1 leaves; the last one (id 4) takes slot 1
  ASSERT_EQ(h.size_alive(), 4u);
  EXPECT_EQ(h.id[1], 4u);
  EXPECT_EQ(h.cell[1], 104);
  EXPECT_EQ(h.slot_of(4), 1);
  EXPECT_EQ(h.slot_of(1), kNoSlot);
  EXPECT_EQ(h.slot_of(99), kNoSlot);
  // New arrivals get fresh ids, never a departed one's.
  const auto slot = h.append(7, Registration::migrant, 3, 2);
  EXPECT_EQ(h.id[slot], 5u);
  EXPECT_EQ(h.slot_of(5), static_cast<std::int32_t>(slot));
  EXPECT_EQ(h.capacity(), capacity_before);  // no reallocation within the reserve
}

TEST(HouseholdStore, RemovingTheLastSlot) {
  HouseholdStore h;
  h.reserve(4, 4);
  h.append(1, Registration::registered_urban, 1, 0);
  h.append(2, Registration::registered_urban, 1, 0);
  h.remove(1);
  EXPECT_EQ(h.size_alive(), 1u);
  EXPECT_EQ(h.slot_of(0), 0);
  EXPECT_EQ(h.slot_of(1), kNoSlot);
}

}  // namespace zhili

namespace zhili {

TEST(OutletStore, ClosingAnOutletKeepsTheOthersIds) {
  OutletStore o;
  o.reserve(4, 8);
  o.append(10, OutletKind::district_centre, 12);
  o.append(20, OutletKind::street_station, 3);
  o.append(30, OutletKind::social_organisation, 2);
  const auto capacity = o.id.capacity();
  o.remove(0);  // the district centre closes; outlet id 2 takes slot 0
  ASSERT_EQ(o.size_alive(), 2u);
  EXPECT_EQ(o.slot_of(0), kNoSlot);
  EXPECT_EQ(o.slot_of(2), 0);
  EXPECT_EQ(o.cell[0], 30);
  EXPECT_EQ(o.kind[0], OutletKind::social_organisation);
  EXPECT_EQ(o.windows[0], 2);
  EXPECT_EQ(o.slot_of(1), 1);
  const auto slot = o.append(40, OutletKind::department_window, 1);  // a new outlet opens
  EXPECT_EQ(o.id[slot], 3u);
  EXPECT_EQ(o.id.capacity(), capacity);
}

}  // namespace zhili
