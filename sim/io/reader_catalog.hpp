// What a result file holds, as found by the reader: the specs rebuilt from
// the file's attributes, with the datasets kept open for slicing on demand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/h5_util.hpp"
#include "io/result_layout.hpp"

namespace zhili::h5 {

// An open dataset whose metadata is refreshed lazily: ResultReader::refresh()
// bumps a generation counter and a dataset is H5Drefresh'ed only when next
// used, so refreshing a file with hundreds of series costs nothing up front.
struct LiveDataset {
  Handle id;
  mutable std::uint64_t generation = 0;
};

struct ObservableEntry {
  SeriesSpec spec;
  LiveDataset value;
};
struct LeverEntry {
  LeverSpec spec;
  LiveDataset value;
};
struct MapEntry {
  MapSpec spec;
  LiveDataset value, step, time;
};
struct EntityEntry {
  EntitySeriesSpec spec;
  LiveDataset value;
};
struct EventEntry {
  EventTableSpec spec;
  LiveDataset table;
};

struct Catalog {
  LiveDataset status, steps_done, wall_seconds;  // /run scalars
  LiveDataset step, time, date;                  // /timeline
  std::vector<ObservableEntry> observables;      // in file (creation) order
  std::vector<LeverEntry> levers;
  std::vector<MapEntry> maps;
  int map_width = 0, map_height = 0;
  std::vector<EntityEntry> entities;
  std::vector<EntityGroupSpec> entity_groups;  // groups whose metadata the file has (newer files)
  std::vector<EventEntry> events;
};

// Throws Error("not a zhili result file") unless the root attributes say so,
// and Error for a format_version newer than this program reads.
void check_format(hid_t file);
RunMetadata read_metadata(hid_t file);
Catalog read_catalog(hid_t file);

}  // namespace zhili::h5
