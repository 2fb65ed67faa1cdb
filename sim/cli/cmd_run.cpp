#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format.hpp"
#include "cli/headline.hpp"
#include "io/result_reader.hpp"
#include "cli/progress.hpp"
#include "cli/signals.hpp"
#include "engine/checkpoint.hpp"
#include "engine/memory_check.hpp"
#include "engine/plausibility.hpp"
#include "engine/runner.hpp"
#include "scenario/load.hpp"

namespace zhili {

std::vector<std::string> all_overrides(const RunArgs& a) {
  std::vector<std::string> o = a.overrides;
  for (const auto& name : a.without) o.push_back(without_override(name));
  if (a.threads) o.push_back("run.threads=" + *a.threads);
  if (a.seed) o.push_back("run.seed=" + *a.seed);
  if (a.steps) o.push_back("run.steps=" + *a.steps);
  return o;
}

namespace {

// The option each of all_overrides' entries came from: "" for a --set, else
// "--threads", "--seed" or "--steps" (to name it in an error).
std::vector<std::string> override_options(const RunArgs& a) {
  std::vector<std::string> o(a.overrides.size());
  for (std::size_t i = 0; i < a.without.size(); ++i) o.push_back("--without");
  if (a.threads) o.push_back("--threads");
  if (a.seed) o.push_back("--seed");
  if (a.steps) o.push_back("--steps");
  return o;
}

// The loader names overrides "--set #N" in order; the shortcuts, appended
// after the user's --set options, are named by their own option instead.
Diagnostics name_shortcuts(const Diagnostics& in, const RunArgs& args) {
  const auto options = override_options(args);
  Diagnostics out;
  for (Diagnostic d : in.items()) {
    if (const std::size_t n = override_number(d.where); n > 0 && n <= options.size() && !options[n - 1].empty())
      d.where = {options[n - 1], 0, 0};
    out.add(std::move(d));
  }
  return out;
}
// --checkpoint-at dates as steps of the scenario's calendar; nullopt after
// saying which date is wrong.
std::optional<std::vector<std::int64_t>> checkpoint_steps(const RunArgs& args, const Scenario& s) {
  const Calendar cal(s.run.start, s.run.step_unit);
  std::vector<std::int64_t> steps;
  for (const auto& text : args.checkpoint_at) {
    const auto d = parse_date(text);
    if (!d) {
      std::fprintf(stderr, "zhili: --checkpoint-at: expected a date YYYY-MM or YYYY-MM-DD, got '%s'\n", text.c_str());
      return std::nullopt;
    }
    const std::int64_t k = *d < s.run.start ? -1 : cal.first_step_on_or_after(*d);
    if (k < 0 || k > s.run.steps) {
      std::fprintf(stderr, "zhili: --checkpoint-at %s: outside the run (%s to %s)\n", text.c_str(),
                   format_date(s.run.start).c_str(), format_date(cal.date_of(s.run.steps)).c_str());
      return std::nullopt;
    }
    steps.push_back(k);
  }
  return steps;
}

// The checkpoint --from (and --at) name; nullopt after saying why not.
std::optional<Checkpoint> checkpoint_to_continue(const RunArgs& args, const Scenario& s) {
  std::string path = args.from;
  if (!args.at.empty()) {
    const auto d = parse_date(args.at);
    if (!d || *d < s.run.start) {
      std::fprintf(stderr, "zhili: --at: expected a date YYYY-MM or YYYY-MM-DD on or after %s, got '%s'\n",
                   format_date(s.run.start).c_str(), args.at.c_str());
      return std::nullopt;
    }
    const Calendar cal(s.run.start, s.run.step_unit);
    path = checkpoint_path(args.from, cal.date_of(cal.first_step_on_or_after(*d)));
  }
  try {
    return read_checkpoint(path);
  } catch (const CheckpointError& e) {
    std::fprintf(stderr, "zhili: %s\n", e.what());
    if (!args.at.empty()) std::fprintf(stderr, "  hint: written by zhili run ... -o %s --checkpoint-at %s\n", args.from.c_str(), args.at.c_str());
    return std::nullopt;
  }
}

}  // namespace

int run_command(const RunArgs& args) {
  Scenario scenario;
  try {
    scenario = load_scenario(args.scenario, all_overrides(args));
    check_memory(scenario);  // before the map is built
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s", name_shortcuts(e.diagnostics(), args).format_all().c_str());
    std::fprintf(stderr, "zhili: %zu error(s) loading %s; nothing was run.\n", e.diagnostics().size(),
                 args.scenario.c_str());
    return exit_code::bad_input;
  }
  for (const auto& text : override_warnings(scenario))
    std::fprintf(stderr, "%s: warning: %s\n", args.scenario.c_str(), text.c_str());
  if (!args.at.empty() && args.from.empty()) {
    std::fprintf(stderr, "zhili: --at goes with --from RUN.h5\n");
    return exit_code::bad_input;
  }
  const auto checkpoints = checkpoint_steps(args, scenario);
  if (!checkpoints) return exit_code::bad_input;
  std::optional<Checkpoint> resume;
  if (!args.from.empty()) {
    resume = checkpoint_to_continue(args, scenario);
    if (!resume) return exit_code::bad_input;
  }
  const std::string path = args.output.empty() ? default_output_path(scenario) : args.output;
  if (resume) {
    std::error_code ec;
    if (std::filesystem::equivalent(path, args.from, ec) || std::filesystem::equivalent(path, resume->run_file, ec)) {
      std::fprintf(stderr, "zhili: the continued run would overwrite %s, the run it continues: give -o FILE\n",
                   path.c_str());
      return exit_code::bad_input;
    }
  }
  const auto& stop = install_stop_handlers();
  ProgressDisplay progress(stderr, isatty(STDERR_FILENO) == 1, args.quiet);

  if (!args.quiet && resume)
    std::fprintf(stderr, "zhili: continuing '%s' from %s (%s, step %lld of %lld), seed %llu -> %s\n",
                 scenario.run.name.c_str(), resume->path.c_str(), resume->date.c_str(),
                 static_cast<long long>(resume->step), static_cast<long long>(scenario.run.steps),
                 static_cast<unsigned long long>(scenario.run.seed), path.c_str());
  else if (!args.quiet)
    std::fprintf(stderr, "zhili: running '%s': %lld steps of a %s from %s, seed %llu -> %s\n",
                 scenario.run.name.c_str(), static_cast<long long>(scenario.run.steps),
                 std::string(to_string(scenario.run.step_unit)).c_str(),
                 format_year_month(scenario.run.start).c_str(),
                 static_cast<unsigned long long>(scenario.run.seed), path.c_str());

  RunOutcome out;
  try {
    RunRequest req{path, &stop, [&](const Progress& p) { progress.update(p); }};
    req.checkpoint_steps = *checkpoints;
    req.resume = resume ? &*resume : nullptr;
    out = run_scenario(scenario, req);
  } catch (const ScenarioError& e) {
    progress.finish();
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    return exit_code::bad_input;
  } catch (const CheckpointError& e) {
    progress.finish();
    std::string why = e.what();
    if (!why.empty() && why.back() != '\n') why += '\n';
    std::fprintf(stderr, "zhili: %s", why.c_str());
    return exit_code::bad_input;
  } catch (const std::runtime_error& e) {
    progress.finish();
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::output_error;
  }
  progress.finish();
  if (!out.note.empty())
    std::fprintf(stderr, "zhili: the file starts at the branch, without the steps before it: %s\n", out.note.c_str());

  if (!args.quiet) {
    std::printf("%s '%s': %lld of %lld steps in %.2f s\n",
                out.status == RunStatus::finished ? "Finished" : "Interrupted",
                scenario.run.name.c_str(), static_cast<long long>(out.steps_done),
                static_cast<long long>(scenario.run.steps), out.wall_s);
    // The summary leads with the headline outcomes of the last whole year,
    // read back from the file, then every observable at the last step.
    try {
      const ResultReader reader(out.output_path);
      if (const auto year = last_year(reader)) print_headline(stdout, reader, *year);
    } catch (const std::runtime_error& e) {
      std::fprintf(stderr, "zhili: the headline outcomes could not be read back: %s\n", e.what());
    }
    std::printf("Every observable at the end of the last step (%s; any year: zhili info FILE --year YYYY):\n",
                format_year_month(Calendar(scenario.run.start, scenario.run.step_unit)
                                      .date_of(out.steps_done))
                    .c_str());
    print_series_table(stdout, out.series, out.final_row);
    std::printf("Result file: %s\n", out.output_path.c_str());
    for (const auto& c : out.checkpoints) std::printf("Checkpoint: %s\n", c.c_str());
  }
  if (out.status == RunStatus::interrupted) {
    std::fprintf(stderr, "zhili: interrupted after %lld steps; %s holds them and is marked interrupted.\n",
                 static_cast<long long>(out.steps_done), out.output_path.c_str());
    return stop.load() == 15 ? exit_code::interrupted_sigterm : exit_code::interrupted_sigint;
  }
  return exit_code::ok;
}

}  // namespace zhili
