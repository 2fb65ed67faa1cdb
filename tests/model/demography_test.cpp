// Natural change: births add people, deaths remove them (and empty
// households), households split without creating or losing anyone, and every
// household's members still add up.
#include <gtest/gtest.h>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

struct Totals {
  std::int64_t persons = 0;
  std::size_t households = 0;
};

Totals run(std::vector<std::string> overrides, std::vector<double>* rows = nullptr) {
  overrides.insert(overrides.begin(), {"demography.enabled=true", "run.steps=36", "migration.enabled=false",
                                       "relocation.enabled=false"});
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml", overrides);
  Engine e(s);
  while (!e.done()) {
    e.step();
    if (rows) rows->insert(rows->end(), e.observables().begin(), e.observables().end());
  }
  const auto& h = e.world().households;
  Totals t;
  t.households = h.size_alive();
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    EXPECT_EQ(h.size[i], h.children[i] + h.workers[i] + h.elderly[i]) << "household " << h.id[i];
    EXPECT_GT(h.size[i], 0);
    t.persons += h.size[i];
  }
  return t;
}

}  // namespace

TEST(Demography, BirthsGrowAndDeathsShrinkThePopulation) {
  const Totals none = run({"demography.birth_rate=0", "demography.death_rate=0",
                           "demography.elderly_death_rate=0", "demography.formation_rate=0"});
  const Totals births = run({"demography.birth_rate=0.2", "demography.death_rate=0",
                             "demography.elderly_death_rate=0", "demography.formation_rate=0"});
  const Totals deaths = run({"demography.birth_rate=0", "demography.death_rate=0.3",
                             "demography.elderly_death_rate=0.5", "demography.formation_rate=0"});
  EXPECT_GT(births.persons, none.persons * 1.1);
  EXPECT_EQ(births.households, none.households);
  EXPECT_LT(deaths.persons, none.persons * 0.8);
  EXPECT_LT(deaths.households, none.households);  // some died out
}

TEST(Demography, HouseholdFormationKeepsEveryone) {
  const Totals none = run({"demography.birth_rate=0", "demography.death_rate=0",
                           "demography.elderly_death_rate=0", "demography.formation_rate=0"});
  const Totals split = run({"demography.birth_rate=0", "demography.death_rate=0",
                            "demography.elderly_death_rate=0", "demography.formation_rate=0.5"});
  EXPECT_EQ(split.persons, none.persons);
  EXPECT_GT(split.households, none.households);
}

TEST(Demography, SameResultForAnyThreadCount) {
  std::vector<double> one, two;
  run({"run.threads=1", "demography.formation_rate=0.2"}, &one);
  run({"run.threads=2", "demography.formation_rate=0.2"}, &two);
  EXPECT_TRUE(one == two);
}

}  // namespace zhili
