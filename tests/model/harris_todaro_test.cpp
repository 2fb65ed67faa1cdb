// The Harris-Todaro limit (Harris & Todaro 1970): with frictions off, rural
// households keep moving while the expected urban wage p W_U exceeds the rural
// income W_R, and migration stops where p W_U = W_R - with urban unemployment.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {
std::size_t series_offset(Engine& e, const std::string& name) {
  const auto at = e.model().column_of(name);
  EXPECT_TRUE(at.has_value()) << "no series " << name;
  return at.value_or(0);
}
}  // namespace

TEST(HarrisTodaro, MigrationStopsWhereExpectedUrbanWageEqualsRuralIncome) {
  const Scenario s =
      load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/harris_todaro.yaml", {"run.threads=2"});
  Engine e(s);
  const std::size_t p_at = series_offset(e, "urban_employment_rate");
  const std::size_t flow_at = series_offset(e, "rural_to_urban");
  const std::size_t share_at = series_offset(e, "urban_share");

  e.step();
  const double p0 = e.observables()[p_at];
  const double urban0 = e.observables()[share_at];
  EXPECT_GT(p0 * 3000.0, 2000.0 * 1.2) << "the test needs a real initial gap";
  double late_flow = 0;
  while (!e.done()) {
    e.step();
    if (e.step_index() > s.run.steps - 24) late_flow += e.observables()[flow_at];
  }
  const double p = e.observables()[p_at];
  // Equilibrium: p W_U = W_R within 3 %, reached by migration (the city grew) ...
  EXPECT_NEAR(p * 3000.0 / 2000.0, 1.0, 0.03) << "p = " << p;
  EXPECT_GT(e.observables()[share_at], urban0 + 0.05);
  // ... and there migration has (nearly) stopped: under 0.1 % of households a year.
  EXPECT_LT(late_flow / 2.0, 0.001 * 40000) << late_flow;
}

TEST(HarrisTodaro, HukouBarrierLowersTheEquilibriumCity) {
  // A barrier cost c moves the equilibrium to p W_U = W_R + c: fewer migrants.
  auto final_urban_share = [](const char* barrier) {
    const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/harris_todaro.yaml",
                                     {"run.threads=2", std::string("migration.ht_hukou_barrier=") + barrier,
                                      "policy.hukou.openness=0"});
    Engine e(s);
    while (!e.done()) e.step();
    return e.observables()[series_offset(e, "urban_share")];
  };
  EXPECT_GT(final_urban_share("0"), final_urban_share("400") + 0.02);
}

}  // namespace zhili
