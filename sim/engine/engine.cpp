#include "engine/engine.hpp"

#include <chrono>

namespace zhili {

Engine::Engine(const Scenario& scenario)
    : scenario_(scenario),
      calendar_(scenario.run.start, scenario.run.step_unit),
      exec_(scenario.run.threads),
      model_(scenario) {
  std::size_t width = 0;
  for (const auto& s : model_.series_specs()) width += s.width();
  row_.assign(width, 0.0);
  phase_seconds_.assign(model_.phases().size(), 0.0);
  levers_ = scenario.policy;
}

void Engine::step() {
  levers_ = levers_at(scenario_.policy, scenario_.schedule, step_);
  const StepContext ctx{scenario_, exec_, calendar_, step_, calendar_.years_per_step(), levers_};
  const auto& phases = model_.phases();
  for (std::size_t p = 0; p < phases.size(); ++p) {
    const auto t0 = std::chrono::steady_clock::now();
    phases[p].run(model_.world(), ctx);
    phase_seconds_[p] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  const auto t0 = std::chrono::steady_clock::now();
  model_.measure(ctx, row_);
  measure_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ++step_;
}

}  // namespace zhili
