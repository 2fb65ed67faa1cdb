// The step loop: applies the schedule, runs the model's phases in order,
// measures the observables. It owns no I/O; run_scenario() (runner.hpp)
// connects it to a result file, progress reporting and stop requests.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/parallel.hpp"
#include "model/model.hpp"
#include "scenario/scenario.hpp"

namespace zhili {

// Inserts a `set` of `lever` to `value` at `step` into `schedule` (sorted by
// (from_step, order)) after every entry starting at or before `step`: what a
// schedule entry appended to the scenario file at that step's date becomes.
void insert_lever_set(std::vector<ScheduleEntry>& schedule, std::int64_t step, LeverId lever, double value,
                      int order);

class Engine {
 public:
  // `scenario` must outlive the engine. Runs the scenario's spin-up
  // (run.spinup steps before the start, not recorded) before returning.
  explicit Engine(const Scenario& scenario);
  // Continues a run from a checkpoint's state (engine/checkpoint.hpp): the
  // model built from `scenario`, then the step and every part of the state
  // read from `state`; no spin-up. The schedule from that step on is
  // `scenario`'s, so a variant's levers and outlet changes govern what
  // follows. `check`, when given, sees the engine built and not yet
  // restored, and throws to refuse it (checkpoint_mismatch). Throws
  // CheckpointError when the state does not fit.
  Engine(const Scenario& scenario, Archive& state, const std::function<void(const Engine&)>& check = {});
  // Writes the step and the model's state (what the constructor above reads).
  void save(Archive& state);
  // A temporary would be destroyed at the end of the statement while the
  // engine still reads it (ASan: stack-use-after-scope).
  explicit Engine(Scenario&&) = delete;

  std::int64_t step_index() const { return step_; }  // steps done so far
  std::int64_t steps_planned() const { return scenario_.run.steps; }
  bool done() const { return step_ >= scenario_.run.steps; }

  // Runs one step: levers in force, phases, observables.
  void step();

  // Sets `lever` to `value` from the next step on, exactly as a `set` entry
  // at that step appended to the scenario's schedule would: later schedule
  // entries still win from their own start. Not thread-safe: call it between
  // steps (run_scenario does, for changes made through a LiveControl).
  void schedule_lever(LeverId lever, double value);
  // The schedule in force: the scenario's, plus every schedule_lever() change.
  const std::vector<ScheduleEntry>& schedule() const { return schedule_; }

  const Calendar& calendar() const { return calendar_; }
  const Executor& executor() const { return exec_; }
  const Scenario& scenario() const { return scenario_; }
  Model& model() { return model_; }
  const Model& model() const { return model_; }
  const World& world() const { return model_.world(); }

  // Results of the last step.
  std::span<const double> observables() const { return row_; }
  const LeverValues& levers() const { return levers_; }
  // Seconds spent in each phase so far, in phase order (for profiling).
  const std::vector<double>& phase_seconds() const { return phase_seconds_; }
  double measure_seconds() const { return measure_seconds_; }  // spent measuring observables

 private:
  struct NoSpinUp {};
  Engine(const Scenario& scenario, NoSpinUp);
  void spin_up();
  // The phases and the measures of one step; `model_step` counts the spin-up's steps too.
  void run_phases(std::int64_t model_step);
  // Validation build: runs f, adding the step and the phase to a ValidationError.
  template <class F>
  void checked(std::int64_t model_step, const std::string& phase, F&& f);

  const Scenario& scenario_;
  Calendar calendar_;
  Executor exec_;
  Model model_;
  std::int64_t step_ = 0;
  LeverValues levers_{};
  std::vector<ScheduleEntry> schedule_;  // sorted by (from_step, order), as the scenario's
  int next_order_ = 0;                   // `order` of the next schedule_lever() entry
  std::vector<double> row_;
  std::vector<double> phase_seconds_;
  double measure_seconds_ = 0;
};

}  // namespace zhili
