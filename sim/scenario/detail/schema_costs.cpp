// Schema entries of `costs:` (costs_spec.hpp): the unit costs of the levers
// not priced where they are set. Sources in docs/SCENARIOS.md, "Costs".
#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

std::vector<KeyRule> costs_rules() {
  constexpr NumRange kYuan{0.0, 1e9};
  return {
      number_key("costs.grid_worker_year", "yuan/year", kYuan,
                 [](auto& s) -> auto& { return s.costs.grid_worker_year; },
                 "Cost of one grid worker (网格员) a year: pay, social insurance, overhead. The budget "
                 "counts policy.conflict.grid_workers per 10,000 residents at it."),
      number_key("costs.police_officer_year", "yuan/year", kYuan,
                 [](auto& s) -> auto& { return s.costs.police_officer_year; },
                 "Cost of one community police officer a year (policy.conflict.police)."),
      number_key("costs.mediator_year", "yuan/year", kYuan,
                 [](auto& s) -> auto& { return s.costs.mediator_year; },
                 "Cost of one people's mediator a year (policy.disputes.mediators), on top of the "
                 "cases paid at disputes.paths.mediation.cost_per_case."),
      number_key("costs.equalization_person_year", "yuan/year", kYuan,
                 [](auto& s) -> auto& { return s.costs.equalization_person_year; },
                 "Cost of the basic public services one migrant fully entitled to them receives a "
                 "year; the budget counts each migrant at the share of restricted services "
                 "policy.services.equalization (and a residence permit) entitles them to."),
      number_key("costs.settlement_person", "yuan", kYuan,
                 [](auto& s) -> auto& { return s.costs.settlement_person; },
                 "One-off public cost of settling one migrant as a registered resident (市民化), "
                 "paid in the step of settlement."),
  };
}

}  // namespace zhili::scenario_detail
