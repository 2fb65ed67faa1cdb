// zhili compare: a base scenario against its variants over paired replicates.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/signals.hpp"
#include "compare/arms.hpp"
#include "compare/effects_table.hpp"
#include "core/archive.hpp"
#include "engine/plausibility.hpp"
#include "scenario/load.hpp"
#include "sweep/summary.hpp"

namespace zhili {

namespace {

namespace fs = std::filesystem;
using compare::Arm;
using compare::CompareSpec;

// One override of an arm and the option it came from, to name it in errors.
struct ArmOverrides {
  std::vector<std::string> overrides, origins;
  void add(std::string o, std::string origin) {
    overrides.push_back(std::move(o));
    origins.push_back(std::move(origin));
  }
};

CompareSpec plan(const CompareArgs& a, std::vector<std::vector<std::string>>& origins) {
  ArmOverrides shared;
  for (const auto& o : a.shared) shared.add(o, "--set-all " + o);
  if (a.steps) shared.add("run.steps=" + *a.steps, "--steps");
  CompareSpec spec;
  spec.replicates = a.replicates;
  spec.dir = a.dir;
  const auto add_arm = [&](std::string label, const std::string& file, const ArmOverrides& own) {
    std::string name = "base";
    if (!spec.arms.empty()) name.assign("v").append(std::to_string(spec.arms.size()));
    Arm arm{std::move(name), std::move(label), file, shared.overrides};
    auto o = shared.origins;
    arm.overrides.insert(arm.overrides.end(), own.overrides.begin(), own.overrides.end());
    o.insert(o.end(), own.origins.begin(), own.origins.end());
    // The run's own seed and thread overrides come last (compare/arms.hpp).
    o.push_back("--seed");
    o.push_back("(one thread per run)");
    spec.arms.push_back(std::move(arm));
    origins.push_back(std::move(o));
  };
  add_arm(fs::path(a.base).filename().string(), a.base, {});
  for (const auto& f : a.variant_files) add_arm(fs::path(f).filename().string(), f, {});
  if (!a.without.empty() || !a.sets.empty()) {
    ArmOverrides own;
    std::string label;
    for (const auto& name : a.without) {
      own.add(without_override(name), "--without " + name);
      label += (label.empty() ? "" : " ") + ("--without " + name);
    }
    for (const auto& o : a.sets) {
      own.add(o, "--set " + o);
      label += (label.empty() ? "" : " ") + ("--set " + o);
    }
    add_arm(label, a.base, own);
  }
  return spec;
}

// Loads each arm once; prints every error, naming the option an override
// came from. False when any arm is bad.
bool check(const CompareSpec& spec, const std::vector<std::vector<std::string>>& origins) {
  bool ok = true;
  for (std::size_t i = 0; i < spec.arms.size(); ++i) {
    const auto& arm = spec.arms[i];
    try {
      const Scenario s = load_scenario(arm.scenario, compare::run_overrides(arm, compare::replicate_seed(spec.seed, 0)));
      for (const auto& text : override_warnings(s))
        std::fprintf(stderr, "zhili compare: warning: the %s (%s): %s\n", i == 0 ? "base" : "variant",
                     arm.label.c_str(), text.c_str());
    } catch (const ScenarioError& e) {
      Diagnostics named;
      for (Diagnostic d : e.diagnostics().items()) {
        const std::size_t n = override_number(d.where);
        if (n > 0 && n <= origins[i].size()) d.where = {origins[i][n - 1], 0, 0};
        named.add(std::move(d));
      }
      std::fprintf(stderr, "%s", named.format_all().c_str());
      std::fprintf(stderr, "zhili: %zu error(s) in the %s (%s)\n", named.size(), i == 0 ? "base" : "variant",
                   arm.label.c_str());
      ok = false;
    }
  }
  return ok;
}

std::string markdown_report(const CompareSpec& spec, const compare::EffectTable& t, int year) {
  std::string out = "# Policy comparison\n\n";
  out += "Each arm ran " + std::to_string(spec.replicates) +
         " replicates with the same seeds (common random numbers; master seed " + std::to_string(spec.seed) +
         "). An effect is the mean over replicates of the variant's value minus the base's, with the 95% "
         "Student t interval of that mean; \"pairs with its sign\" is the share of replicates whose own "
         "difference has the sign of the mean. A year's value is the sum of its steps for flows and their mean "
         "otherwise. Every year is in effects.csv.\n\n";
  if (spec.branch_at)
    out += "The variants branch from the base at " + format_date(*spec.branch_at) +
           ": each continues from its base replicate's checkpoint there, so before it every pair is the "
           "same run.\n\n";
  out += "| arm | scenario | overrides |\n|---|---|---|\n";
  for (const auto& arm : spec.arms) {
    std::string o;
    for (const auto& x : arm.overrides) o += (o.empty() ? "`" : ", `") + x + "`";
    out += "| " + arm.name + " | " + arm.scenario + " | " + o + " |\n";
  }
  out += "\n## " + std::to_string(year) + "\n\n" + compare::effects_text(t, year, true);
  return out;
}

}  // namespace

int compare_command(const CompareArgs& args) {
  if (args.variant_files.empty() && args.without.empty() && args.sets.empty()) {
    std::fprintf(stderr, "zhili compare: no variant: give --variant FILE, --without NAME or --set KEY=VALUE\n");
    return exit_code::bad_input;
  }
  std::vector<std::vector<std::string>> origins;
  CompareSpec spec = plan(args, origins);
  // The master seed: the option, else the base scenario's run.seed.
  if (args.seed) {
    spec.seed = *args.seed;
  } else {
    try {
      spec.seed = load_scenario(args.base, spec.arms[0].overrides).run.seed;
    } catch (const ScenarioError&) {
      spec.seed = 1;  // reported with the arms below
    }
  }
  if (!args.branch_at.empty()) {
    spec.branch_at = parse_date(args.branch_at);
    if (!spec.branch_at) {
      std::fprintf(stderr, "zhili compare: --branch-at: expected a date YYYY-MM or YYYY-MM-DD, got '%s'\n",
                   args.branch_at.c_str());
      return exit_code::bad_input;
    }
    // Strictly inside the run: at the start there is nothing to branch from,
    // at the end nothing left to compare.
    try {
      const Scenario base = load_scenario(args.base, spec.arms[0].overrides);
      const Calendar cal(base.run.start, base.run.step_unit);
      const std::int64_t k = *spec.branch_at < base.run.start ? 0 : cal.first_step_on_or_after(*spec.branch_at);
      if (k <= 0 || k >= base.run.steps) {
        std::fprintf(stderr, "zhili compare: --branch-at %s: expected a date after the run's start (%s) and before its "
                     "last step (%s)\n", args.branch_at.c_str(), format_date(base.run.start).c_str(),
                     format_date(cal.date_of(base.run.steps - 1)).c_str());
        return exit_code::bad_input;
      }
    } catch (const ScenarioError&) {
      // reported with the arms below
    }
  }
  if (!check(spec, origins)) return exit_code::bad_input;

  const int total = static_cast<int>(spec.arms.size()) * spec.replicates;
  if (!args.quiet)
    std::fprintf(stderr, "zhili compare: %s against %zu variant(s), %d paired replicates: %d runs -> %s\n",
                 spec.arms[0].label.c_str(), spec.arms.size() - 1, spec.replicates, total, spec.dir.c_str());
  const auto& stop = install_stop_handlers();
  const int jobs = args.jobs > 0 ? args.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  compare::RunsDone done;
  try {
    // On a terminal one line, rewritten; in a log a line every tenth of the runs.
    const bool tty = isatty(STDERR_FILENO) == 1;
    done = compare::run_arms(spec, jobs, &stop, [&](int n, int all) {
      if (args.quiet) return;
      if (tty) std::fprintf(stderr, "\r  %d of %d runs done", n, all);
      else if (n == all || (n * 10 / all) != ((n - 1) * 10 / all)) std::fprintf(stderr, "  %d of %d runs done\n", n, all);
    });
    if (!args.quiet && tty) std::fprintf(stderr, "\n");
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "\n%s", e.diagnostics().format_all().c_str());
    return exit_code::bad_input;
  } catch (const CheckpointError& e) {
    std::fprintf(stderr, "\nzhili compare: a variant cannot branch from the base: %s\n", e.what());
    return exit_code::bad_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "\nzhili compare: %s\n", e.what());
    return exit_code::output_error;
  }
  if (done.interrupted) {
    std::fprintf(stderr, "zhili compare: interrupted; run the same command again to finish (complete runs are kept)\n");
    return stop.load() == 15 ? exit_code::interrupted_sigterm : exit_code::interrupted_sigint;
  }

  try {
    const auto table = compare::effect_table(spec, args.outcomes);
    if (table.years.empty()) {
      std::fprintf(stderr, "zhili compare: the runs hold no whole year: give more steps\n");
      return exit_code::bad_input;
    }
    int year = args.year != 0 ? args.year : table.years.back();
    if (std::find(table.years.begin(), table.years.end(), year) == table.years.end()) {
      std::fprintf(stderr, "zhili compare: %d is not a whole year of the runs (%d to %d)\n", year,
                   table.years.front(), table.years.back());
      return exit_code::bad_input;
    }
    const fs::path dir(spec.dir);
    sweep::write_file_atomically((dir / "effects.csv").string(), compare::effects_csv(table));
    sweep::write_file_atomically((dir / "effects.md").string(), markdown_report(spec, table, year));
    compare::write_effects_h5((dir / "compare.h5").string(), table, spec);
    if (!args.quiet) {
      std::printf("%s", compare::effects_text(table, year, false).c_str());
      std::printf("%d runs (%d reused). Every year: %s; report: %s; the first pair in zhili-view: zhili-view %s\n",
                  total, done.reused, (dir / "effects.csv").c_str(), (dir / "effects.md").c_str(),
                  (dir / "compare.h5").c_str());
    }
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "zhili compare: %s\n", e.what());
    return exit_code::bad_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili compare: %s\n", e.what());
    return exit_code::output_error;
  }
  return exit_code::ok;
}

}  // namespace zhili
