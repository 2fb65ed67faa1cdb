// Steering a run while it goes (zhili-view --live): lever and outlet changes,
// pause and resume, a cap on steps per second, flush and stop requests. Any thread may
// call the "controller" side; run_scenario() (runner.hpp), on the run's own
// thread, asks for its next turn between steps, so a change never lands in
// the middle of a step.
//
// Determinism: a lever change made before the run's turn for step k is
// applied from step k, exactly as a `set` entry at step k appended to the
// scenario's schedule (Engine::schedule_lever). Which k that is depends on
// when the user clicks; pause_at() makes it exact (tests, scripted demos).
// An outlet change likewise acts as a `schedule:` entry with `outlet:` at
// step k (PublicServices::schedule_event).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "scenario/levers.hpp"

namespace zhili {

struct LeverChange {
  LeverId lever = LeverId::hukou_openness;
  double value = 0.0;
};

// An outlet set open or closed with a number of listed windows, from a step
// on: what a scenario `schedule:` entry with `outlet:`, `open:` and `windows:`
// at that step does (services_spec.hpp, OutletEvent).
struct OutletChange {
  std::int32_t outlet = 0;  // index in the run's outlet list (/entities/outlets)
  bool open = true;
  int windows = 0;          // listed windows; purchases come on top
};

// An outlet as the last step left it (before the next step's changes).
struct OutletState {
  std::string name;
  bool open = true;
  int windows = 0;  // listed
};

// What the run takes at its turn: the changes made since the last one.
struct LiveChanges {
  std::vector<LeverChange> levers;
  std::vector<OutletChange> outlets;
};

// A row of an event table for an event still in progress: what the file
// will get when the event ends.
struct OpenEventRow {
  std::string table;  // its name under /events ("incidents")
  std::vector<double> values;
};

// A change as the run applied it: from step `step` on.
struct AppliedLeverChange {
  std::int64_t step = 0;
  LeverId lever = LeverId::hukou_openness;
  double value = 0.0;
};

class LiveControl {
 public:
  // --- controller side (any thread) ---------------------------------------
  void set_lever(LeverId lever, double value);  // from the next step on
  // From the next step on; windows below 0 count as 0, and the run ignores an
  // index it does not have.
  void set_outlet(const OutletChange& change);
  void pause();
  void resume();
  // Pause before running step `step` (when `step` steps are done); -1: never.
  void pause_at(std::int64_t step);
  // At most `rate` steps per second; <= 0: as fast as the model runs.
  void set_max_steps_per_second(double rate);
  void request_flush();  // write what is buffered to the file now
  void request_stop();   // finish the current step, close the file (interrupted)

  std::int64_t steps_done() const;
  bool pause_requested() const;
  // True while the run waits at a step boundary because it is paused.
  bool waiting() const;
  bool ended() const;  // end_run() was called
  // Changes not yet picked up by the run, and those applied (with their step),
  // in the order they were made.
  std::vector<LeverChange> pending_changes() const;
  std::vector<AppliedLeverChange> applied_changes() const;
  std::size_t applied_count() const;
  std::vector<OutletChange> pending_outlet_changes() const;
  // The outlets after the last step done (before the first: as set up);
  // empty when the scenario has no public services or the run has not set up yet.
  std::vector<OutletState> outlets() const;
  // Events in progress after the last step done (collective incidents), which
  // the file gets only when they end; empty after the run has ended (the
  // file then holds them all).
  std::vector<OpenEventRow> open_events() const;
  // Blocks until the run waits paused or has ended, or `timeout` passes;
  // returns whether it did.
  bool wait_until_idle(std::chrono::milliseconds timeout) const;

  // --- run side (the run's thread) -------------------------------------------
  enum class Turn { step, flush, stop };
  // Waits while paused or held back by the speed cap. `step`: returns the
  // changes made since the last turn in `changes` (both lists cleared
  // first); the run applies them to step `next_step` and runs it. `flush`:
  // write the file, then ask again. `stop`: end the run.
  Turn next_turn(std::int64_t next_step, LiveChanges& changes);
  void step_done(std::int64_t steps_done);  // after each step is written
  void publish_open_events(std::vector<OpenEventRow> rows);  // after each step, before step_done
  void publish_outlets(std::vector<OutletState> outlets);    // at set-up, then after each step
  void end_run();                           // the run is over (any reason)

 private:
  using Clock = std::chrono::steady_clock;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<LeverChange> pending_;
  std::vector<AppliedLeverChange> applied_;
  std::vector<OutletChange> pending_outlets_;
  std::vector<OutletState> outlets_;
  std::vector<OpenEventRow> open_events_;
  bool paused_ = false;
  bool waiting_ = false;
  bool flush_ = false;
  bool stop_ = false;
  bool ended_ = false;
  std::int64_t pause_at_ = -1;
  std::int64_t steps_done_ = 0;
  double max_rate_ = 0.0;
  Clock::time_point last_step_{};
};

}  // namespace zhili
