// Cost-effectiveness of a sweep's design points: how much an outcome changes
// per million yuan a year of extra public spending, against the cheapest
// point (docs/SWEEPS.md, "Cost-effectiveness").
//
// The spending is the budget_per_year outcome's mean (the `budget`
// observable, costs.* in a scenario). A point's effect is its replicate mean
// minus the cheapest point's, with the Welch interval of that difference
// (conservative when replicates share seeds); divided by the difference of
// their spending, the interval divided alike (the spending of a point barely
// varies between replicates: it follows the levers).
#pragma once

#include <string>
#include <vector>

#include "analyze/stats.hpp"

namespace zhili::analyze {

struct CostEffectRow {
  int point = 0;
  std::string outcome;
  double budget_change = 0.0;   // yuan a year against the reference
  double effect = 0.0;          // outcome mean minus the reference's
  Interval effect_ci;
  double per_million = 0.0;     // effect per million yuan a year more
  Interval per_million_ci;
};

// Difference of two means (a - b) with the Welch-Satterthwaite t interval;
// NaN interval when either has fewer than 2 values.
struct Difference {
  double mean = 0.0;
  Interval ci;
};
Difference welch_difference(const MeanStats& a, const MeanStats& b, double level = 0.95);

// Rows for every point but `reference` and every outcome in `outcomes`
// (indices into each point's stats); budget_index is budget_per_year's.
std::vector<CostEffectRow> cost_effectiveness(const std::vector<std::vector<MeanStats>>& points,
                                              const std::vector<std::string>& outcome_names,
                                              const std::vector<int>& outcomes, int budget_index, int reference,
                                              double level = 0.95);

}  // namespace zhili::analyze
