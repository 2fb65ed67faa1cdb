#include "sweep/executor.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "sweep/process_workers.hpp"
#include "sweep/summary_h5.hpp"
#include "sweep/thread_workers.hpp"

namespace zhili::sweep {

namespace fs = std::filesystem;

namespace {

std::string manifest(const SweepSpec& spec, const SweepReport& rep, bool summary_only) {
  std::string out = "run,point,replicate,seed";
  for (const auto& f : spec.factors) {
    out += ',';
    out += csv_field(f.key);
  }
  out += ",status,file\n";
  for (const auto& run : rep.plan.runs) {
    const auto& rec = rep.runs[static_cast<std::size_t>(run.id)];
    const std::string name = run_name(run.id);
    out += row_prefix(run, rep.plan.points[static_cast<std::size_t>(run.point)]) + "," + to_string(rec.state) + "," +
           (summary_only ? "rows/" + name + ".csv" : "runs/" + name + ".h5") + "\n";
  }
  return out;
}

// Threads or processes on this machine. Runs that write result files go to
// processes: in one process they would wait on HDF5's global lock. Runs
// without files, or one at a time, stay in this process, which costs least.
std::string spread(const SweepContext& ctx, const SweepOptions& opt, int total, RunBook& book) {
  if (opt.schedule) return opt.schedule(ctx, book);
  const int jobs = std::max(1, std::min(opt.jobs, total));
  const bool processes = opt.workers == Workers::processes ||
                         (opt.workers == Workers::automatic && !opt.summary_only && jobs > 1);
  if (processes) {
    if (opt.worker_arguments.empty()) throw std::logic_error("sweep: worker processes need their command line");
    run_in_processes(ctx, jobs, opt.worker_arguments, book);
    return std::to_string(jobs) + (jobs == 1 ? " worker process" : " worker processes");
  }
  run_in_threads(ctx, jobs, book);
  return std::to_string(jobs) + (jobs == 1 ? " thread" : " threads");
}

}  // namespace

SweepReport run_sweep(const SweepSpec& spec, const SweepOptions& opt) {
  SweepReport rep;
  rep.plan = plan_sweep(spec);
  rep.runs.resize(rep.plan.runs.size());
  rep.outcomes = outcomes_for(spec, rep.plan);
  if (fs::exists(opt.dir) && !fs::is_directory(opt.dir))
    throw std::runtime_error("-o " + opt.dir + ": a file of that name exists; -o names the sweep's folder");
  fs::create_directories(fs::path(opt.dir) / (opt.summary_only ? "rows" : "runs"));
  const std::string manifest_path = (fs::path(opt.dir) / "manifest.csv").string();
  write_file_atomically(manifest_path, manifest(spec, rep, opt.summary_only));  // the plan, before any run
  write_file_atomically((fs::path(opt.dir) / "design.csv").string(), design_csv(spec, rep.plan));  // for zhili analyze

  const int total = static_cast<int>(rep.plan.runs.size());
  const SweepContext ctx{spec, rep.plan, rep.outcomes, opt.dir, opt.summary_only, opt.stop};
  RunBook book(total, opt.stop, opt.progress);
  rep.ran_on = spread(ctx, opt, total, book);
  rep.runs = book.records();
  rep.counts = book.counts();

  for (const auto& r : rep.runs) {
    rep.interrupted += r.state == RunState::interrupted;
    rep.not_run += r.state == RunState::not_run;
  }
  write_file_atomically(manifest_path, manifest(spec, rep, opt.summary_only));
  // Only a complete sweep has a summary: a partial one could pass for the
  // whole. The rows are in run-id order, whatever order the runs ended in.
  const std::string summary_path = (fs::path(opt.dir) / "summary.csv").string();
  if (rep.counts.finished + rep.counts.resumed == rep.counts.total) {
    std::string text = summary_header(spec, rep.outcomes);
    for (const auto& r : rep.runs) text += r.row;
    write_file_atomically(summary_path, text);
    write_summary_h5((fs::path(opt.dir) / "summary.h5").string(), text);  // the same rows, as HDF5
    rep.summary_written = true;
  } else {
    fs::remove(summary_path);  // a stale one from an earlier sweep in DIR would mislead
    fs::remove(fs::path(opt.dir) / "summary.h5");
  }
  return rep;
}

}  // namespace zhili::sweep
