// A simulation running on a background thread while the viewer shows it
// (zhili-view --live). No ImGui: the panel (app/live_panel) draws from it and
// calls its controls; tests drive it directly.
//
// The run is run_scenario() as `zhili run` does it, writing the same result
// file (SWMR, every step flushed), steered through a LiveControl: lever
// changes take effect from the next step and are recorded in the file
// (/levers, /events/lever_changes), so the file equals that of a `zhili run`
// whose scenario has those changes in its schedule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/live_control.hpp"
#include "scenario/scenario.hpp"

namespace zhili::view {

class LiveRun {
 public:
  // Does not start yet (start()); `output_path` as `zhili run -o` (default: the scenario's).
  LiveRun(Scenario scenario, std::string output_path);
  ~LiveRun();  // stops the run (the file is closed, marked interrupted) and joins the thread
  LiveRun(const LiveRun&) = delete;
  LiveRun& operator=(const LiveRun&) = delete;

  void start();
  // Stops after the current step and waits for the file to be closed.
  void stop();

  const Scenario& scenario() const { return scenario_; }
  const std::string& path() const { return path_; }
  LiveControl& control() { return control_; }
  const LiveControl& control() const { return control_; }

  std::int64_t steps_done() const { return control_.steps_done(); }
  std::int64_t steps_planned() const { return scenario_.run.steps; }
  bool ended() const { return control_.ended(); }
  bool paused() const { return control_.pause_requested(); }
  // Why the run failed (a scenario error found while building the world, a
  // file that cannot be written); empty while it goes or after a clean end.
  std::string error() const;
  // The failure was the scenario's (world building found an error), not the file's.
  bool failed_on_input() const;
  // The file has at least one step, so a reader can open it.
  bool file_ready() const { return steps_done() > 0; }

  // Rows of the incidents in progress after the last step done, laid out as
  // the file's /events/incidents (which gets them when they end).
  std::vector<std::vector<double>> open_incident_rows() const;

  // Sets a lever from the next step on (clamped to its documented range).
  void set_lever(LeverId lever, double value);
  // Lever values the next step will use: the scenario's schedule, the changes
  // applied so far, then the changes still pending.
  LeverValues levers_next();

  // Sets an outlet open or closed with `windows` listed windows from the next
  // step on (windows below 0 count as 0; an index the run does not have is
  // ignored).
  void set_outlet(std::int32_t outlet, bool open, int windows);
  // The outlets as the last step left them, with the changes still pending
  // on top; empty without public services or before the run has set up.
  std::vector<OutletState> outlets_next() const;

 private:
  void run();

  Scenario scenario_;
  std::string path_;
  LiveControl control_;
  std::thread thread_;
  mutable std::mutex error_mutex_;
  std::string error_;
  bool input_error_ = false;
  // Mirror of the engine's schedule for levers_next(), rebuilt when the
  // number of applied changes grows (not every frame).
  std::vector<ScheduleEntry> schedule_;
  std::size_t applied_seen_ = 0;
};

}  // namespace zhili::view
