// Labour demand by zone, commuting, destination choice by rent and the
// affordability rule for moves within the city (docs/MODEL.md 7.5-7.6).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

Scenario harris_todaro(std::vector<std::string> overrides) {
  overrides.push_back("run.threads=2");
  return load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/harris_todaro.yaml", overrides);
}

double value(Engine& e, const std::string& name, const std::string& label = "") {
  const auto at = e.model().column_of(name, label);
  EXPECT_TRUE(at.has_value()) << "no series " << name << " " << label;
  return e.observables()[at.value_or(0)];
}

}  // namespace

TEST(LabourZones, ZoneJobGrowthShiftsJobsAtExactlyItsRate) {
  // Suburban jobs' weight grows 10 % a year faster than the others': the odds
  // of a job being suburban grow by 1.1 a year, whatever the city total does.
  const Scenario e_scenario = harris_todaro({"economy.zone_job_growth.suburb=0.1", "economy.job_growth=0.03",
                                             "run.steps=60"});
  Engine e(e_scenario);
  const auto suburb_odds = [&] {
    double all = 0;
    for (const char* z : {"urban_core", "fringe", "urban_village", "suburb"}) all += value(e, "jobs_by_zone", z);
    const double suburb = value(e, "jobs_by_zone", "suburb");
    EXPECT_GT(suburb, 0);
    EXPECT_EQ(value(e, "jobs_by_zone", "rural"), 0.0);
    return suburb / (all - suburb);
  };
  e.step();
  const double first = suburb_odds();
  while (!e.done()) e.step();
  const double years = 59.0 / 12.0;  // between the rows of the first and the last step
  EXPECT_NEAR(suburb_odds() / first, std::pow(1.1, years), 1e-9);
}

TEST(LabourZones, WithoutCommutingResidentsOfAZoneWithoutJobsStayUnemployed) {
  // No jobs in the suburbs: with commuting refused, suburban residents never
  // find work; with a city-wide market they do, like everyone else.
  const auto run = [](const char* commute) {
    const Scenario e_scenario = harris_todaro({"economy.job_weight.suburb=0", std::string("economy.commute_acceptance=") + commute,
                                               "run.steps=24"});
    Engine e(e_scenario);
    while (!e.done()) e.step();
    return std::pair{value(e, "unemployment_by_zone", "suburb"), value(e, "unemployment_by_zone", "urban_core")};
  };
  const auto [suburb_closed, core_closed] = run("0");
  EXPECT_EQ(suburb_closed, 1.0);
  EXPECT_LT(core_closed, 0.5);
  const auto [suburb_open, core_open] = run("1");
  EXPECT_LT(suburb_open, 0.5);
  (void)core_open;
}

TEST(LabourZones, CommutersAreCountedOnlyWhenAZoneRunsShort) {
  // Jobs spread by homes alone (equal weights) and a first step in which every
  // city household seeks work: zones are hired in proportion, few commute.
  const Scenario e_scenario = harris_todaro({"economy.job_weight.urban_core=1", "economy.job_weight.fringe=1",
                                             "economy.job_weight.urban_village=1", "economy.job_weight.suburb=1", "run.steps=2"});
  Engine e(e_scenario);
  e.step();
  const double even = value(e, "commuting_hires");
  const Scenario skewed_scenario = harris_todaro({"economy.job_weight.urban_core=20", "run.steps=2"});
  Engine skewed(skewed_scenario);
  skewed.step();
  EXPECT_GT(value(skewed, "commuting_hires"), 10.0 * std::max(even, 1.0));
}

TEST(DestinationChoice, CheapHomesDrawMoreNewcomersAsRentWeighsMore) {
  const auto village_newcomers = [](const char* elasticity) {
    const Scenario e_scenario = harris_todaro({std::string("migration.rent_elasticity=") + elasticity, "run.steps=36"});
    Engine e(e_scenario);
    e.step();
    const double start = value(e, "population_by_zone", "urban_village");
    while (!e.done()) e.step();
    return value(e, "population_by_zone", "urban_village") - start;
  };
  EXPECT_GT(village_newcomers("4"), 1.2 * village_newcomers("0"));
}

TEST(Affordability, HouseholdsMoveOutOfHomesTheyCannotAfford) {
  // Within-city moves on, rents that strain incomes: with the rule, burdened
  // households look for cheaper homes and nobody takes one beyond the share,
  // so the city's rent-to-income ratio ends lower than without it.
  const auto burden = [](const char* share) {
    const Scenario e_scenario = harris_todaro({"relocation.enabled=true", "relocation.move_probability=0.3",
                                               "world.rent.urban_core=3000", "world.rent.fringe=1500",
                                               "world.rent.urban_village=500", "world.rent.suburb=900",
                                               std::string("economy.max_rent_share=") + share, "run.steps=36"});
    Engine e(e_scenario);
    while (!e.done()) e.step();
    return value(e, "housing_cost_burden");
  };
  const double without = burden("0");
  const double with_rule = burden("0.3");
  EXPECT_LT(with_rule, 0.9 * without) << without << " vs " << with_rule;
}

}  // namespace zhili
