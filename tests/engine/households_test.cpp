#include "world/households.hpp"

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

