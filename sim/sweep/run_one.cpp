#include "core/fnv1a.hpp"
#include "sweep/run_one.hpp"

#include <cstdio>
#include <filesystem>
#include <string_view>

#include "engine/engine.hpp"
#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "scenario/load.hpp"

namespace zhili::sweep {

namespace fs = std::filesystem;

std::vector<std::string> run_overrides(const SweepSpec& spec, const SweepPlan& plan, const PlannedRun& run) {
  std::vector<std::string> o = spec.overrides;
  const auto& values = plan.points[static_cast<std::size_t>(run.point)];
  for (std::size_t j = 0; j < spec.factors.size(); ++j) o.push_back(spec.factors[j].key + "=" + values[j]);
  o.push_back("run.seed=" + std::to_string(run.seed));
  o.push_back("run.threads=1");
  return o;
}

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

namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

bool stopping(const SweepContext& ctx) { return ctx.stop && ctx.stop->load() != 0; }

// What a run was made from: the resolved scenario (base file, overrides,
// factor values and seed, every default filled in). A stored row or file is
// reused only when it was made from the same, so an edited base scenario or
// fixed override is run again.
std::string inputs_line(const Scenario& s) {
  const std::uint64_t h = fnv1a(resolved_yaml(s));
  char buf[40];
  std::snprintf(buf, sizeof buf, "# inputs %016llx\n", static_cast<unsigned long long>(h));
  return buf;
}

// A result file counts as complete only when it opens, says finished, holds
// every planned step and was made with this run's seed and overrides.
bool complete_file(const std::string& path, const Scenario& s, const std::string& overrides,
                   const std::vector<Outcome>& outcomes, std::string& row, const std::string& prefix) {
  if (!fs::exists(path)) return false;
  try {
    ResultReader r(path);
    if (r.status() != RunStatus::finished || r.steps_done() != s.run.steps || r.metadata().seed != s.run.seed ||
        r.metadata().overrides != overrides || r.metadata().resolved_scenario != resolved_yaml(s))
      return false;
    row = summary_row(prefix, outcome_values(r, outcomes));
    return true;
  } catch (const std::exception&) {
    return false;  // unreadable: a run killed before its first flush; redo it
  }
}

// --summary-only: the engine stepped directly, the row written atomically
// after a line naming the run's inputs (inputs_line).
void run_without_file(const SweepContext& ctx, const Scenario& s, const std::string& row_path,
                      const std::string& prefix, RunRecord& rec) {
  const std::string inputs = inputs_line(s);
  const std::string stored = read_text_file(row_path);
  if (stored.rfind(inputs + prefix + ",", 0) == 0 && stored.back() == '\n') {  // this run's row, whole
    rec.state = RunState::finished;
    rec.resumed = true;
    rec.row = stored.substr(inputs.size());
    return;
  }
  Engine engine(s);
  OutcomeAccumulator acc(ctx.outcomes, engine.model().series_specs());
  while (!engine.done()) {
    engine.step();
    acc.add(engine.observables());
    if (stopping(ctx) && !engine.done()) {
      rec.state = RunState::interrupted;
      return;
    }
  }
  rec.row = summary_row(prefix, acc.values());
  write_file_atomically(row_path, inputs + rec.row);
  rec.state = RunState::finished;
}

void run_with_file(const SweepContext& ctx, const Scenario& s, const std::string& overrides, const std::string& path,
                   const std::string& prefix, RunRecord& rec) {
  if (complete_file(path, s, overrides, ctx.outcomes, rec.row, prefix)) {
    rec.state = RunState::finished;
    rec.resumed = true;
    return;
  }
  const RunOutcome out = run_scenario(s, RunRequest{path, ctx.stop, {}});
  if (out.status != RunStatus::finished) {
    rec.state = RunState::interrupted;  // the file is marked interrupted: redone on resume
    return;
  }
  // The row from the file, as a resumed sweep will read it.
  rec.row = summary_row(prefix, outcome_values(ResultReader(path), ctx.outcomes));
  rec.state = RunState::finished;
}

}  // namespace

RunRecord run_one(const SweepContext& ctx, int id) {
  RunRecord rec;
  const PlannedRun& run = ctx.plan.runs[static_cast<std::size_t>(id)];
  const auto overrides = run_overrides(ctx.spec, ctx.plan, run);
  const std::string prefix = row_prefix(run, ctx.plan.points[static_cast<std::size_t>(run.point)]);
  const std::string name = run_name(run.id);
  try {
    const Scenario s = load_scenario(ctx.spec.base, overrides);
    if (ctx.summary_only)
      run_without_file(ctx, s, (fs::path(ctx.dir) / "rows" / (name + ".csv")).string(), prefix, rec);
    else
      run_with_file(ctx, s, joined(overrides), (fs::path(ctx.dir) / "runs" / (name + ".h5")).string(), prefix, rec);
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

PlannedSweep plan_from_file(const std::string& sweep_file) {
  PlannedSweep p;
  p.spec = load_sweep(sweep_file);
  p.plan = plan_sweep(p.spec);
  p.outcomes = outcomes_for(p.spec, p.plan);
  return p;
}

std::optional<PlannedSweep> try_plan_from_file(const std::string& sweep_file, std::string& error) {
  try {
    return plan_from_file(sweep_file);
  } catch (const ScenarioError& e) {
    error = e.diagnostics().format_all();
  } catch (const std::exception& e) {
    error = e.what();
  }
  return std::nullopt;
}

void serve_runs(const SweepContext& ctx, const std::function<std::optional<int>(const std::string&)>& exchange) {
  std::string result;  // empty before the first run
  while (const auto id = exchange(result)) {
    RunRecord rec;  // not_run
    if (!stopping(ctx)) rec = run_one(ctx, *id);
    result = encode_record(*id, rec);
  }
}

std::uint64_t sweep_fingerprint(const SweepContext& ctx) {
  // FNV-1a over the text that decides the rows.
  std::uint64_t h = kFnvBasis;
  auto mix = [&h](const std::string& s) {
    h = fnv1a(s, h);
    h = (h ^ 0xff) * 0x100000001b3ull;  // a separator, so "ab","c" differs from "a","bc"
  };
  mix(ctx.spec.base);
  mix(ctx.summary_only ? "summary-only" : "files");
  mix(summary_header(ctx.spec, ctx.outcomes));
  for (const auto& run : ctx.plan.runs) {
    mix(row_prefix(run, ctx.plan.points[static_cast<std::size_t>(run.point)]));
    mix(joined(run_overrides(ctx.spec, ctx.plan, run)));
  }
  return h == 0 ? 1 : h;  // 0 means "could not plan" in a hello
}

}  // namespace zhili::sweep
