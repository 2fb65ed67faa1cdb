// What a result file holds, declared before the run starts.
//
// HDF5's SWMR mode forbids creating objects once readers may be attached, so
// every dataset is declared here up front: the model registers its observables,
// maps, per-entity series and event tables, then the writer creates them all.
// The on-disk layout is documented in docs/FORMAT.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace zhili {

// Which way an observable or map is better, for colouring differences
// (the viewer's compare panel): more coverage is better, more incidents
// worse, more population neither. Written as the attribute `better`
// ("higher" or "lower"; absent = neither).
enum class Better : std::uint8_t { neither, higher, lower };
inline const char* better_text(Better b) {
  return b == Better::higher ? "higher" : b == Better::lower ? "lower" : "neither";
}
inline Better better_from(const std::string& text) {
  return text == "higher" ? Better::higher : text == "lower" ? Better::lower : Better::neither;
}

// A city-wide series: one value per step, or one row of `labels.size()`
// values per step for a breakdown (by group, zone, need type, ...).
struct SeriesSpec {
  std::string name;                 // "/observables/<name>"
  std::string unit;                 // "persons", "1" for a share, "yuan/month", ...
  std::string description;
  std::string breakdown;            // "" for a scalar, else "group", "zone", ...
  std::vector<std::string> labels;  // column labels of a breakdown (empty for a scalar)
  Better better = Better::neither;  // which way is good, for every label
  std::size_t width() const { return labels.empty() ? 1 : labels.size(); }
};

// A per-cell field, saved as a (height x width) float32 snapshot every K steps.
struct MapSpec {
  std::string name;  // "/maps/<name>"
  std::string unit;
  std::string description;
  Better better = Better::neither;
};

// A series with one value per entity per step (per outlet, per court, ...).
struct EntitySeriesSpec {
  std::string group;                      // "/entities/<group>/<name>", e.g. "outlets"
  std::string name;                       // "queue_length"
  std::string unit;
  std::string description;
  std::vector<std::string> entity_names;  // one column per entity
};

// What the entities of a group are: names, kinds and map cells (outlets are
// places). Stored as attributes of /entities/<group>, so a file without them
// (written before they existed) reads as a group with no metadata, and older
// readers, which list only the group's series, are not disturbed.
struct EntityGroupSpec {
  std::string group;               // "outlets"
  std::string description;
  std::vector<std::string> names;  // one per entity, the column order of the group's series
  std::vector<std::string> kinds;  // "district_centre", ... (same length as names, or empty)
  std::vector<std::int32_t> x, y;  // map cell of each entity (same length as names, or empty)
  bool has_cells() const { return !names.empty() && x.size() == names.size() && y.size() == names.size(); }
};

struct EventColumn {
  enum class Type : std::uint8_t { int64, float64 };
  std::string name;
  Type type = Type::int64;
  std::string unit;
  std::string description;
};

// A growable table of events (for example incidents: step, cell, size).
struct EventTableSpec {
  std::string name;  // "/events/<name>"
  std::string description;
  std::vector<EventColumn> columns;
};

struct LeverSpec {
  std::string name;  // "/levers/<name>", e.g. "hukou.openness"
  std::string unit;
  std::string description;
};

struct ResultLayout {
  std::vector<SeriesSpec> observables;
  std::vector<MapSpec> maps;
  int map_width = 0;
  int map_height = 0;
  std::vector<EntitySeriesSpec> entity_series;
  std::vector<EntityGroupSpec> entity_groups;  // metadata of entity groups (optional)
  std::vector<EventTableSpec> event_tables;
  std::vector<LeverSpec> levers;

  // Total number of doubles in one step's row of observables (sum of widths).
  std::size_t observable_row_width() const {
    std::size_t w = 0;
    for (const auto& s : observables) w += s.width();
    return w;
  }
};

enum class RunStatus : std::int32_t { running = 0, finished = 1, interrupted = 2, failed = 3 };

// Run provenance written once when the file is created.
struct RunMetadata {
  std::string program_version;    // "0.1.0"
  std::string git_commit;         // short hash or "unknown"
  std::string scenario_name;
  std::string scenario_path;
  std::string scenario_text;      // the file exactly as given
  std::string resolved_scenario;  // YAML with every key, defaults filled in, overrides applied
  std::string overrides;          // --set arguments, one per line
  std::uint64_t seed = 0;
  int threads = 0;
  std::string start_time;         // wall-clock start, ISO 8601 UTC
  std::string calendar_start;     // "YYYY-MM-DD"
  std::string step_unit;          // "week" or "month"
  std::int64_t steps_planned = 0;
  double cell_km = 0.0;
  // A run continued from a checkpoint (zhili run --from): the checkpoint's
  // file, the step from which this run simulated (the checkpoint's), and the
  // step of its first row: 0 when the rows before the branch were copied
  // from the run that wrote the checkpoint, else the branch step. "", 0, 0
  // for a run from the start.
  std::string continued_from;
  std::int64_t branch_step = 0;
  std::int64_t first_step = 0;
};

}  // namespace zhili
