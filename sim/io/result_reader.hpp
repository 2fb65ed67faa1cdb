// Reads result files written by ResultWriter: metadata, observables, maps,
// entity series, event tables and levers. Opens in SWMR-read mode, so it works
// on a file still being written and on one left by a killed run; refresh()
// picks up rows appended since. Reads slices on demand, never the whole file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/result_layout.hpp"

namespace zhili {

struct SeriesInfo {
  SeriesSpec spec;
  std::int64_t rows = 0;  // steps stored
};

struct EventTable {
  EventTableSpec spec;
  std::vector<std::vector<double>> columns;  // one vector per column, all the same length
};

// How much to trust a file before HDF5 reads it in this process.
enum class OpenCheck {
  none,  // a file this program wrote (a sweep's runs)
  // A file from elsewhere (`zhili info`, the viewer): a child process opens
  // it first, so that a corrupted file on which HDF5 1.10 crashes or hangs
  // is refused with a reason (std::runtime_error) instead. It forks: not for
  // a process whose other threads may be inside HDF5 at the time.
  in_child_process,
};

class ResultReader {
 public:
  // Throws std::runtime_error naming the path.
  explicit ResultReader(const std::string& path, OpenCheck check = OpenCheck::none);
  ~ResultReader();
  ResultReader(ResultReader&&) noexcept;
  ResultReader& operator=(ResultReader&&) noexcept;

  void refresh();  // re-read extents and status of a file that is still growing

  const RunMetadata& metadata() const;
  RunStatus status() const;
  std::int64_t steps_done() const;  // rows in the timeline
  double wall_seconds() const;

  // Timeline shared by every observable.
  std::vector<std::int64_t> steps() const;
  std::vector<double> times() const;        // decimal years
  std::vector<std::string> dates() const;   // "YYYY-MM-DD"

  std::vector<std::string> observable_names() const;  // in file order
  SeriesInfo observable_info(const std::string& name) const;
  // Rows [first, first+count) of an observable, row-major (count x width).
  // count = -1 reads to the end.
  std::vector<double> read_observable(const std::string& name, std::int64_t first = 0,
                                      std::int64_t count = -1) const;

  std::vector<std::string> lever_names() const;
  std::vector<double> read_lever(const std::string& name) const;

  std::vector<MapSpec> maps() const;
  int map_width() const;
  int map_height() const;
  std::vector<std::int64_t> map_steps(const std::string& name) const;  // snapshot steps
  std::vector<float> read_map(const std::string& name, std::int64_t snapshot) const;

  std::vector<EntitySeriesSpec> entity_series() const;
  std::vector<double> read_entity_series(const std::string& group, const std::string& name) const;
  // What the entities of each group are (names, kinds, map cells); empty for
  // files written before entity metadata existed (docs/FORMAT.md).
  const std::vector<EntityGroupSpec>& entity_groups() const;
  const EntityGroupSpec* find_entity_group(const std::string& group) const;  // nullptr if absent

  std::vector<std::string> event_table_names() const;
  EventTable read_events(const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string to_string(RunStatus s);

}  // namespace zhili
