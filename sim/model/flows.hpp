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
  // Phases, in this order within a step. Departures and settlement are one
  // pass: a household's settlement depends only on its own state, which
  // departures do not change, so settling the households that stay is the
  // same as settling after the others have left. The phase keeps the cell
  // counts current (leavers and settlers), so no recount is needed after it.
  void depart_and_settle(World& w, const StepContext& ctx);
  void arrive(World& w, const StepContext& ctx);
  const FlowCounts& counts() const { return counts_; }
  void reset_counts() { counts_ = {}; }

 private:
  struct BlockEvents {
    std::int64_t leavers = 0, settlers = 0;
  };
  FlowCounts counts_;
  // Per block, in its own range of slots: its leavers' slots in increasing
  // order from the start, its settlers' slots from the end.
  std::vector<std::uint32_t> events_;
  std::vector<BlockEvents> block_events_;       // per-block scratch for the reduction
  VacancyIndex vacancies_;                      // rebuilt per arrival phase
};

}  // namespace zhili
