#include "engine/engine.hpp"

#include <algorithm>
#include <chrono>

namespace zhili {

Engine::Engine(const Scenario& scenario) : Engine(scenario, NoSpinUp{}) { spin_up(); }

Engine::Engine(const Scenario& scenario, Archive& state, const std::function<void(const Engine&)>& check)
    : Engine(scenario, NoSpinUp{}) {
  if (check) check(*this);
  state.section("engine");
  state.pod(step_);
  if (step_ < 0 || step_ > scenario.run.steps)
    throw CheckpointError("the checkpoint is at step " + std::to_string(step_) + ", outside this run's " +
                          std::to_string(scenario.run.steps) + " steps");
  model_.serialize(state);
  if (!state.at_end()) throw CheckpointError("checkpoint unreadable: bytes left after the model's state");
  model_.restore_schedule(step_);
}

void Engine::save(Archive& state) {
  state.section("engine");
  state.pod(step_);
  model_.serialize(state);
}

Engine::Engine(const Scenario& scenario, NoSpinUp)
    : scenario_(scenario),
      calendar_(scenario.run.start, scenario.run.step_unit),
      exec_(scenario.run.threads),
      model_(scenario) {
  std::size_t width = 0;
  for (const auto& s : model_.series_specs()) width += s.width();
  row_.assign(width, 0.0);
  phase_seconds_.assign(model_.phases().size(), 0.0);
  levers_ = scenario.policy;
  schedule_ = scenario.schedule;
  for (const auto& e : schedule_) next_order_ = std::max(next_order_, e.order + 1);
}

void Engine::spin_up() {
  // run.spinup steps before the start, with the levers in force at the
  // start; measured (some measures keep state from step to step) but not
  // recorded, and not counted in the phase timings.
  levers_ = levers_at(scenario_.policy, schedule_, 0);
  for (std::int64_t k = 0; k < scenario_.run.spinup; ++k) run_phases(k);
  std::fill(phase_seconds_.begin(), phase_seconds_.end(), 0.0);
  measure_seconds_ = 0;
}

void insert_lever_set(std::vector<ScheduleEntry>& schedule, std::int64_t step, LeverId lever, double value,
                      int order) {
  const ScheduleEntry e{ScheduleEntry::Kind::set, lever, step, step, value, value, order};
  // After every entry starting at or before this step (its order is the
  // largest so far), before those starting later: the schedule stays sorted.
  const auto at = std::upper_bound(schedule.begin(), schedule.end(), step,
                                   [](std::int64_t s, const ScheduleEntry& x) { return s < x.from_step; });
  schedule.insert(at, e);
}

void Engine::schedule_lever(LeverId lever, double value) { insert_lever_set(schedule_, step_, lever, value, next_order_++); }

void Engine::step() {
  levers_ = levers_at(scenario_.policy, schedule_, step_);
  run_phases(step_ + scenario_.run.spinup);
  ++step_;
}

template <class F>
void Engine::checked(std::int64_t model_step, const std::string& phase, F&& f) {
  try {
    f();
  } catch (const ValidationError& e) {
    const std::int64_t step = model_step - scenario_.run.spinup;  // negative during the spin-up
    throw ValidationError("validation failed at step " + std::to_string(step) + (step < 0 ? " (spin-up)" : "") +
                          " in " + phase + ": " + e.what());
  }
}

void Engine::run_phases(std::int64_t model_step) {
  const StepContext ctx{scenario_, exec_,   calendar_, model_step, calendar_.years_per_step(),
                        levers_,   scenario_.run.spinup};
  const auto& phases = model_.phases();
  for (std::size_t p = 0; p < phases.size(); ++p) {
    const auto t0 = std::chrono::steady_clock::now();
    if constexpr (kValidate) {
      checked(model_step, phases[p].name, [&] {
        phases[p].run(model_.world(), ctx);
        model_.check_after(p);
      });
    } else {
      phases[p].run(model_.world(), ctx);
    }
    phase_seconds_[p] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  const auto t0 = std::chrono::steady_clock::now();
  if constexpr (kValidate)
    checked(model_step, "measure", [&] { model_.measure(ctx, row_); });
  else
    model_.measure(ctx, row_);
  measure_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace zhili
