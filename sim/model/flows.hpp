// Migration flows in and out of the city, and settlement (市民化).
//
// Foundation version: arrivals are exogenous (a yearly inflow rate, a share of
// the current households), returns a yearly hazard per migrant household, and
// settlement a yearly hazard scaled by the hukou.openness lever once a migrant
// has stayed settlement_min_years. See docs/MODEL.md, "Submodels".
#pragma once

#include <cstdint>
#include <vector>

#include "model/step_context.hpp"
#include "world/vacancies.hpp"
#include "world/world.hpp"

namespace zhili {

struct FlowCounts {
  std::int64_t arrivals = 0;     // simulated households this step
  std::int64_t departures = 0;
  std::int64_t settlements = 0;
};

class MigrationFlows {
 public:
  void setup(const World& w);
  // Phases, in this order within a step.
  void depart(World& w, const StepContext& ctx);
  void settle(World& w, const StepContext& ctx);
  void arrive(World& w, const StepContext& ctx);
  const FlowCounts& counts() const { return counts_; }
  void reset_counts() { counts_ = {}; }

 private:
  FlowCounts counts_;
  std::vector<std::uint32_t> leavers_;          // per block: its leaving slots, at its start
  std::vector<std::int64_t> block_counts_;      // per-block scratch for reductions
  VacancyIndex vacancies_;                      // rebuilt per arrival phase
};

}  // namespace zhili
