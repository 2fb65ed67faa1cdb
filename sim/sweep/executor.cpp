#include "sweep/executor.hpp"

#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "engine/engine.hpp"
#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "scenario/load.hpp"

namespace zhili::sweep {

namespace fs = std::filesystem;

std::string to_string(RunState s) {
  switch (s) {
    case RunState::not_run: return "not_run";
    case RunState::finished: return "finished";
    case RunState::failed: return "failed";
    case RunState::interrupted: return "interrupted";
  }
  return "?";
}

namespace {

std::vector<std::string> run_overrides(const SweepSpec& spec, const SweepPlan& plan, const PlannedRun& run) {
  std::vector<std::string> o = spec.overrides;
  const auto& values = plan.points[static_cast<std::size_t>(run.point)];
  for (std::size_t j = 0; j < spec.factors.size(); ++j) o.push_back(spec.factors[j].key + "=" + values[j]);
  o.push_back("run.seed=" + std::to_string(run.seed));
  o.push_back("run.threads=1");
  return o;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// Outcome columns from the first run's scenario: the observables depend on
// the scenario (services on or off), and building the model is what says.
std::vector<Outcome> outcomes_for(const SweepSpec& spec, const SweepPlan& plan) {
  const Scenario s = load_scenario(spec.base, run_overrides(spec, plan, plan.runs.front()));
  const auto series = Model(s).series_specs();
  std::vector<std::size_t> unknown;
  auto outcomes = resolve_outcomes(spec.outcomes, series, unknown);
  if (!unknown.empty()) {
    Diagnostics d;
    std::string names;
    for (const auto& x : series) names += (names.empty() ? "" : ", ") + x.name;
    for (auto i : unknown) {
      const auto& at = spec.outcome_at[i];
      d.add(make_diagnostic(at.file, at.line, at.column, "outcomes", "not an observable of the base scenario",
                            spec.outcomes[i], "one of " + names + " (or name/label of a breakdown)"));
    }
    throw ScenarioError(std::move(d));
  }
  return outcomes;
}

// A result file counts as complete only when it opens, says finished, holds
// every planned step and was made with this run's seed and overrides.
bool complete_file(const std::string& path, const Scenario& s, const std::string& overrides,
                   const std::vector<Outcome>& outcomes, std::string& row, const std::string& prefix) {
  if (!fs::exists(path)) return false;
  try {
    ResultReader r(path);
    if (r.status() != RunStatus::finished || r.steps_done() != s.run.steps || r.metadata().seed != s.run.seed ||
        r.metadata().overrides != overrides)
      return false;
    row = summary_row(prefix, outcome_values(r, outcomes));
    return true;
  } catch (const std::exception&) {
    return false;  // unreadable: a run killed before its first flush; redo it
  }
}

class Pool {
 public:
  Pool(const SweepSpec& spec, const SweepOptions& opt, SweepReport& rep) : spec_(spec), opt_(opt), rep_(rep) {}

  void run() {
    t0_ = std::chrono::steady_clock::now();
    rep_.counts.total = static_cast<int>(rep_.plan.runs.size());
    const int jobs = std::max(1, std::min(opt_.jobs, rep_.counts.total));
    std::vector<std::thread> workers;
    for (int w = 0; w < jobs; ++w) workers.emplace_back([this] { work(); });
    for (auto& t : workers) t.join();
    rep_.counts.elapsed_s = elapsed();
  }

 private:
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
  }
  bool stopping() const { return opt_.stop && opt_.stop->load() != 0; }

  void work() {
    for (;;) {
      if (stopping()) return;  // start no new run once a stop is asked for
      const std::size_t i = next_.fetch_add(1);
      if (i >= rep_.plan.runs.size()) return;
      {
        std::lock_guard lock(mutex_);
        ++rep_.counts.running;
      }
      RunRecord rec = one(rep_.plan.runs[i]);
      std::lock_guard lock(mutex_);
      --rep_.counts.running;
      if (rec.state == RunState::finished) ++(rec.resumed ? rep_.counts.resumed : rep_.counts.finished);
      if (rec.state == RunState::failed) ++rep_.counts.failed;
      rep_.runs[i] = std::move(rec);
      rep_.counts.elapsed_s = elapsed();
      if (opt_.progress) opt_.progress(rep_.counts);
    }
  }

  RunRecord one(const PlannedRun& run) {
    RunRecord rec;
    const auto overrides = run_overrides(spec_, rep_.plan, run);
    const std::string prefix = row_prefix(run, rep_.plan.points[static_cast<std::size_t>(run.point)]);
    const std::string name = run_name(run.id);
    try {
      const Scenario s = load_scenario(spec_.base, overrides);
      if (opt_.summary_only) {
        const std::string row_path = (fs::path(opt_.dir) / "rows" / (name + ".csv")).string();
        const std::string stored = read_text_file(row_path);
        if (stored.rfind(prefix + ",", 0) == 0 && stored.back() == '\n') {  // this run's row, whole
          rec.state = RunState::finished;
          rec.resumed = true;
          rec.row = stored;
          return rec;
        }
        Engine engine(s);
        OutcomeAccumulator acc(rep_.outcomes, engine.model().series_specs());
        while (!engine.done()) {
          engine.step();
          acc.add(engine.observables());
          if (stopping() && !engine.done()) {
            rec.state = RunState::interrupted;
            return rec;
          }
        }
        rec.row = summary_row(prefix, acc.values());
        write_file_atomically(row_path, rec.row);
        rec.state = RunState::finished;
        return rec;
      }
      const std::string path = (fs::path(opt_.dir) / "runs" / (name + ".h5")).string();
      if (complete_file(path, s, joined(overrides), rep_.outcomes, rec.row, prefix)) {
        rec.state = RunState::finished;
        rec.resumed = true;
        return rec;
      }
      const RunOutcome out = run_scenario(s, RunRequest{path, opt_.stop, {}});
      if (out.status != RunStatus::finished) {
        rec.state = RunState::interrupted;  // the file is marked interrupted: redone on resume
        return rec;
      }
      // The row from the file, as a resumed sweep will read it.
      rec.row = summary_row(prefix, outcome_values(ResultReader(path), rep_.outcomes));
      rec.state = RunState::finished;
    } catch (const ScenarioError& e) {
      rec.state = RunState::failed;
      rec.bad_input = true;
      rec.message = e.diagnostics().format_all();
    } catch (const std::exception& e) {
      rec.state = RunState::failed;
      rec.message = e.what();
    }
    return rec;
  }

  const SweepSpec& spec_;
  const SweepOptions& opt_;
  SweepReport& rep_;
  std::atomic<std::size_t> next_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point t0_;
};

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

}  // namespace

SweepReport run_sweep(const SweepSpec& spec, const SweepOptions& opt) {
  SweepReport rep;
  rep.plan = plan_sweep(spec);
  rep.runs.resize(rep.plan.runs.size());
  rep.outcomes = outcomes_for(spec, rep.plan);
  fs::create_directories(fs::path(opt.dir) / (opt.summary_only ? "rows" : "runs"));
  const std::string manifest_path = (fs::path(opt.dir) / "manifest.csv").string();
  write_file_atomically(manifest_path, manifest(spec, rep, opt.summary_only));  // the plan, before any run

  Pool(spec, opt, rep).run();

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
    rep.summary_written = true;
  } else {
    fs::remove(summary_path);  // a stale one from an earlier sweep in DIR would mislead
  }
  return rep;
}

}  // namespace zhili::sweep
