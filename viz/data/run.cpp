#include "data/run.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data/timeline.hpp"

namespace zhili::view {

RunData::RunData(const std::string& path, OpenCheck check) : path_(path), reader_(path, check) {
  load_timeline();
  maps_ = reader_.maps();
  // Never reallocated, so a snapshot reference stays valid until evicted.
  snapshots_.reserve(kSnapshotCache);
}

void RunData::load_timeline() {
  times_ = reader_.times();
  steps_ = reader_.steps();
  dates_ = reader_.dates();
  observables_.clear();
  for (const auto& name : reader_.observable_names()) observables_.push_back(reader_.observable_info(name));
}

std::int64_t RunData::row_at(double t) const { return view::row_at(times_, t); }

const SeriesInfo* RunData::find_observable(const std::string& name) const {
  for (const auto& o : observables_)
    if (o.spec.name == name) return &o;
  return nullptr;
}

const MapSpec* RunData::find_map(const std::string& name) const {
  for (const auto& m : maps_)
    if (m.name == name) return &m;
  return nullptr;
}

const std::vector<PolicyEvent>& RunData::policy_events() {
  if (!policy_events_) policy_events_ = view::policy_events(reader_.metadata());
  return *policy_events_;
}

const RunPolicy& RunData::policy() {
  if (!policy_) policy_ = run_policy(reader_.metadata());
  return *policy_;
}

const std::vector<double>& RunData::series(const std::string& name) {
  auto it = series_.find(name);
  if (it == series_.end()) {
    // No more rows than the timeline: a reader may catch a flush half-way (FORMAT.md).
    const SeriesInfo* info = find_observable(name);
    const std::int64_t rows = info ? std::min(info->rows, this->rows()) : 0;
    std::vector<double> values;
    if (info) values = reader_.read_observable(name, 0, rows);
    it = series_.emplace(name, std::move(values)).first;
  }
  return it->second;
}

double RunData::value_at(const std::string& name, std::size_t column, double t) {
  const SeriesInfo* info = find_observable(name);
  const std::int64_t row = row_at(t);
  if (!info || row < 0 || column >= info->spec.width()) return std::numeric_limits<double>::quiet_NaN();
  const auto& values = series(name);
  const std::size_t i = static_cast<std::size_t>(row) * info->spec.width() + column;
  return i < values.size() ? values[i] : std::numeric_limits<double>::quiet_NaN();
}

const std::vector<double>& RunData::map_times(const std::string& name) {
  auto it = map_times_.find(name);
  if (it == map_times_.end()) {
    std::vector<double> times;
    if (find_map(name)) {
      // Snapshot steps -> the timeline's times; a snapshot whose step is not
      // (yet) in the timeline is left out.
      for (std::int64_t step : reader_.map_steps(name)) {
        const auto s = std::lower_bound(steps_.begin(), steps_.end(), step);
        if (s == steps_.end() || *s != step) break;
        times.push_back(times_[static_cast<std::size_t>(s - steps_.begin())]);
      }
    }
    it = map_times_.emplace(name, std::move(times)).first;
  }
  return it->second;
}

std::int64_t RunData::snapshot_at(const std::string& name, double t) {
  return view::row_at(map_times(name), t);
}

const std::vector<float>& RunData::map_snapshot(const std::string& name, std::int64_t snapshot) {
  ++use_clock_;
  for (auto& s : snapshots_) {
    if (s.index == snapshot && s.map == name) {
      s.last_use = use_clock_;
      return s.cells;
    }
  }
  Snapshot fresh{name, snapshot, use_clock_, reader_.read_map(name, snapshot)};
  if (snapshots_.size() < kSnapshotCache) {
    snapshots_.push_back(std::move(fresh));
    return snapshots_.back().cells;
  }
  auto oldest = std::min_element(snapshots_.begin(), snapshots_.end(),
                                 [](const Snapshot& a, const Snapshot& b) { return a.last_use < b.last_use; });
  *oldest = std::move(fresh);
  return oldest->cells;
}

const Range& RunData::map_range(const std::string& name) {
  auto it = map_ranges_.find(name);
  if (it == map_ranges_.end()) {
    Range r;
    const std::int64_t n = static_cast<std::int64_t>(map_times(name).size());
    if (n > 0) r = finite_extent(map_snapshot(name, 0));
    if (n > 1) r = merge(r, finite_extent(map_snapshot(name, n - 1)));
    r = usable_range(r);
    it = map_ranges_.emplace(name, r).first;
  }
  return it->second;
}

const std::vector<double>& RunData::entity_series(const std::string& group, const std::string& name) {
  const std::string key = group + "/" + name;
  auto it = entity_series_.find(key);
  if (it == entity_series_.end()) {
    std::vector<double> values;
    for (const auto& spec : reader_.entity_series())
      if (spec.group == group && spec.name == name) values = reader_.read_entity_series(group, name);
    it = entity_series_.emplace(key, std::move(values)).first;
  }
  return it->second;
}

double RunData::entity_value_at(const std::string& group, const std::string& name, std::size_t entity, double t) {
  const EntityGroupSpec* g = entity_group(group);
  const std::int64_t row = row_at(t);
  const std::size_t n = g ? g->names.size() : 0;
  if (row < 0 || entity >= n) return std::numeric_limits<double>::quiet_NaN();
  const auto& values = entity_series(group, name);
  // No more rows than the timeline has been checked by row_at; the series may
  // briefly hold fewer (a flush caught half-way).
  const std::size_t i = static_cast<std::size_t>(row) * n + entity;
  return i < values.size() ? values[i] : std::numeric_limits<double>::quiet_NaN();
}

double RunData::entity_max(const std::string& group, const std::string& name) {
  const std::string key = group + "/" + name;
  auto it = entity_max_.find(key);
  if (it == entity_max_.end()) {
    double m = 0.0;
    for (double v : entity_series(group, name))
      if (std::isfinite(v)) m = std::max(m, v);
    it = entity_max_.emplace(key, m).first;
  }
  return it->second;
}

void RunData::refresh() {
  reader_.refresh();
  load_timeline();
  series_.clear();
  map_times_.clear();
  map_ranges_.clear();
  entity_series_.clear();
  entity_max_.clear();
  // Snapshots already read never change; they stay cached.
}

}  // namespace zhili::view
