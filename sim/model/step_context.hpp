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
  std::int64_t step = 0;      // steps simulated before this one, spin-up included
  double years_per_step = 1.0 / 12.0;
  LeverValues levers{};  // values in force during this step
  std::int64_t spinup = 0;  // run.spinup: steps before run.start

  // The step counted from run.start (negative during the spin-up), and the
  // years since run.start at its beginning: what dated inputs and trends
  // (schedule, wage growth) are measured from.
  std::int64_t recorded_step() const { return step - spinup; }
  double years() const { return static_cast<double>(recorded_step()) * years_per_step; }

  std::uint64_t seed() const { return scenario.run.seed; }
  double lever(LeverId id) const { return levers[static_cast<std::size_t>(id)]; }
  // Chance per step of an event with the given yearly probability (constant hazard).
  double per_step(double yearly_probability) const;
};

}  // namespace zhili
