// One run of a sweep, whole: its overrides, the resume check (skip it when its
// result file or row is complete), the simulation, its summary row. The same
// function serves worker threads, worker processes and MPI ranks, which is
// why every way of running a sweep gives the same rows.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sweep/design.hpp"
#include "sweep/run_record.hpp"
#include "sweep/summary.hpp"
#include "sweep/sweep_file.hpp"

namespace zhili::sweep {

// Everything a run needs to know about its sweep. References: the plan and
// outcomes live in the SweepReport (or a worker's own copy).
struct SweepContext {
  const SweepSpec& spec;
  const SweepPlan& plan;
  const std::vector<Outcome>& outcomes;
  std::string dir;
  bool summary_only = false;
  const std::atomic<int>* stop = nullptr;  // non-zero: stop the run after its current step
};

// "key=value" overrides of one run: the sweep's, the factors', its seed, one thread.
std::vector<std::string> run_overrides(const SweepSpec& spec, const SweepPlan& plan, const PlannedRun& run);

// Outcome columns from the first run's scenario: the observables depend on
// the scenario (services on or off), and building the model is what says.
// Throws ScenarioError naming an outcome the scenario does not report.
std::vector<Outcome> outcomes_for(const SweepSpec& spec, const SweepPlan& plan);

// Runs (or finds complete) run `id`. Never throws: a failure is a record.
RunRecord run_one(const SweepContext& ctx, int id);

// A hash of what decides every row (header, run prefixes, seeds, overrides,
// summary-only): a worker that planned the sweep itself proves with it that
// it planned the same sweep as the process keeping the books.
std::uint64_t sweep_fingerprint(const SweepContext& ctx);

// A worker's own copy of a sweep, planned from the sweep file: worker
// processes and MPI ranks plan it themselves (it is cheap, and nothing has to
// be serialised), then prove with the fingerprint that they planned the same.
struct PlannedSweep {
  SweepSpec spec;
  SweepPlan plan;
  std::vector<Outcome> outcomes;
};
// Throws like load_sweep and outcomes_for.
PlannedSweep plan_from_file(const std::string& sweep_file);
// The same for a worker or rank that must report a failure rather than
// throw: nullopt, with the loader's message (every diagnostic) in `error`.
std::optional<PlannedSweep> try_plan_from_file(const std::string& sweep_file, std::string& error);

// The worker side of every scheduler: `exchange` sends the previous run's
// encoded record (empty before the first) and returns the next run id, or
// nothing to stop. Once ctx.stop is set, runs handed out are returned not run.
void serve_runs(const SweepContext& ctx, const std::function<std::optional<int>(const std::string&)>& exchange);

}  // namespace zhili::sweep
