#include "app/state.hpp"

#include "app/names_shown.hpp"

#include <filesystem>
#include <map>

namespace zhili::view {

namespace {
CommonTimeline timeline_of(const std::vector<std::unique_ptr<RunData>>& runs) {
  std::vector<std::span<const double>> all;
  for (const auto& r : runs) all.emplace_back(r->times());
  return CommonTimeline(all);
}
}  // namespace

bool ViewerState::follow_growing_runs() {
  bool grew = false;
  for (auto& r : runs) {
    if (r->status() != RunStatus::running) continue;
    const std::int64_t before = r->rows();
    r->refresh();
    grew = grew || r->rows() != before || r->status() != RunStatus::running;
  }
  if (!grew) return false;
  rebuild_timeline();
  return true;
}

void ViewerState::refresh_run(std::size_t index) {
  runs.at(index)->refresh();
  rebuild_timeline();
}

void ViewerState::rebuild_timeline() {
  const bool at_end = !timeline.empty() && time_index + 1 >= timeline.size();
  const double t = now();
  timeline = timeline_of(runs);
  if (at_end) time_index = timeline.empty() ? 0 : timeline.size() - 1;
  else set_time(t);
}

void ViewerState::add_run(std::unique_ptr<RunData> run) {
  const double t = now();
  const bool first = runs.empty();
  runs.push_back(std::move(run));
  timeline = timeline_of(runs);
  // Scenario names, with the file name added where two runs share one (two
  // seeds or two policy variants of the same scenario).
  std::map<std::string, int> count;
  for (const auto& r : runs) ++count[r->metadata().scenario_name];
  labels.clear();
  for (const auto& r : runs) {
    const std::string& name = r->metadata().scenario_name;
    const std::string stem = std::filesystem::path(r->path()).stem().string();
    labels.push_back(name.empty() ? stem : count[name] > 1 ? name + " (" + stem + ")" : name);
  }
  set_step_unit(runs.front()->metadata().step_unit);  // units per step read in the first run's step
  if (!first) set_time(t);
  else time_index = timeline.empty() ? 0 : timeline.size() - 1;  // a finished run: show its end first
}

void ViewerState::set_time(double t) { time_index = timeline.index_at(t); }

IncidentTable ViewerState::incidents_shown(int index) {
  const RunData& run = *runs[static_cast<std::size_t>(index)];
  if (live && index == live_index) return with_open_incidents(incidents.of(run), live->open_incident_rows());
  return incidents.of(run);
}

}  // namespace zhili::view
