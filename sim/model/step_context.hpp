// What a phase sees of the current step: read-only inputs shared by all phases.
#pragma once

#include <cstdint>

#include "core/calendar.hpp"
#include "core/parallel.hpp"
#include "scenario/levers.hpp"
#include "scenario/scenario.hpp"

namespace zhili {

struct StepContext {
  const Scenario& scenario;
  const Executor& exec;
  const Calendar& calendar;
  std::int64_t step = 0;
  double years_per_step = 1.0 / 12.0;
  LeverValues levers{};  // values in force during this step

  std::uint64_t seed() const { return scenario.run.seed; }
  double lever(LeverId id) const { return levers[static_cast<std::size_t>(id)]; }
  // Chance per step of an event with the given yearly probability (constant hazard).
  double per_step(double yearly_probability) const;
};

}  // namespace zhili
