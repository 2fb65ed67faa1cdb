// The split families' measures of a block of households (docs/MODEL.md 7.15):
// counts and sums added a block at a time, without branches.
//
// The economy's measuring pass reads the same arrays (registration, sector,
// workers, income, size, the members left behind), so when the economy is on
// it adds each of its blocks here while the block is in cache
// (metrics_economy.cpp) and Families::measure takes the sums from it; a second
// pass over every household cost 4.5 ms a step at 1 million households
// (bench/README.md). Without the economy, Families::measure makes its own pass
// with the same add_block().
#pragma once

#include <array>
#include <cstdint>

#include "world/households.hpp"

namespace zhili {

inline constexpr std::size_t kInsuranceSchemes = 3;  // pension, medical, work injury (families.hpp)

struct FamilyTally {
  std::int64_t left_children = 0, left_elderly = 0, left_workers = 0;
  std::int64_t left_workers_on_map = 0;                     // at an origin on the map
  std::int64_t left_migrant_children = 0;
  std::int64_t children_migrant = 0, children_permit = 0;  // in the city, without and with a permit
  std::int64_t away_workers = 0, whole = 0, local = 0;     // migrant workers away, of them whole; local
  std::int64_t migrants = 0, split = 0;                     // migrant households, of them split
  std::int64_t floating = 0, away = 0;                      // persons away from their registration
  // Workers in urban jobs, all and migrants, and of them those insured, by scheme.
  std::int64_t employed = 0, employed_migrant = 0;
  std::array<std::int64_t, kInsuranceSchemes> insured{}, insured_migrant{};
  double remitted = 0;                                      // income of split households (yuan/month)

