// zhili: command-line entry point.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace zhili;
  CLI::App app{"zhili (治理): agent-based simulation of urbanization and social-management policy.\n"
               "Run a scenario, check one, or describe a result file.",
               "zhili"};
  app.set_version_flag("--version", std::string("zhili ") + ZHILI_VERSION + " (" + ZHILI_GIT_COMMIT + ")");
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 internal error; 2 bad input (usage, invalid scenario);\n"
      "            3 result file cannot be written or read; 4 calibration targets not met;\n"
      "            130/143 interrupted by SIGINT/SIGTERM.\n"
      "Documentation: README.md, docs/SCENARIOS.md (every scenario key), docs/FORMAT.md (result files).");

  RunArgs run;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario and write its trajectories to HDF5");
  run_cmd->add_option("scenario", run.scenario, "Scenario file (YAML)")->required();
  run_cmd->add_option("-o,--output", run.output, "Result file (default: output.path, else <run.name>.h5)");
  run_cmd->add_option("--threads", run.threads, "Worker threads, 0 = all cores (same as --set run.threads=N)")
      ->type_name("INT");
  run_cmd->add_option("--seed", run.seed, "Random seed (same as --set run.seed=S)")->type_name("UINT");
  run_cmd->add_option("--steps", run.steps, "Number of steps (same as --set run.steps=N)")->type_name("INT");
  run_cmd->add_option("--set", run.overrides, "Override a scenario key: key.path=value (repeatable)")
      ->type_name("KEY=VALUE");
  run_cmd->add_option("--without", run.without,
                      "Switch off the schedule entries with this name (same as --set schedule.NAME.enabled=false; "
                      "repeatable)")
      ->type_name("NAME");
  run_cmd->add_option("--checkpoint-at", run.checkpoint_at,
                      "Save the whole state at the first step starting on or after DATE to "
                      "<output>.<date>.ckpt (repeatable; docs/FORMAT.md)")
      ->type_name("DATE");
  run_cmd->add_option("--from", run.from,
                      "Continue from a checkpoint (FILE.ckpt, or RUN.h5 with --at DATE): this scenario's levers "
                      "and schedule from there on")
      ->type_name("FILE");
  run_cmd->add_option("--at", run.at, "With --from RUN.h5: the date of its checkpoint")->type_name("DATE");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress display and no summary");

  ValidateArgs validate;
  auto* val_cmd = app.add_subcommand("validate", "Check a scenario; print 'ok' and a summary, or every error");
  val_cmd->add_option("scenario", validate.scenario, "Scenario file (YAML)")->required();
  val_cmd->add_option("--set", validate.overrides, "Override a scenario key: key.path=value (repeatable)")
      ->type_name("KEY=VALUE");
  val_cmd->add_option("--without", validate.without, "Switch off the schedule entries with this name (repeatable)")
      ->type_name("NAME");

  InfoArgs info;
  auto* info_cmd = app.add_subcommand("info", "Describe a result file: run, status, final value of each observable");
  info_cmd->add_option("result", info.result, "Result file (HDF5) written by zhili run")->required();
  info_cmd->add_option("--at", info.at, "Also show every observable at this date (YYYY-MM[-DD]; repeatable)")
      ->type_name("DATE");
  info_cmd->add_option("--year", info.years,
                       "Also show the headline outcomes and every observable over this year: flows summed "
                       "(per year), shares and rates averaged over its steps (repeatable)")
      ->type_name("YEAR");

  CalibrateArgs calibrate;
  auto* cal_cmd = app.add_subcommand("calibrate", "Fit free parameters to observed targets (Nelder-Mead)");
  cal_cmd->add_option("calibration", calibrate.file, "Calibration file (YAML): scenario, parameters, targets")->required();
  cal_cmd->add_option("--max-evals", calibrate.max_evaluations, "Most simulation runs (default: the file's max_evaluations)")
      ->check(CLI::Range(1, 1000000));
  cal_cmd->add_option("--threads", calibrate.threads, "Threads per run, 0 = all cores")->check(CLI::Range(0, 1024));
  cal_cmd->add_flag("--check", calibrate.check_only, "Only evaluate the scenario as it is and print the table");
  cal_cmd->add_flag("-q,--quiet", calibrate.quiet, "No progress line");

  SweepArgs sweep;
  auto* sweep_cmd = app.add_subcommand("sweep", "Run a policy sweep: design points x replicates, a summary row per run");
  sweep_cmd->add_option("sweep", sweep.file, "Sweep file (YAML): base scenario, factors, design (docs/SWEEPS.md)")->required();
  sweep_cmd->add_option("-o,--output", sweep.dir, "Output folder: runs/, manifest.csv, summary.csv")->required();
  sweep_cmd->add_option("--jobs", sweep.jobs, "Runs at once, each on one thread (worker processes when result files are written; threads with --summary-only); 0 = all cores")->check(CLI::Range(0, 100000).description("0 to 100000"));
  sweep_cmd->add_flag("--summary-only", sweep.summary_only, "Write no result files, only the summary rows");
  sweep_cmd->add_flag("-q,--quiet", sweep.quiet, "No progress display");

  AnalyzeArgs analyze;
  auto* analyze_cmd = app.add_subcommand("analyze", "Analyse a finished sweep: intervals, ranking, Sobol' indices, "
                                                    "Pareto front, report (DIR/analysis/)");
  analyze_cmd->add_option("dir", analyze.dir, "The sweep's output folder (holds summary.csv)")->required();
  analyze_cmd->add_option("--rank", analyze.rank, "Outcome to rank the design points by (default: coverage)");
  analyze_cmd->add_flag("--ascending", analyze.ascending, "Rank lowest first (for costs and conflicts)");
  analyze_cmd->add_option("--cost", analyze.cost, "Pareto: cost to minimise (default: service_cost or cost_per_case)");
  analyze_cmd->add_option("--coverage", analyze.coverage, "Pareto: coverage to maximise (default: coverage)");
  analyze_cmd->add_option("--conflict", analyze.conflict, "Pareto: conflict to minimise (default: conflict_rate)");
  analyze_cmd->add_option("--resamples", analyze.resamples, "Bootstrap resamples for Sobol' intervals")
      ->check(CLI::Range(100, 1000000))->capture_default_str();
  analyze_cmd->add_flag("--no-figures", analyze.no_figures, "Write no figures (zhili-view is not run)");
  analyze_cmd->add_option("--viewer", analyze.viewer, "zhili-view program for the figures (default: next to zhili)");

  CompareArgs compare;
  auto* cmp_cmd = app.add_subcommand(
      "compare", "Compare policy variants with a base scenario over paired replicates (same seeds): "
                 "effects with 95% intervals by year (DIR/effects.csv, effects.md, compare.h5)");
  cmp_cmd->add_option("base", compare.base, "The base scenario (YAML)")->required();
  cmp_cmd->add_option("--variant", compare.variant_files, "A variant: another scenario file (repeatable)")
      ->type_name("FILE");
  cmp_cmd->add_option("--without", compare.without,
                      "A variant of the base without the schedule entries named NAME (repeatable; with "
                      "--set, one variant)")
      ->type_name("NAME");
  cmp_cmd->add_option("--set", compare.sets, "A variant of the base with this override (repeatable; with "
                                             "--without, one variant)")
      ->type_name("KEY=VALUE");
  cmp_cmd->add_option("--set-all", compare.shared, "Override a key in the base and every variant (repeatable)")
      ->type_name("KEY=VALUE");
  cmp_cmd->add_option("--steps", compare.steps, "Steps of every run (same as --set-all run.steps=N)")
      ->type_name("INT");
  cmp_cmd->add_option("-r,--replicates", compare.replicates, "Paired replicates (seeds) per arm")
      ->check(CLI::Range(2, 10000))->capture_default_str();
  cmp_cmd->add_option("--seed", compare.seed, "Master seed of the replicates' seeds (default: the base's run.seed)");
  cmp_cmd->add_option("-o,--output", compare.dir, "Output folder: runs/, effects.csv, effects.md, compare.h5")
      ->required();
  cmp_cmd->add_option("--jobs", compare.jobs, "Runs at once, each on one thread; 0 = all cores")
      ->check(CLI::Range(0, 100000));
  cmp_cmd->add_option("--outcome", compare.outcomes,
                      "Outcome to compare: NAME or NAME/LABEL (repeatable; default: the headline outcomes)");
  cmp_cmd->add_option("--year", compare.year, "Year of the table printed and in effects.md (default: the last whole year)");
  cmp_cmd->add_option("--branch-at", compare.branch_at,
                      "Branch the variants from the base at DATE: each base replicate saves a checkpoint there and "
                      "its variants continue from it (identical before the branch)")
      ->type_name("DATE");
  cmp_cmd->add_flag("-q,--quiet", compare.quiet, "No progress line and no table");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_code::bad_input;
  }

  try {
    if (*run_cmd) return run_command(run);
    if (*val_cmd) return validate_command(validate);
    if (*info_cmd) return info_command(info);
    if (*cal_cmd) return calibrate_command(calibrate);
    if (*sweep_cmd) return sweep_command(sweep);
    if (*analyze_cmd) return analyze_command(analyze);
    if (*cmp_cmd) return compare_command(compare);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili: internal error: %s\n", e.what());
    return exit_code::internal_error;
  }
  return exit_code::internal_error;
}
