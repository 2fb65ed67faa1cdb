// One result file opened for viewing.
//
// Wraps ResultReader with what the panels ask for every frame: the timeline,
// the list of observables and maps, one observable's whole series, and map
// snapshots. Series and snapshots are read on first use and cached, so a frame
// never touches the disk twice for the same data and a 1 GB file is never read
// whole: an observable is T x K doubles, a snapshot H x W floats.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/colour.hpp"
#include "data/policy_events.hpp"
#include "io/result_reader.hpp"

namespace zhili::view {

class RunData {
 public:
  // Throws std::runtime_error naming the path. A file from elsewhere is first
  // opened in a child process (OpenCheck); a live run of this process is not.
  explicit RunData(const std::string& path, OpenCheck check = OpenCheck::in_child_process);

  const std::string& path() const { return path_; }
  const RunMetadata& metadata() const { return reader_.metadata(); }
  RunStatus status() const { return reader_.status(); }
  std::int64_t rows() const { return static_cast<std::int64_t>(times_.size()); }
  const std::vector<double>& times() const { return times_; }          // decimal years
  const std::vector<std::string>& dates() const { return dates_; }     // "YYYY-MM-DD"
  std::int64_t row_at(double t) const;  // row in force at t, -1 before the first step

  const std::vector<SeriesInfo>& observables() const { return observables_; }
  const SeriesInfo* find_observable(const std::string& name) const;  // nullptr if absent
  // Every row of an observable (rows() x width, row-major), cached.
  const std::vector<double>& series(const std::string& name);
  // Column `column` of an observable at time t; NaN before the run starts or if absent.
  double value_at(const std::string& name, std::size_t column, double t);

  const std::vector<MapSpec>& maps() const { return maps_; }
  const MapSpec* find_map(const std::string& name) const;
  int map_width() const { return reader_.map_width(); }
  int map_height() const { return reader_.map_height(); }
  // Decimal year of each snapshot of a map, cached.
  const std::vector<double>& map_times(const std::string& name);
  // Snapshot in force at t (the last one taken at or before t), -1 if none.
  std::int64_t snapshot_at(const std::string& name, double t);
  // One snapshot (height x width floats, row-major y, x), from a small cache.
  // The reference stays valid until kSnapshotCache other snapshots were read.
  const std::vector<float>& map_snapshot(const std::string& name, std::int64_t snapshot);

  // Value range of a map for its colour scale: the first and the last
  // snapshot together (two reads, cached), so colours mean the same values
  // while the timeline plays instead of re-stretching every snapshot.
  const Range& map_range(const std::string& name);

  // What the entities of a group are (names, kinds, cells); nullptr when the
  // file has no metadata for it (files written before it existed).
  const EntityGroupSpec* entity_group(const std::string& group) const { return reader_.find_entity_group(group); }
  // Every row of a per-entity series (rows x entities, row-major), cached;
  // empty if the file has no such series.
  const std::vector<double>& entity_series(const std::string& group, const std::string& name);
  // Its value for entity `entity` at time t; NaN before the run starts or if absent.
  double entity_value_at(const std::string& group, const std::string& name, std::size_t entity, double t);
  // Largest finite value of a per-entity series over the whole run (0 if none):
  // a marker scale fixed for the run, like map_range().
  double entity_max(const std::string& group, const std::string& name);

  // The schedule's events (data/policy_events.hpp), read once.
  const std::vector<PolicyEvent>& policy_events();
  // Its description, overrides and schedule entries (data/policy_events.hpp), read once.
  const RunPolicy& policy();

  // Picks up rows appended since opening (a run still being written) and
  // drops the caches that may have grown.
  void refresh();

 private:
  void load_timeline();

  struct Snapshot {
    std::string map;
    std::int64_t index = -1;
    std::uint64_t last_use = 0;
    std::vector<float> cells;
  };
  static constexpr std::size_t kSnapshotCache = 12;  // a few maps x a few instants

  std::string path_;
  ResultReader reader_;
  std::vector<double> times_;
  std::vector<std::int64_t> steps_;
  std::vector<std::string> dates_;
  std::vector<SeriesInfo> observables_;
  std::vector<MapSpec> maps_;
  std::map<std::string, std::vector<double>> series_;
  std::map<std::string, std::vector<double>> map_times_;
  std::map<std::string, Range> map_ranges_;
  std::map<std::string, std::vector<double>> entity_series_;  // by "group/name"
  std::map<std::string, double> entity_max_;
  std::vector<Snapshot> snapshots_;
  std::optional<std::vector<PolicyEvent>> policy_events_;
  std::optional<RunPolicy> policy_;
  std::uint64_t use_clock_ = 0;
};

}  // namespace zhili::view