  // Adds the households of slots [first, end), at most one block
  // (Executor::kBlock) of them. The counts are summed in 32 bits (at most
  // 4096 x 255 x 255 each) with masks instead of branches or products, in a
  // loop over byte arrays the compiler vectorises; the groups are mixed at
  // random in the store, so a branch on the group would mispredict every
  // other household (bench/README.md). The income sum is a loop of its own.
  void add_block(const HouseholdStore& h, std::size_t first, std::size_t end) {
    const std::size_t n = end - first;
    const auto* reg = reinterpret_cast<const std::uint8_t*>(&h.registration[first]);
    const auto* sec = reinterpret_cast<const std::uint8_t*>(&h.sector[first]);
    const std::uint8_t* lc = &h.left_children[first];
    const std::uint8_t* le = &h.left_elderly[first];
    const std::uint8_t* lw = &h.left_workers[first];
    const std::uint8_t* wk = &h.workers[first];
    const std::uint8_t* ch = &h.children[first];
    const std::uint8_t* sz = &h.size[first];
    const std::uint8_t* aw = &h.away[first];
    const std::uint8_t* in = &h.insured[first];
    const std::int32_t* origin = &h.origin[first];
    constexpr auto kMigrant = static_cast<std::uint8_t>(Registration::migrant);
    constexpr auto kPermit = static_cast<std::uint8_t>(Registration::migrant_permit);
    constexpr auto kVillager = static_cast<std::uint8_t>(Registration::registered_rural);
    constexpr auto kSecondary = static_cast<std::uint8_t>(Sector::secondary);
    constexpr auto kTertiary = static_cast<std::uint8_t>(Sector::tertiary);
    std::int32_t s_lw_map = 0;
    std::int32_t s_lc = 0, s_le = 0, s_lw = 0, s_lmc = 0, s_cm = 0, s_cp = 0, s_aw = 0, s_whole = 0;
    std::int32_t s_local = 0, s_mig = 0, s_split = 0, s_float = 0, s_away = 0, s_emp = 0, s_emp_m = 0;
    std::int32_t s_ins[kInsuranceSchemes] = {}, s_ins_m[kInsuranceSchemes] = {};
    for (std::size_t j = 0; j < n; ++j) {
      // All-ones masks: -1 where true, 0 where false.
      const std::int32_t no_permit = -static_cast<std::int32_t>(reg[j] == kMigrant);
      const std::int32_t permit = -static_cast<std::int32_t>(reg[j] == kPermit);
      const std::int32_t mig = no_permit | permit;
      const std::int32_t villager = -static_cast<std::int32_t>(reg[j] == kVillager);
      const std::int32_t any_left = -static_cast<std::int32_t>((lc[j] | le[j] | lw[j]) != 0);
      const std::int32_t job = -static_cast<std::int32_t>((sec[j] == kSecondary) | (sec[j] == kTertiary));
      const std::int32_t workers = wk[j];
      s_lc += lc[j];
      s_le += le[j];
      s_lw += lw[j];
      s_lw_map += -static_cast<std::int32_t>(origin[j] >= 0) & lw[j];
      s_lmc += mig & lc[j];
      s_cm += no_permit & ch[j];
      s_cp += permit & ch[j];
      s_aw += mig & workers;
      s_whole += mig & ~any_left & workers;
      s_mig -= mig;
      s_split -= mig & any_left;
      s_float += mig & sz[j];
      // Villagers in an urban job work off the farm nearby: villagers live in the villages.
      s_local += villager & job & workers;
      s_away += aw[j] * static_cast<std::int32_t>(sz[j]);
      const std::int32_t counted = job & ~villager & workers;
      s_emp += counted;
      s_emp_m += mig & counted;
      for (std::size_t sc = 0; sc < kInsuranceSchemes; ++sc) {
        const std::int32_t covered = counted & -static_cast<std::int32_t>((in[j] >> sc) & 1);
        s_ins[sc] += covered;
        s_ins_m[sc] += mig & covered;
      }
    }
    // Income of split households, sent home in part: four running sums, so
    // that an add need not wait for the one before (a fixed order within the
    // block, so the same for any thread count).
    const float* income = &h.income[first];
    double part[4] = {0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4)
      for (std::size_t k = 0; k < 4; ++k)
        part[k] += static_cast<double>((lc[j + k] | le[j + k] | lw[j + k]) != 0) * income[j + k];
    for (; j < n; ++j) part[0] += static_cast<double>((lc[j] | le[j] | lw[j]) != 0) * income[j];
    const double sent = (part[0] + part[1]) + (part[2] + part[3]);
    left_children += s_lc;
    left_elderly += s_le;
    left_workers += s_lw;
    left_workers_on_map += s_lw_map;
    left_migrant_children += s_lmc;
    children_migrant += s_cm;
    children_permit += s_cp;
    away_workers += s_aw;
    whole += s_whole;
    local += s_local;
    migrants += s_mig;
    split += s_split;
    floating += s_float;
    away += s_away;
    employed += s_emp;
    employed_migrant += s_emp_m;
    for (std::size_t sc = 0; sc < kInsuranceSchemes; ++sc) {
      insured[sc] += s_ins[sc];
      insured_migrant[sc] += s_ins_m[sc];
    }
    remitted += sent;
  }

  void merge(const FamilyTally& b) {
    left_children += b.left_children;
    left_elderly += b.left_elderly;
    left_workers += b.left_workers;
    left_workers_on_map += b.left_workers_on_map;
    left_migrant_children += b.left_migrant_children;
    children_migrant += b.children_migrant;
    children_permit += b.children_permit;
    away_workers += b.away_workers;
    whole += b.whole;
    local += b.local;
    migrants += b.migrants;
    split += b.split;
    floating += b.floating;
    away += b.away;
    employed += b.employed;
    employed_migrant += b.employed_migrant;
    for (std::size_t sc = 0; sc < kInsuranceSchemes; ++sc) {
      insured[sc] += b.insured[sc];
      insured_migrant[sc] += b.insured_migrant[sc];
    }
    remitted += b.remitted;
  }
};

}  // namespace zhili
