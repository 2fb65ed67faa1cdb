// Plausibility warnings (engine/plausibility.hpp): the shipped default
// district draws none; each of its three kinds is given, with its figure,
// when the scenario is pushed past believable ground.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/plausibility.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

std::vector<std::string> warnings(const std::vector<std::string>& overrides) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml", overrides);
  const World w = build_world(s);
  return plausibility_warnings(s, w);
}

bool any_contains(const std::vector<std::string>& all, const std::string& part) {
  for (const auto& w : all)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(Plausibility, TheDefaultDistrictDrawsNone) {
  const auto w = warnings({});
  EXPECT_TRUE(w.empty()) << w.front();
}

TEST(Plausibility, TooFewWindows) {
  // One district centre of 41 windows for 560,000 people (simulated: 96 % busy, 79-minute waits).
  const auto w = warnings({"services.outlets=[{name: c, cell: [60, 50], kind: district_centre, windows: 41}]"});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("services: the expected in-person workload is 1"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("the 41 windows"), std::string::npos) << w[0];
}

TEST(Plausibility, ARenewalProjectAfterTheRunEnds) {
  const std::string file = std::string(ZHILI_SOURCE_DIR) + "/scenarios/renewal/village-consultation.yaml";
  const auto of = [&](const std::vector<std::string>& o) {
    const Scenario s = load_scenario(file, o);
    return plausibility_warnings(s, build_world(s));
  };
  EXPECT_TRUE(of({}).empty());
  const auto w = of({"run.end=2017-06"});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("renewal: project 'east-village' gives notice after the run ends"), std::string::npos) << w[0];
}

TEST(Plausibility, AnEmptyingCountryside) {
  const auto w = warnings({"migration.ht_beta=0.3"});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("villages: farming villagers would move to the city at about 0.34 a year"), std::string::npos)
      << w[0];
  EXPECT_TRUE(warnings({"migration.ht_beta=0.3", "economy.enabled=false"}).empty()) << "no economy, no such flow";
}

TEST(Plausibility, AFullCity) {
  // 57,500 households for the 58,025 homes of the city's zones.
  const auto w = warnings({"population.urban_share=1", "population.households=57500"});
  EXPECT_TRUE(any_contains(w, "housing: 9")) << (w.empty() ? std::string("no warning") : w.front());
}

}  // namespace zhili

namespace zhili {

// A lever moved with --set that a schedule entry changes later: said, with
// the entry's name and how to switch it off; an entry after the run's end,
// or a lever no entry touches, is not.
TEST(OverrideWarnings, ALeverTheScheduleChangesLaterIsSaid) {
  const std::string path = std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml";
  const auto w = override_warnings(load_scenario(path, {"policy.conflict.grid_workers=25", "policy.conflict.police=20"}));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("--set policy.conflict.grid_workers=25 holds only until 2019-01-01"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("--without grid-management"), std::string::npos) << w[0];
  EXPECT_TRUE(override_warnings(load_scenario(path, {"policy.conflict.grid_workers=25", "run.end=2019-01"})).empty());
  EXPECT_TRUE(
      override_warnings(load_scenario(path, {"policy.conflict.grid_workers=25", "schedule.grid-management.enabled=false"}))
          .empty());
}

}  // namespace zhili
