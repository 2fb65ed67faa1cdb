// zhili sweep: runs a sweep file's design points x replicates on this machine.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"
#include "cli/signals.hpp"
#include "sweep/executor.hpp"

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

}  // namespace

int sweep_command(const SweepArgs& args) {
  sweep::SweepSpec spec;
  try {
    spec = sweep::load_sweep(args.file);
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    std::fprintf(stderr, "zhili: %zu error(s) in the sweep; nothing was run.\n", e.diagnostics().size());
    return exit_code::bad_input;
  }
  const auto& stop = install_stop_handlers();
  SweepProgress progress(isatty(STDERR_FILENO) == 1, args.quiet);
  sweep::SweepOptions opt;
  opt.dir = args.dir;
  opt.jobs = args.jobs > 0 ? args.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  opt.summary_only = args.summary_only;
  opt.stop = &stop;
  opt.progress = [&](const sweep::SweepCounts& c) { progress.update(c); };

  sweep::SweepReport rep;
  try {
    rep = sweep::run_sweep(spec, opt);
  } catch (const ScenarioError& e) {
    progress.finish();
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    return exit_code::bad_input;
  } catch (const std::exception& e) {  // the folder or its files cannot be written
    progress.finish();
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::output_error;
  }
  progress.finish();

  const auto& c = rep.counts;
  std::printf("Sweep '%s': %zu points x %d replicates = %d runs; %d run now, %d already complete, %d failed",
              args.file.c_str(), rep.plan.points.size(), spec.replicates, c.total, c.finished, c.resumed, c.failed);
  if (rep.interrupted + rep.not_run > 0) std::printf(", %d not done", rep.interrupted + rep.not_run);
  std::printf("; %.2f s with %d jobs\n", c.elapsed_s, opt.jobs);
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

  if (stop.load() != 0)
    return stop.load() == 15 ? exit_code::interrupted_sigterm : exit_code::interrupted_sigint;
  if (c.failed > 0) return bad_input ? exit_code::bad_input : exit_code::output_error;
  return exit_code::ok;
}

}  // namespace zhili
