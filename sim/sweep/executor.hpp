// Running a sweep on one machine: a pool of worker threads, each running whole
// runs one after another with run.threads = 1 (docs/SWEEPS.md says why),
// skipping runs already complete, and writing the manifest and the summary.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "sweep/design.hpp"
#include "sweep/summary.hpp"
#include "sweep/sweep_file.hpp"

namespace zhili::sweep {

enum class RunState { not_run, finished, failed, interrupted };
std::string to_string(RunState s);

struct RunRecord {
  RunState state = RunState::not_run;
  bool resumed = false;    // found complete on disk, not run again
  bool bad_input = false;  // failed on the scenario (world building), not on a file
  std::string message;     // why it failed
  std::string row;         // summary row, when finished
};

struct SweepCounts {
  int total = 0;
  int finished = 0;  // run now
  int resumed = 0;   // complete already
  int failed = 0;
  int running = 0;
  double elapsed_s = 0;
};

struct SweepOptions {
  std::string dir;
  int jobs = 1;
  bool summary_only = false;
  const std::atomic<int>* stop = nullptr;          // non-zero: start no run, stop running ones
  std::function<void(const SweepCounts&)> progress;  // after each run ends (called under a lock)
};

struct SweepReport {
  SweepPlan plan;
  std::vector<Outcome> outcomes;
  std::vector<RunRecord> runs;  // by run id
  SweepCounts counts;
  int interrupted = 0;          // runs stopped by a signal
  int not_run = 0;
  bool summary_written = false;
};

// Throws ScenarioError (an outcome the base scenario does not report) or
// std::runtime_error / std::filesystem::filesystem_error (DIR not writable).
SweepReport run_sweep(const SweepSpec& spec, const SweepOptions& options);

}  // namespace zhili::sweep
