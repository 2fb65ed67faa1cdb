// Collective incidents as map markers: the rows of a result file's event
// table /events/incidents (docs/FORMAT.md, written when conflict.enabled) and
// which of them are in progress, or have already ended, at an instant. No
// drawing here: app/incident_markers turns them into rings, the tests check
// the numbers. Files without the table (older files, runs without conflict)
// have no incidents; that is not an error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/run.hpp"

namespace zhili::view {

// The event table the model writes them to: /events/incidents.
inline constexpr const char* kIncidentTable = "incidents";

struct Incident {
  std::int64_t id = 0;
  std::int64_t start_step = 0;
  std::int64_t duration_steps = 0;  // steps it was in progress
  double peak_active = 0;           // real active households in its patch at its peak
  std::int64_t peak_cells = 0;      // cells of its patch at the peak
  int x = 0, y = 0;                 // its patch's most active cell at the peak
  bool ongoing = false;             // still in progress when the run ended

  // In progress during `step`: start_step <= step < start_step + duration_steps.
  bool in_progress_at(std::int64_t step) const { return start_step <= step && step < start_step + duration_steps; }
  bool started_by(std::int64_t step) const { return start_step <= step; }
};

struct IncidentTable {
  std::vector<Incident> incidents;  // in file order (by id, the order they ended)
  std::vector<std::int64_t> steps;  // the file's timeline: row k is step steps[k]
  double max_peak_active = 0;       // largest peak of the run: the marker scale
  std::vector<EventColumn> columns; // the file's table, as it lays out a row

  bool empty() const { return incidents.empty(); }
  // Step in force at timeline row `row` (-1 before the run starts).
  std::int64_t step_of_row(std::int64_t row) const;
  // Timeline row of `step` (-1 if the file has no such step).
  std::int64_t row_of_step(std::int64_t step) const;
};

// The incidents of the file at `path` (a second, light reader on it, like
// RunData's). Empty when the file has no /events/incidents, or a table
// without the columns id, start_step, duration_steps, x, y; throws only when
// the file cannot be read at all.
IncidentTable read_incidents(const std::string& path);
IncidentTable read_incidents(const ResultReader& reader);

// `file` with a live run's incidents still in progress, which its file gets
// only when they end: `rows` laid out as the file's table, those whose id the
// file does not hold yet. The marker scale takes their peaks too.
IncidentTable with_open_incidents(const IncidentTable& file, const std::vector<std::vector<double>>& rows);

// The instant t of `run` (decimal year) as a step of `table`'s timeline: the
// step in force at t, -1 before the run starts.
std::int64_t incident_step_at(const IncidentTable& table, const RunData& run, double t);

// Incidents in progress during `step`.
std::vector<Incident> incidents_in_progress(const IncidentTable& table, std::int64_t step);
// Incidents started at or before `step` (those in progress and those that ended).
std::vector<Incident> incidents_started_by(const IncidentTable& table, std::int64_t step);
// Started at or before `step` and no longer in progress.
std::vector<Incident> incidents_ended_by(const IncidentTable& table, std::int64_t step);

// Radius in pixels: the area grows with peak_active over the run's largest
// peak (so a size means the same number of households while the timeline
// plays), between min_px (no actives) and max_px (the run's largest).
float incident_radius(const Incident& incident, double max_peak_active, float min_px, float max_px);

// The incidents of each open run, read on first use and again when the run
// has grown or changed status (a file still being written gets a row per
// incident when that incident ends). Keeps a reader of its own per run, as
// RunData does not hand out its own.
class IncidentCache {
 public:
  const IncidentTable& of(const RunData& run);

 private:
  struct Entry {
    std::int64_t rows = -1;
    RunStatus status = RunStatus::running;
    std::unique_ptr<ResultReader> reader;  // kept open: a growing run is refreshed, not reopened
    IncidentTable table;
  };
  std::map<std::string, Entry> entries_;  // by path
};

}  // namespace zhili::view
