// Creates the whole object tree of a result file (docs/FORMAT.md) and hands
// back the open datasets the writer appends to.
//
// SWMR forbids creating objects or attributes once it is on, so this is the
// only place that creates anything; it ends by switching the file to SWMR.
#pragma once

#include <string>
#include <vector>

#include "io/h5_util.hpp"
#include "io/result_layout.hpp"

namespace zhili::h5 {

struct MapDatasets {
  Handle value;  // float32 (S, H, W)
  Handle step;   // int64 (S)
  Handle time;   // float64 (S)
  hsize_t rows = 0;
};

struct EventDatasets {
  Handle dataset;   // compound, one field per column
  Handle mem_type;  // the same fields in native types, packed 8 bytes apart
  std::vector<EventColumn::Type> types;
  hsize_t rows = 0;
};

struct WriterTree {
  // Declared first so it is destroyed last: an object outliving its file's
  // close would keep the file open behind our back.
  Handle file;
  Handle status, steps_done, wall_seconds;  // /run scalars, rewritten at each flush
  Handle step, time, date;                  // /timeline
  Handle date_type;                         // fixed-length string of format::date_length
  std::vector<Handle> observables;          // value datasets, in layout order
  std::vector<Handle> levers;
  std::vector<Handle> entities;
  std::vector<MapDatasets> maps;
  std::vector<EventDatasets> events;

  // Closes every object, then the file; throws Error if the file's close (its
  // last metadata write) fails.
  void close();
  // The same, ignoring failures (on a path that is already failing).
  void close_quietly() noexcept;

 private:
  void close_objects() noexcept;
};

// Validates names (throws std::invalid_argument), creates `path`.part, every
// group, dataset and attribute, starts SWMR writing and renames the file to
// `path` (replacing any file there). If anything after the creation fails,
// the .part file is removed.
WriterTree create_tree(const std::string& path, const ResultLayout& layout,
                       const RunMetadata& meta, int compression);

}  // namespace zhili::h5
