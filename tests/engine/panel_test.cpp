// The household panel (output.panel; model/household_panel.hpp): the
// sample's size and members, its values, the same for any thread count.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "scenario/load.hpp"

namespace zhili {
namespace {

std::string run_panel(int threads, int panel) {
  const std::string out = std::string(ZHILI_BINARY_DIR) + "/panel_t" + std::to_string(threads) + "_" +
                          std::to_string(panel) + ".h5";
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                                   {"run.steps=12", "run.threads=" + std::to_string(threads),
                                    "output.panel=" + std::to_string(panel)});
  EXPECT_EQ(run_scenario(s, RunRequest{out, nullptr, {}}).status, RunStatus::finished);
  return out;
}

TEST(HouseholdPanel, FollowsTheSampleStepByStepForAnyThreadCount) {
  const ResultReader one(run_panel(1, 200)), two(run_panel(2, 200));
  const EntityGroupSpec* g = one.find_entity_group("households");
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->names.size(), 200u);
  EXPECT_EQ(two.find_entity_group("households")->names, g->names);
  for (const auto& spec : one.entity_series()) {
    if (spec.group != "households") continue;
    const auto a = one.read_entity_series("households", spec.name), b = two.read_entity_series("households", spec.name);
    ASSERT_EQ(a.size(), 12u * 200u) << spec.name;
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0) << spec.name;
  }
  // Registration codes 0-4; a household gone stays gone (NaN from then on).
  const auto reg = one.read_entity_series("households", "registration");
  int gone = 0;
  for (std::size_t k = 0; k < 200; ++k) {
    bool left = false;
    for (std::size_t t = 0; t < 12; ++t) {
      const double v = reg[t * 200 + k];
      if (std::isnan(v)) {
        left = true;
        continue;
      }
      EXPECT_FALSE(left) << "household " << g->names[k] << " came back at step " << t;
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 4.0);
    }
    gone += left;
  }
  EXPECT_GT(gone, 0);    // migrants return home over a year
  EXPECT_LT(gone, 100);  // most stay
}

TEST(HouseholdPanel, NoPanelNoGroup) {
  const ResultReader r(run_panel(1, 0));
  EXPECT_EQ(r.find_entity_group("households"), nullptr);
}

}  // namespace
}  // namespace zhili
