// Writes a run's trajectories to HDF5 (layout: docs/FORMAT.md).
//
// All datasets are created in the constructor, then the file switches to SWMR
// mode so a viewer can read it while it grows. Steps are buffered in memory
// (buffers sized once, no allocation per step) and written every
// `flush_every` steps followed by H5Fflush: a run killed with SIGKILL leaves a
// valid file holding every step up to the last flush.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "core/calendar.hpp"
#include "io/result_layout.hpp"

namespace zhili {

struct WriterSettings {
  int flush_every = 12;  // steps per flush (>= 1)
  int compression = 4;   // deflate level 0..9; 0 = no compression (shuffle still on)
};

class ResultWriter {
 public:
  // Creates (truncates) `path`. Throws std::runtime_error naming the path on failure.
  ResultWriter(const std::string& path, const ResultLayout& layout, const RunMetadata& meta,
               WriterSettings settings);
  ~ResultWriter();  // finishes as `failed` if finish() was never called
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  // One step: `observables` holds every observable's row in layout order
  // (layout.observable_row_width() doubles); `levers` one value per lever.
  void append_step(std::int64_t step, double decimal_year, const Date& date,
                   std::span<const double> observables, std::span<const double> levers);
  // Per-cell snapshot of map `map_index` taken at `step` (width*height floats, row-major y, x).
  void append_map(std::size_t map_index, std::int64_t step, double decimal_year,
                  std::span<const float> cells);
  // One row for entity series `series_index` at the current step (one value per entity).
  void append_entity_row(std::size_t series_index, std::span<const double> values);
  // One event; `row` has one value per column (int64 columns are rounded).
  void append_event(std::size_t table_index, std::span<const double> row);

  void flush();  // write buffered data, update run status datasets, H5Fflush
  void finish(RunStatus status, double wall_seconds);  // final flush, status, close
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhili
