// zhili sweep: runs a sweep file's design points x replicates on this machine
// (worker threads or processes), or over MPI ranks when started by mpirun/srun.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"
#include "cli/signals.hpp"
#include "engine/plausibility.hpp"
#include "scenario/load.hpp"
#include "sweep/design.hpp"
#include "sweep/executor.hpp"
#include "sweep/mpi_scheduler.hpp"
#include "sweep/process_workers.hpp"

namespace zhili {

namespace {

// One line per finished run on a terminal (redrawn), a line every 10 % of the
// runs otherwise. The ETA counts only runs done in this session: resumed runs
// took no time.
class SweepProgress {
 public:
  SweepProgress(bool interactive, bool quiet) : interactive_(interactive), quiet_(quiet) {}
  void update(const sweep::SweepCounts& c) {
    if (quiet_ || c.total == 0) return;
    const int ended = c.finished + c.resumed + c.failed;
    const double rate = c.elapsed_s > 0 ? c.finished / c.elapsed_s : 0.0;
    const double eta = rate > 0 ? (c.total - ended) / rate : -1.0;
    char line[256];
    std::snprintf(line, sizeof line, "runs %d/%d done (%d resumed), %d failed, %d running  elapsed %s  ETA %s",
                  c.finished + c.resumed, c.total, c.resumed, c.failed, c.running,
                  format_duration(c.elapsed_s).c_str(), format_duration(eta).c_str());
    if (interactive_) {
      std::fprintf(stderr, "\r%s   ", line);
      drawn_ = true;
    } else {
      const int decile = ended * 10 / c.total;
      if (decile <= last_decile_) return;
      last_decile_ = decile;
      std::fprintf(stderr, "progress: %s\n", line);
    }
    std::fflush(stderr);
  }
  void finish() {
    if (drawn_) std::fputc('\n', stderr);
    drawn_ = false;
  }

 private:
  bool interactive_, quiet_;
  bool drawn_ = false;
  int last_decile_ = 0;
};

int interrupted_code(int sig) {
  return sig == 15 ? exit_code::interrupted_sigterm : exit_code::interrupted_sigint;
}

// ZHILI_SWEEP_WORKERS=threads|processes forces where runs go on one machine
// (tests compare the two; docs/SWEEPS.md). Unset: automatic.
bool workers_from_env(sweep::Workers& w) {
  const char* v = std::getenv("ZHILI_SWEEP_WORKERS");
  if (!v || !*v) return true;
  if (std::strcmp(v, "threads") == 0) w = sweep::Workers::threads;
  else if (std::strcmp(v, "processes") == 0) w = sweep::Workers::processes;
  else {
    std::fprintf(stderr, "zhili: ZHILI_SWEEP_WORKERS=%s: expected 'threads' or 'processes'\n", v);
    return false;
  }
  return true;
}

// A factor on a lever that the base's schedule changes during the run is
// overridden from that date on: said before anything runs.
void warn_overridden_factors(const sweep::SweepSpec& spec) {
  auto overrides = spec.overrides;
  for (const auto& f : spec.factors)
    overrides.push_back(f.key + "=" + (f.is_range ? sweep::factor_value_text(f, f.lo) : f.values.front()));
  try {
    for (const auto& text : override_warnings(load_scenario(spec.base, overrides)))
      std::fprintf(stderr, "%s: warning: a factor: %s\n", spec.path.c_str(), text.c_str());
  } catch (const std::exception&) {
    // load_sweep has checked every factor value; nothing to add here.
  }
}

bool load_or_report(const SweepArgs& args, sweep::SweepSpec& spec) {
  try {
    spec = sweep::load_sweep(args.file);
    warn_overridden_factors(spec);
    return true;
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    std::fprintf(stderr, "zhili: %zu error(s) in the sweep; nothing was run.\n", e.diagnostics().size());
    return false;
  }
}

// Runs the sweep and reports it. `on_early_error` is called when run_sweep fails
// before its runs were spread (MPI: the other ranks wait to be let go).
int run_and_report(const SweepArgs& args, const sweep::SweepSpec& spec, sweep::SweepOptions opt,
                   const std::atomic<int>& stop, const std::function<void()>& on_early_error) {
  SweepProgress progress(isatty(STDERR_FILENO) == 1, args.quiet);
  opt.dir = args.dir;
  opt.summary_only = args.summary_only;
  opt.stop = &stop;
  opt.progress = [&](const sweep::SweepCounts& c) { progress.update(c); };

  sweep::SweepReport rep;
  try {
    rep = sweep::run_sweep(spec, opt);
  } catch (const ScenarioError& e) {
    progress.finish();
    on_early_error();
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    return exit_code::bad_input;
  } catch (const std::exception& e) {  // the folder or its files cannot be written, no workers
    progress.finish();
    on_early_error();
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::output_error;
  }
  progress.finish();

  const auto& c = rep.counts;
  std::printf("Sweep '%s': %zu points x %d replicates = %d runs; %d run now, %d already complete, %d failed",
              args.file.c_str(), rep.plan.points.size(), spec.replicates, c.total, c.finished, c.resumed, c.failed);
  if (rep.interrupted + rep.not_run > 0) std::printf(", %d not done", rep.interrupted + rep.not_run);
  std::printf("; %.2f s on %s\n", c.elapsed_s, rep.ran_on.c_str());
  bool bad_input = false;
  for (std::size_t i = 0; i < rep.runs.size(); ++i)
    if (rep.runs[i].state == sweep::RunState::failed) {
      bad_input |= rep.runs[i].bad_input;
      std::fprintf(stderr, "zhili: %s failed: %s\n", sweep::run_name(static_cast<int>(i)).c_str(),
                   rep.runs[i].message.c_str());
    }
  const auto dir = std::filesystem::path(args.dir);
  std::printf("Manifest: %s\n", (dir / "manifest.csv").c_str());
  if (rep.summary_written) std::printf("Summary: %s\n", (dir / "summary.csv").c_str());
  else std::printf("No summary: some runs are not complete; the same command resumes the sweep.\n");

  if (stop.load() != 0) return interrupted_code(stop.load());
  if (c.failed > 0) return bad_input ? exit_code::bad_input : exit_code::output_error;
  return exit_code::ok;
}

// On this machine: worker threads, or worker processes for runs with files.
int local_sweep(const SweepArgs& args) {
  sweep::SweepSpec spec;
  if (!load_or_report(args, spec)) return exit_code::bad_input;
  sweep::SweepOptions opt;
  if (!workers_from_env(opt.workers)) return exit_code::bad_input;
  opt.jobs = args.jobs > 0 ? args.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // A worker is this program again, told so by its environment, on the same
  // sweep and folder; it plans the sweep itself (process_workers.hpp).
  opt.worker_arguments = {"sweep", args.file, "-o", args.dir, "--quiet"};
  if (args.summary_only) opt.worker_arguments.push_back("--summary-only");
  const auto& stop = install_stop_handlers();
  return run_and_report(args, spec, std::move(opt), stop, [] {});
}

// One of several MPI ranks: rank 0 keeps the books and reports, the others serve runs.
int mpi_sweep(const SweepArgs& args) {
  std::unique_ptr<sweep::mpi::Session> session;
  try {
    session = std::make_unique<sweep::mpi::Session>();
  } catch (const std::exception& e) {  // a build without MPI: every rank would say it, rank 0 does
    if (sweep::mpi::launched_rank() == 0) std::fprintf(stderr, "zhili: %s\n", e.what());
    // The launcher ends the job when the first rank exits: the others wait a
    // moment so that rank 0's message is out first.
    else std::this_thread::sleep_for(std::chrono::seconds(1));
    return exit_code::bad_input;
  }
  const auto& stop = install_stop_handlers();  // after MPI_Init, so these are the handlers in force
  if (session->rank() != 0) {
    const int rc = session->serve(args.file, args.dir, args.summary_only, &stop);
    return stop.load() != 0 ? interrupted_code(stop.load()) : rc;
  }
  sweep::SweepSpec spec;
  if (!load_or_report(args, spec)) {
    session->abandon();
    return exit_code::bad_input;
  }
  sweep::SweepOptions opt;
  // Rank 0 runs runs too, on one thread beside its dispatching; alone, on --jobs threads.
  const int local = session->size() == 1 ? std::max(1, args.jobs > 0 ? args.jobs : 1) : 1;
  opt.schedule = [&](const sweep::SweepContext& ctx, sweep::RunBook& book) {
    session->schedule(ctx, book, local);
    return std::to_string(session->size()) + " MPI ranks";
  };
  const int rc = run_and_report(args, spec, std::move(opt), stop, [&] { session->abandon(); });
  std::fflush(stdout);
  return rc;
}

}  // namespace

int sweep_command(const SweepArgs& args) {
  if (sweep::is_worker_process()) return sweep::serve_as_worker_process(args.file, args.dir, args.summary_only);
  const int ranks = sweep::mpi::launched_ranks();
  if (ranks > 1 || ranks < 0) return mpi_sweep(args);
  return local_sweep(args);
}

}  // namespace zhili
