// Running a scenario to a result file: the engine, the HDF5 writer, progress
// reports and stop requests (SIGINT/SIGTERM handled by the caller setting a flag).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "io/result_layout.hpp"
#include "scenario/scenario.hpp"
#include "world/grid.hpp"

namespace zhili {

struct Progress {
  std::int64_t steps_done = 0;
  std::int64_t steps_total = 0;
  Date date{};               // start date of the next step
  double elapsed_s = 0.0;
  double steps_per_s = 0.0;
  double eta_s = 0.0;
};

class LiveControl;
struct Checkpoint;

struct RunRequest {
  std::string output_path;                         // required
  const std::atomic<int>* stop = nullptr;          // non-zero: finish the step, flush, stop
  std::function<void(const Progress&)> progress;   // called after every step (may be empty)
  // Steering from another thread (zhili-view --live): lever changes, pause,
  // speed, flush, stop, outlet changes. With it every step is flushed at
  // once, so a viewer follows step by step, and the file gets
  // /events/lever_changes (and, with public services, /events/outlet_changes).
  LiveControl* live = nullptr;
  // Checkpoints: the whole state at the start of each of these steps (after
  // the step before), written to checkpoint_path(output_path, its date).
  std::vector<std::int64_t> checkpoint_steps{};
  // Continue this checkpoint's run from its step instead of starting at 0;
  // the scenario must match its set-up (checkpoint.hpp), and its levers and
  // schedule govern from there on.
  const Checkpoint* resume = nullptr;
};

struct RunOutcome {
  RunStatus status = RunStatus::finished;
  std::int64_t steps_done = 0;
  double wall_s = 0.0;   // whole call, set-up included
  double setup_s = 0.0;  // building the world and creating the file
  std::string output_path;
  std::vector<SeriesSpec> series;    // what the final row holds
  std::vector<double> final_row;     // observables of the last step done
  std::int64_t first_step = 0;       // the first step run (a continued run's checkpoint step)
  std::vector<std::string> checkpoints;  // files written
  // A continued run whose file starts at the branch, not with the rows
  // before it: why those could not be copied ("" otherwise).
  std::string note;
};

// Output path for a scenario when none is given: output.path, else <run.name>.h5.
std::string default_output_path(const Scenario& s);

// Builds the engine and runs every step, writing the result file. Throws
// ScenarioError (semantic errors found while building the world) or
// std::runtime_error (I/O); the file, if created, is then marked failed.
RunOutcome run_scenario(const Scenario& s, const RunRequest& request);

// The layout of the file for a scenario (observables, maps, levers) on its
// built map (a drawn map's size is known only then).
ResultLayout result_layout(const Scenario& s, const CellGrid& grid,
                           const std::vector<SeriesSpec>& series, const std::vector<MapSpec>& maps,
                           const std::vector<EntitySeriesSpec>& entities = {},
                           const std::vector<EntityGroupSpec>& entity_groups = {});

// The event table of lever changes made during a live run (docs/FORMAT.md):
// columns step, lever (index in /levers), value.
EventTableSpec lever_changes_table();
// The event table of outlet changes made during a live run: columns step,
// outlet (index in /entities/outlets), open (0 or 1), windows.
EventTableSpec outlet_changes_table();

}  // namespace zhili
