// The per-cell counts of registered and migrant households stay current
// through every phase that moves households or changes their group:
// departures, settlement, the labour market, rural-urban migration, arrivals
// and relocation update them as they go, so the model recounts them only
// after natural change (model.cpp). A phase that forgets fails here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

void expect_counts_current_every_step(const std::vector<std::string>& overrides) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml", overrides);
  Engine e(s);
  std::int64_t flows = 0;
  while (!e.done()) {
    e.step();
    World recounted = e.world();
    recount_cells(recounted);
    ASSERT_EQ(e.world().grid.registered, recounted.grid.registered) << "step " << e.step_index();
    ASSERT_EQ(e.world().grid.migrants, recounted.grid.migrants) << "step " << e.step_index();
    for (const char* name : {"departures", "settlements", "arrivals"})
      flows += static_cast<std::int64_t>(e.observables()[e.model().column_of(name).value()]);
  }
  EXPECT_GT(flows, 0) << "the test needs households to move";
}

}  // namespace

TEST(CellCounts, StayCurrentWithMigration) { expect_counts_current_every_step({"run.steps=12"}); }

TEST(CellCounts, StayCurrentWithTheEconomy) {
  expect_counts_current_every_step({"run.steps=12", "economy.enabled=true"});
}

}  // namespace zhili
