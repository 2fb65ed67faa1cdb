// The step loop: applies the schedule, runs the model's phases in order,
// measures the observables. It owns no I/O; run_scenario() (runner.hpp)
// connects it to a result file, progress reporting and stop requests.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/calendar.hpp"
#include "core/parallel.hpp"
#include "model/model.hpp"
#include "scenario/scenario.hpp"

namespace zhili {

class Engine {
 public:
  // `scenario` must outlive the engine.
  explicit Engine(const Scenario& scenario);

  std::int64_t step_index() const { return step_; }  // steps done so far
  std::int64_t steps_planned() const { return scenario_.run.steps; }
  bool done() const { return step_ >= scenario_.run.steps; }

  // Runs one step: levers in force, phases, observables.
  void step();

  const Calendar& calendar() const { return calendar_; }
  const Executor& executor() const { return exec_; }
  const Scenario& scenario() const { return scenario_; }
  Model& model() { return model_; }
  const World& world() const { return model_.world(); }

  // Results of the last step.
  std::span<const double> observables() const { return row_; }
  const LeverValues& levers() const { return levers_; }
  // Seconds spent in each phase so far, in phase order (for profiling).
  const std::vector<double>& phase_seconds() const { return phase_seconds_; }
  double measure_seconds() const { return measure_seconds_; }  // spent measuring observables

 private:
  const Scenario& scenario_;
  Calendar calendar_;
  Executor exec_;
  Model model_;
  std::int64_t step_ = 0;
  LeverValues levers_{};
  std::vector<double> row_;
  std::vector<double> phase_seconds_;
  double measure_seconds_ = 0;
};

}  // namespace zhili
