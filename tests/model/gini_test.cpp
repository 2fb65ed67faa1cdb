// The Gini observable bins per-capita incomes (docs/MODEL.md 7.8); it must
// stay within 0.01 of the exact Gini computed from every household.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {
// Exact Gini of per-capita income over persons (households weighted by
// size). A split household's members present share its income less what it
// sends home; its members left at an origin on the map share that and the
// farm income of its workers there (docs/MODEL.md 7.15); remittances off the
// map leave it.
double exact_gini(const HouseholdStore& h, double remittance_share, double farm_income) {
  struct Unit { double per_capita, persons; };
  std::vector<Unit> units;
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    const double left = h.left_at_origin(i);
    const double sent = left > 0 ? remittance_share * h.income[i] : 0.0;
    units.push_back({(h.income[i] - sent) / h.size[i], static_cast<double>(h.size[i])});
    if (left > 0 && h.origin[i] >= 0) units.push_back({(sent + h.left_workers[i] * farm_income) / left, left});
  }
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.per_capita < b.per_capita; });
  double persons = 0, income = 0;
  for (const auto& u : units) {
    persons += u.persons;
    income += u.per_capita * u.persons;
  }
  double area = 0, cum = 0;
  for (const auto& u : units) {
    const double before = cum;
    cum += u.per_capita * u.persons / income;
    area += u.persons / persons * (before + cum);
  }
  return 1.0 - area;
}
}  // namespace

TEST(Gini, BinnedObservableIsWithinOneHundredthOfTheExactValue) {
  // The China scenario at a small scale: farm, off-farm, urban wages, benefits.
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/china-1978-2014.yaml",
                                   {"population.households=5000", "run.steps=240", "run.threads=2"});
  Engine e(s);
  const auto at = e.model().column_of("gini");
  const auto farm = e.model().column_of("rural_income");
  ASSERT_TRUE(at.has_value() && farm.has_value());
  bool farmers_left = false;
  while (!e.done()) {
    e.step();
    if (e.step_index() % 60 != 0) continue;
    const auto& h = e.world().households;
    for (std::size_t i = 0; i < h.size_alive(); ++i) farmers_left |= h.left_workers[i] > 0;
    const double exact = exact_gini(h, s.family.remittance_share, e.observables()[*farm]);
    EXPECT_GT(exact, 0.05) << "the test needs unequal incomes";
    EXPECT_NEAR(e.observables()[*at], exact, 0.01) << "step " << e.step_index();
  }
  EXPECT_TRUE(farmers_left) << "the test needs workers left on the farms";
}

}  // namespace zhili
