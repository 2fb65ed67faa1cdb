#include "live/live_run.hpp"

#include <algorithm>

#include "data/incidents.hpp"
#include "engine/engine.hpp"
#include "engine/runner.hpp"
#include "scenario/diagnostics.hpp"

namespace zhili::view {

LiveRun::LiveRun(Scenario scenario, std::string output_path)
    : scenario_(std::move(scenario)),
      path_(output_path.empty() ? default_output_path(scenario_) : std::move(output_path)),
      schedule_(scenario_.schedule) {}

LiveRun::~LiveRun() { stop(); }

void LiveRun::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void LiveRun::stop() {
  control_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void LiveRun::run() {
  std::string error;
  bool input = false;
  try {
    RunRequest req;
    req.output_path = path_;
    req.live = &control_;
    run_scenario(scenario_, req);
  } catch (const ScenarioError& e) {
    error = e.diagnostics().format_all();
    input = true;
  } catch (const std::exception& e) {
    error = e.what();
  }
  if (!error.empty()) {
    std::lock_guard lock(error_mutex_);
    error_ = std::move(error);
    input_error_ = input;
  }
  control_.end_run();
}

std::string LiveRun::error() const {
  std::lock_guard lock(error_mutex_);
  return error_;
}

bool LiveRun::failed_on_input() const {
  std::lock_guard lock(error_mutex_);
  return input_error_;
}

std::vector<std::vector<double>> LiveRun::open_incident_rows() const {
  std::vector<std::vector<double>> rows;
  for (auto& e : control_.open_events())
    if (e.table == kIncidentTable) rows.push_back(std::move(e.values));
  return rows;
}

void LiveRun::set_lever(LeverId lever, double value) {
  const LeverInfo& info = lever_info(lever);
  control_.set_lever(lever, std::clamp(value, info.min, info.max));
}

void LiveRun::set_outlet(std::int32_t outlet, bool open, int windows) {
  control_.set_outlet({outlet, open, windows});  // checked there and by the run
}

std::vector<OutletState> LiveRun::outlets_next() const {
  std::vector<OutletState> out = control_.outlets();
  for (const OutletChange& c : control_.pending_outlet_changes()) {
    if (c.outlet < 0 || static_cast<std::size_t>(c.outlet) >= out.size()) continue;
    out[static_cast<std::size_t>(c.outlet)].open = c.open;
    out[static_cast<std::size_t>(c.outlet)].windows = c.windows;
  }
  return out;
}

LeverValues LiveRun::levers_next() {
  if (control_.applied_count() != applied_seen_) {
    const auto applied = control_.applied_changes();
    schedule_ = scenario_.schedule;
    int order = 0;
    for (const auto& e : schedule_) order = std::max(order, e.order + 1);
    for (const auto& c : applied) insert_lever_set(schedule_, c.step, c.lever, c.value, order++);
    applied_seen_ = applied.size();
  }
  LeverValues v = levers_at(scenario_.policy, schedule_, control_.steps_done());
  for (const auto& c : control_.pending_changes()) v[static_cast<std::size_t>(c.lever)] = c.value;
  return v;
}

}  // namespace zhili::view
