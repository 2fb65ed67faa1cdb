#include "world/world.hpp"

#include <gtest/gtest.h>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {
Scenario small(std::vector<std::string> overrides = {}) {
  return load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml", overrides);
}
}  // namespace

TEST(World, GeneratedZonesFollowDistanceFromTheCentre) {
  const Scenario s = small();
  const World w = build_world(s);
  const auto& g = w.grid;
  EXPECT_EQ(g.zone[g.index(30, 25)], Zone::urban_core);
  EXPECT_EQ(g.zone[g.index(0, 0)], Zone::rural);  // ~19.5 km away
  int villages = 0, fringe = 0;
  for (std::size_t c = 0; c < g.size(); ++c) {
    villages += g.zone[c] == Zone::urban_village;
    fringe += g.zone[c] == Zone::fringe;
  }
  // About a quarter of the fringe ring are urban villages.
  EXPECT_NEAR(static_cast<double>(villages) / (villages + fringe), 0.25, 0.05);
}

TEST(World, InitialPopulationRespectsCapacityAndShares) {
  const Scenario s = small();
  const World w = build_world(s);
  ASSERT_EQ(w.households.size_alive(), 30000u);
  std::int64_t migrants = 0, city = 0;
  for (std::size_t c = 0; c < w.grid.size(); ++c) {
    ASSERT_LE(w.grid.occupancy(static_cast<std::int32_t>(c)), w.grid.capacity[c]);
    if (w.grid.zone[c] == Zone::rural) {
      EXPECT_EQ(w.grid.migrants[c], 0) << "villages hold villagers";
      continue;
    }
    migrants += w.grid.migrants[c];
    city += w.grid.occupancy(static_cast<std::int32_t>(c));
  }
  EXPECT_NEAR(static_cast<double>(migrants) / city, 0.35, 0.02);
  for (std::size_t i = 0; i < w.households.size_alive(); ++i) {
    const bool rural = w.grid.zone[w.households.cell[i]] == Zone::rural;
    EXPECT_EQ(rural, w.households.registration[i] == Registration::registered_rural);
  }
}

TEST(World, TooManyHouseholdsIsAScenarioErrorAtTheKey) {
  const Scenario s = small({"population.households=10000000"});
  try {
    build_world(s);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const auto& d = e.diagnostics().items()[0];
    EXPECT_EQ(d.key_path, "population.households");
    EXPECT_EQ(d.where.file, "--set #1");
    EXPECT_NE(d.expected.find("at most"), std::string::npos);
  }
}

// "An empty file is a valid scenario made of defaults" (docs/SCENARIOS.md):
// the default households fit the default map, and the world builds.
TEST(World, AnEmptyScenarioBuilds) {
  const Scenario s = load_scenario_text("", "empty.yaml");
  const World w = build_world(s);
  EXPECT_EQ(static_cast<std::int64_t>(w.households.size_alive()), Scenario{}.population.households);
  EXPECT_LE(static_cast<double>(s.population.households), 0.7 * static_cast<double>(w.grid.total_capacity()));
}

// Too many households by default: the message says the number was not written.
TEST(World, TooManyHouseholdsByDefaultSaysSo) {
  const Scenario s = load_scenario_text("world: {width: 10, height: 10}\n", "small-map.yaml");
  try {
    build_world(s);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics().items()[0].found, std::to_string(s.population.households) + ", the default");
  }
}

// A monocentric map's centre, left out, is its middle cell, on any size of
// map; one written stays.
TEST(World, DefaultCentreIsTheMiddleOfTheMap) {
  const Scenario s = load_scenario_text("world: {width: 21, height: 10}\npopulation: {households: 50}\n", "s.yaml");
  EXPECT_EQ(s.world.generator.centre.x, 10);
  EXPECT_EQ(s.world.generator.centre.y, 5);
  const World w = build_world(s);
  EXPECT_EQ(w.grid.zone[w.grid.index(10, 5)], Zone::urban_core);
  const Scenario given = load_scenario_text(
      "world: {width: 21, height: 10, generator: {centre: [3, 4]}}\npopulation: {households: 50}\n", "s.yaml");
  EXPECT_EQ(given.world.generator.centre.x, 3);
  EXPECT_EQ(given.world.generator.centre.y, 4);
  EXPECT_EQ(Scenario{}.world.generator.centre.x, Scenario{}.world.width / 2);  // the default map's, too
}

TEST(World, StepsKeepCellCountsConsistentAndWithinCapacity) {
  const Scenario s = small({"run.steps=12"});
  Engine e(s);
  while (!e.done()) {
    e.step();
    const World& w = e.world();
    std::vector<std::int32_t> reg(w.grid.size(), 0), mig(w.grid.size(), 0);
    for (std::size_t i = 0; i < w.households.size_alive(); ++i)
      (is_migrant(w.households.registration[i]) ? mig : reg)[w.households.cell[i]]++;
    for (std::size_t c = 0; c < w.grid.size(); ++c) {
      ASSERT_EQ(reg[c], w.grid.registered[c]) << "cell " << c << " step " << e.step_index();
      ASSERT_EQ(mig[c], w.grid.migrants[c]);
      ASSERT_LE(reg[c] + mig[c], w.grid.capacity[c]);
    }
  }
}

TEST(World, SettlementGrowsWithHukouOpenness) {
  // Same seed, only the lever differs: more openness, more settled migrants.
  auto settled_after = [](const char* openness) {
    const Scenario s = small({"run.steps=24", std::string("policy.hukou.openness=") + openness});
    // The schedule ramps openness; drop it so the lever stays where we set it.
    Scenario fixed = s;
    fixed.schedule.clear();
    Engine e(fixed);
    while (!e.done()) e.step();
    std::int64_t n = 0;
    for (auto r : e.world().households.registration) n += r == Registration::settled;
    return n;
  };
  const auto closed = settled_after("0");
  const auto half = settled_after("0.5");
  const auto open = settled_after("1");
  EXPECT_EQ(closed, 0);
  EXPECT_LT(closed, half);
  EXPECT_LT(half, open);
}

}  // namespace zhili

namespace zhili {

TEST(World, SettlementFallsAsThePointsThresholdRises) {
  // The points rule (积分落户): a higher threshold lets fewer migrants settle.
  auto settled_after = [](const char* threshold) {
    Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                               {"run.steps=24", std::string("policy.hukou.points_threshold=") + threshold});
    s.schedule.clear();  // keep every lever where the file puts it
    Engine e(s);
    while (!e.done()) e.step();
    std::int64_t n = 0;
    for (auto r : e.world().households.registration) n += r == Registration::settled;
    return n;
  };
  const auto none = settled_after("0");
  const auto some = settled_after("4");
  const auto many = settled_after("8");
  EXPECT_GT(none, some);
  EXPECT_GT(some, many);
  EXPECT_GT(many, 0);  // long-settled migrants still pass (up to 10 years in the city)
  EXPECT_EQ(settled_after("100"), 0);
}

}  // namespace zhili
