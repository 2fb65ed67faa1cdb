// Cost-effectiveness against the cheapest design point (cost_effectiveness.hpp):
// the Welch interval, the change per million yuan, and a sweep's table.
#include "analyze/cost_effectiveness.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/report.hpp"

namespace zhili::analyze {
namespace {

TEST(CostEffectiveness, WelchIntervalOfADifference) {
  // Two samples with sd 1 and 2, 5 values each: se = sqrt(1/5 + 4/5) = 1,
  // Welch df = 1 / ((0.04 + 0.64) / 4) = 5.882...
  MeanStats a{5, 3.0, 1.0, {}}, b{5, 1.0, 2.0, {}};
  const auto d = welch_difference(a, b);
  EXPECT_DOUBLE_EQ(d.mean, 2.0);
  const double t = student_t_quantile(0.975, 1.0 / (0.68 / 4.0));
  EXPECT_NEAR(d.ci.lo, 2.0 - t, 1e-9);
  EXPECT_NEAR(d.ci.hi, 2.0 + t, 1e-9);
  MeanStats one{1, 3.0, NAN, {}};
  EXPECT_TRUE(std::isnan(welch_difference(one, b).ci.lo));
}

// Three points that spend 1, 3 and 5 million yuan a year; coverage rises by
// 0.02 per million over the cheapest, conflict falls by 0.1 per million.
Summary three_points() {
  Summary s;
  s.factors = {"policy.conflict.grid_workers"};
  s.outcomes = {"coverage:mean", "conflict_rate:mean", "budget_per_year:mean"};
  const double budget[] = {1e6, 3e6, 5e6};
  for (int p = 0; p < 3; ++p) {
    std::vector<int> runs;
    for (int r = 0; r < 4; ++r) {
      const double noise = (r % 2 ? 1 : -1) * 0.001 * (r + 1);
      const double extra = (budget[p] - 1e6) / 1e6;
      runs.push_back(static_cast<int>(s.runs.size()));
      s.runs.push_back({static_cast<int>(s.runs.size()), p, r,
                        {0.7 + 0.02 * extra + noise, 2.0 - 0.1 * extra + noise, budget[p]}});
    }
    s.point_runs.push_back(runs);
    s.point_values.push_back({std::to_string(10 * (p + 1))});
  }
  return s;
}

TEST(CostEffectiveness, PerMillionYuanAgainstTheCheapestPoint) {
  const Analysis a = analyze_sweep(three_points(), {}, {});
  EXPECT_EQ(a.cheapest, 0);
  ASSERT_EQ(a.cost_effects.size(), 4u);  // 2 points x 2 outcomes (budget itself left out)
  for (const auto& r : a.cost_effects) {
    const double expected = r.outcome == "coverage:mean" ? 0.02 : -0.1;
    EXPECT_NEAR(r.per_million, expected, 1e-9) << r.outcome << " point " << r.point;
    EXPECT_LE(r.per_million_ci.lo, r.per_million);
    EXPECT_GE(r.per_million_ci.hi, r.per_million);
    EXPECT_NEAR(r.budget_change, r.point == 1 ? 2e6 : 4e6, 1e-6);
  }
  const std::string csv = cost_effectiveness_csv(a);
  EXPECT_NE(csv.find("point,policy.conflict.grid_workers,outcome,budget_change,effect"), std::string::npos);
  const std::string md = report_md(a, "runs/x", {}, "");
  EXPECT_NE(md.find("## Cost-effectiveness"), std::string::npos) << md;
  EXPECT_NE(md.find("cost_effectiveness.csv"), std::string::npos);
  // The Pareto front takes the budget as its cost axis.
  ASSERT_FALSE(a.objectives.empty());
  EXPECT_EQ(a.objectives.front().column, "budget_per_year:mean");
}

TEST(CostEffectiveness, NoTableWithoutBudgetOrWhenItNeverVaries) {
  Summary s = three_points();
  for (auto& r : s.runs) r.values[2] = 2e6;
  const Analysis same = analyze_sweep(s, {}, {});
  EXPECT_TRUE(same.cost_effects.empty());
  bool said = false;
  for (const auto& n : same.notes) said = said || n.find("spends the same") != std::string::npos;
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace zhili::analyze
