// The budget: what the government pays in a step, by lever (docs/MODEL.md,
// "Budget"). Each lever's cost is its level in force times a unit cost from
// the scenario: windows and the platform as the services count them, channel
// capacity at its cost per case (capacity is staffed whether used or not),
// mediators, grid workers and police per 10,000 residents at their yearly
// cost, courts at their capacity, equalization as the services migrants are
// entitled to, settlement as a one-off cost per person settled. Items of a
// submodel that is off cost nothing. Scenarios with renewal projects add
// the compensation paid to displaced owners (renewal_compensation).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/observables.hpp"
#include "model/step_context.hpp"

namespace zhili {

class Metrics;
class PublicServices;

inline constexpr std::array<const char*, 10> kBudgetItems{
    "windows", "platform", "equalization", "settlement", "channels", "mediators", "courts", "grid_workers",
    "police", "renewal_compensation"};

class BudgetMetrics {
 public:
  void declare(ObservableTable& table, const Scenario& s);
  // After Metrics (residents, settlements) and the services have measured the step.
  // `compensation`: what renewal projects paid owners in the step (yuan).
  void compute(const StepContext& ctx, const Metrics& m, const PublicServices* services, double compensation);

  const std::array<double, kBudgetItems.size()>& items() const { return items_; }  // yuan in the step

 private:
  static const std::vector<SeriesEntry<BudgetMetrics>>& series_entries();
  std::size_t items_reported_ = kBudgetItems.size();  // the last item only with renewal projects
  std::array<double, kBudgetItems.size()> items_{};
  double total_ = 0;
  double years_per_step_ = 1.0;
};

}  // namespace zhili
