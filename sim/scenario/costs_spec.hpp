// What the government pays for the levers that are not already priced where
// they are set (windows: services.outlets[].cost_per_window, the platform:
// services.platform.cost_per_year, complaints and dispute cases: their
// channel's and path's cost_per_case). The `budget` observable adds them up
// by lever (docs/MODEL.md, "Budget"); sources and ranges in docs/SCENARIOS.md,
// "Costs".
#pragma once

namespace zhili {

struct CostSpec {
  // A full-time grid worker (网格员): pay of about 3,300-4,300 yuan a month in
  // a prefecture-level district, with employer's social insurance and the
  // grid office's overhead.
  double grid_worker_year = 60000.0;
  // A community police officer: pay, equipment and the station's overhead.
  double police_officer_year = 150000.0;
  // A people's mediator (人民调解员): subsidy and part-time pay; cases are
  // paid on top at disputes.paths.mediation.cost_per_case (以案定补).
  double mediator_year = 30000.0;
  // Public services extended to a migrant entitled to them (education,
  // health, pension subsidies, housing support): the State Council DRC's
  // 80,000 yuan per migrant citizenised (2013), spread over its 20 years.
  double equalization_person_year = 4000.0;
  // Settling a migrant as a registered resident (市民化), one-off: the DRC's
  // 80,000 yuan per person.
  double settlement_person = 80000.0;
};

}  // namespace zhili
