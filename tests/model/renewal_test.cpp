// Renewal projects (docs/MODEL.md 7.14) on the shipped renewal scenarios:
// every displaced household is accounted for once, homes lost and built
// match the schedule, consultation with fair compensation lowers disputes and
// incidents, and displaced tenants fill the remaining urban villages and
// raise their rents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "core/archive.hpp"
#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {
namespace {

const std::string kDir = std::string(ZHILI_SOURCE_DIR) + "/scenarios/renewal/";

Scenario village(const std::string& file, std::vector<std::string> more) {
  std::vector<std::string> o{"run.threads=2", "output.map_every=0"};
  o.insert(o.end(), more.begin(), more.end());
  return load_scenario(kDir + file, o);
}

double value(const Engine& e, const std::string& name, const std::string& label = "") {
  return e.observables()[*e.model().column_of(name, label)];
}

constexpr std::size_t kOwners = 0, kTenants = 1;
std::size_t group_of(Registration r) { return is_migrant(r) ? kTenants : kOwners; }

// Step by step through demolition and construction: the households in the
// cells cleared in a step are exactly those the step reports displaced, by
// group, and those it reports as having left are the ones gone. Departures
// and settlement are off, so nothing else removes or regroups them.
TEST(Renewal, EveryDisplacedHouseholdIsAccountedForOnce) {
  const Scenario s = village("village-low-compensation.yaml",
                             {"run.end=2020-10", "migration.return_rate=0", "migration.settlement_rate=0"});
  Engine e(s);
  const Renewal& r = e.model().renewal();
  ASSERT_EQ(r.project_count(), 1u);
  const std::vector<std::int32_t>& area = r.area(0);
  const double scale = s.population.scale;
  std::array<double, 2> seen{};  // displaced households counted by the test, by group
  std::array<std::array<double, kDisplacedCount>, 2> before{};
  int demolition_steps = 0;
  while (!e.done()) {
    const HouseholdStore& h = e.world().households;
    const std::size_t cleared_before = r.cleared(0);
    // Who lives in each cell of the area now.
    std::map<HouseholdId, std::pair<std::int32_t, std::size_t>> residents;  // id -> cell, group
    for (std::size_t i = 0; i < h.size_alive(); ++i)
      if (std::binary_search(area.begin(), area.end(), h.cell[i]))
        residents[h.id[i]] = {h.cell[i], group_of(h.registration[i])};
    before = r.displaced();
    e.step();
    const std::size_t cleared_after = r.cleared(0);
    if (cleared_after == cleared_before) continue;
    ++demolition_steps;
    const std::vector<std::int32_t> now(area.begin() + static_cast<std::ptrdiff_t>(cleared_before),
                                        area.begin() + static_cast<std::ptrdiff_t>(cleared_after));
    std::array<double, 2> expected{}, gone{}, moved_out{};
    for (const auto& [id, where] : residents) {
      if (!std::binary_search(now.begin(), now.end(), where.first)) continue;
      expected[where.second] += 1;
      const std::int32_t slot = h.slot_of(id);
      if (slot < 0) {
        gone[where.second] += 1;
      } else {
        EXPECT_FALSE(std::binary_search(area.begin(), area.end(), h.cell[static_cast<std::size_t>(slot)]))
            << "a displaced household is still in the area";
        moved_out[where.second] += 1;
      }
    }
    for (std::size_t g = 0; g < 2; ++g) {
      const auto& a = before[g];
      const auto& b = r.displaced()[g];
      const double moved = b[0] - a[0], resettled = b[1] - a[1], left = b[2] - a[2];
      EXPECT_DOUBLE_EQ(moved + resettled + left, expected[g] * scale) << "group " << g;
      EXPECT_DOUBLE_EQ(left, gone[g] * scale) << "group " << g;
      EXPECT_DOUBLE_EQ(moved + resettled, moved_out[g] * scale) << "group " << g;
      seen[g] += expected[g];
    }
    for (const std::int32_t c : now) EXPECT_EQ(e.world().grid.occupancy(c), 0);
  }
  EXPECT_EQ(demolition_steps, 6);  // demolition_months: 6, one part a month
  EXPECT_GT(seen[kOwners], 500);
  EXPECT_GT(seen[kTenants], 500);
  // Tenants are never resettled; owners are, about half (resettled: 0.5).
  const auto& d = r.displaced();
  EXPECT_EQ(d[kTenants][1], 0.0);
  EXPECT_NEAR(d[kOwners][1] / (d[kOwners][0] + d[kOwners][1] + d[kOwners][2]), 0.5, 0.05);
  // Homes: the area's homes at the notice are lost; 120 a cell are built
  // (build.homes), and the resettled owners are back in them.
  EXPECT_EQ(r.stage(0), Renewal::Stage::complete);
  EXPECT_DOUBLE_EQ(r.homes_lost(), r.notice_homes(0) * scale);
  EXPECT_DOUBLE_EQ(r.homes_built(), 120.0 * static_cast<double>(area.size()) * scale);
  EXPECT_GT(r.notice_homes(0), 0);
  for (const std::int32_t c : area) {
    EXPECT_EQ(e.world().grid.capacity[static_cast<std::size_t>(c)], 120);
    EXPECT_EQ(e.world().grid.zone[static_cast<std::size_t>(c)], Zone::fringe);
  }
  EXPECT_EQ(value(e, "renewal_returned"), d[kOwners][1]);
}

// Paired replicates of the 2018 demolition: with six months of consultation,
// 80 % consent and compensation at market value, owners' compensation
// disputes, tenants' tenancy disputes and incidents in and near the area are
// fewer than with 60 % compensation and none.
TEST(Renewal, ConsultationAndFairCompensationLowerDisputesAndIncidents) {
  constexpr int kReplicates = 8;
  double incidents_low = 0, incidents_fair = 0;
  for (int r = 1; r <= kReplicates; ++r) {
    std::array<double, 3> totals[2]{};  // compensation disputes, tenancy disputes, incidents
    for (int arm = 0; arm < 2; ++arm) {
      const Scenario s = village(arm == 0 ? "village-low-compensation.yaml" : "village-consultation.yaml",
                                 {"run.end=2019-01", "run.seed=" + std::to_string(r)});
      Engine e(s);
      while (!e.done()) {
        e.step();
        totals[arm][0] += value(e, "renewal_disputes", "compensation");
        totals[arm][1] += value(e, "renewal_disputes", "tenancy");
        totals[arm][2] += value(e, "renewal_incidents");
      }
    }
    EXPECT_LT(totals[1][0], 0.2 * totals[0][0]) << "replicate " << r;
    EXPECT_LT(totals[1][1], totals[0][1]) << "replicate " << r;
    incidents_low += totals[0][2];
    incidents_fair += totals[1][2];
  }
  EXPECT_GT(incidents_low, 0);
  EXPECT_LT(incidents_fair, 0.8 * incidents_low) << incidents_fair << " against " << incidents_low;
}

// The same district with the project switched off (the rental market still
// moves): at the end of the demolition, the urban villages outside the area
// hold more households and charge more.
TEST(Renewal, DisplacedTenantsRaiseOccupancyAndRentsInTheOtherUrbanVillages) {
  std::array<double, 2> occupancy{}, rent{};
  std::vector<std::int32_t> area;
  for (int arm = 0; arm < 2; ++arm) {
    std::vector<std::string> o{"run.end=2018-07"};
    if (arm == 1) o.push_back("schedule.east-village.enabled=false");
    const Scenario s = village("village-low-compensation.yaml", o);
    Engine e(s);
    while (!e.done()) e.step();
    if (arm == 0) {
      EXPECT_EQ(e.model().renewal().stage(0), Renewal::Stage::construction);
      area = e.model().renewal().area(0);
    }
    // The same cells in both arms: the urban villages outside the project's area.
    const CellGrid& g = e.world().grid;
    double occupied = 0, homes = 0, paid = 0;
    for (std::size_t c = 0; c < g.size(); ++c) {
      if (g.zone[c] != Zone::urban_village || std::binary_search(area.begin(), area.end(), static_cast<std::int32_t>(c)))
        continue;
      occupied += g.occupancy(static_cast<std::int32_t>(c));
      homes += g.capacity[c];
      paid += static_cast<double>(g.rent[c]) * g.capacity[c];
    }
    occupancy[arm] = occupied / homes;
    rent[arm] = paid / homes;
  }
  EXPECT_GT(occupancy[0], occupancy[1] + 0.02) << occupancy[0] << " against " << occupancy[1];
  EXPECT_GT(rent[0], rent[1] * 1.01) << rent[0] << " against " << rent[1];
}

// A checkpoint taken while the owners are being consulted (May 2018) and
// one taken mid-demolition continue bit-identically: the projects' stages,
// agreement flags, resettled owners and the rental market are saved.
TEST(Renewal, CheckpointsContinueBitIdentically) {
  const Scenario s = village("village-consultation.yaml", {"run.end=2021-01"});
  for (const std::int64_t at : {40, 44}) {  // recorded steps done: 2018-05, 2018-09
    Engine full(s);
    while (full.step_index() < at) full.step();
    EXPECT_EQ(full.model().renewal().stage(0), at == 40 ? Renewal::Stage::consultation : Renewal::Stage::demolition);
    Archive saved = Archive::saving();
    full.save(saved);
    Archive loading = Archive::loading(saved.bytes());
    Engine cont(s, loading);
    ASSERT_EQ(cont.step_index(), at);
    while (!full.done()) {
      full.step();
      cont.step();
      const auto a = full.observables(), b = cont.observables();
      ASSERT_EQ(a.size(), b.size());
      ASSERT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0)
          << "checkpoint after step " << at << ", differs at step " << full.step_index();
    }
    EXPECT_EQ(cont.model().renewal().stage(0), Renewal::Stage::complete);
  }
}

}  // namespace
}  // namespace zhili
