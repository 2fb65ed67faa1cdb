// Running a sweep: plan it, write the manifest, spread the runs (worker
// threads, worker processes or MPI ranks; docs/SWEEPS.md says which when),
// then the manifest again and the summary. Every way of running ends with the
// same records, so the summary is the same bytes.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "sweep/design.hpp"
#include "sweep/run_book.hpp"
#include "sweep/run_one.hpp"
#include "sweep/run_record.hpp"
#include "sweep/summary.hpp"
#include "sweep/sweep_file.hpp"

namespace zhili::sweep {

// Where runs go on one machine.
enum class Workers {
  automatic,  // processes when runs write files and jobs > 1, threads otherwise
  threads,    // worker threads of this process
  processes,  // worker processes (process_workers.hpp)
};

struct SweepOptions {
  std::string dir;
  int jobs = 1;
  bool summary_only = false;
  const std::atomic<int>* stop = nullptr;          // non-zero: start no run, stop running ones
  std::function<void(const SweepCounts&)> progress;  // after each run ends (called under a lock)
  Workers workers = Workers::automatic;
  std::vector<std::string> worker_arguments;  // the command line of a worker process, after the program
  // Spreads the runs itself (MPI) and says on what; when set, `jobs` and
  // `workers` are not used.
  std::function<std::string(const SweepContext&, RunBook&)> schedule;
};

struct SweepReport {
  SweepPlan plan;
  std::vector<Outcome> outcomes;
  std::vector<RunRecord> runs;  // by run id
  SweepCounts counts;
  int interrupted = 0;          // runs stopped by a signal
  int not_run = 0;
  bool summary_written = false;
  std::string ran_on;           // "2 worker processes", "1 thread", "3 MPI ranks"...
};

// Throws ScenarioError (an outcome the base scenario does not report) or
// std::runtime_error / std::filesystem::filesystem_error (DIR not writable,
// worker processes that cannot be started).
SweepReport run_sweep(const SweepSpec& spec, const SweepOptions& options);

}  // namespace zhili::sweep
