// The subcommands of the zhili program. Each returns a process exit code
// (exit_codes.hpp) and prints its own messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhili {

struct RunArgs {
  std::string scenario;
  std::string output;  // "" = from the scenario
  // The --threads/--seed/--steps shortcuts as typed: the scenario loader
  // checks them as it checks --set (a parse here would wrap -1 to 2^64 - 1).
  std::optional<std::string> threads, seed, steps;
  std::vector<std::string> overrides;
  std::vector<std::string> without;  // --without NAME: schedule entries switched off
  std::vector<std::string> checkpoint_at;  // dates: save the state at the first step on or after each
  std::string from;                        // continue from this checkpoint (or, with `at`, this run's)
  std::string at;                          // with `from` = RUN.h5: the checkpoint's date
  bool quiet = false;
};

struct ValidateArgs {
  std::string scenario;
  std::vector<std::string> overrides;
  std::vector<std::string> without;
};

// --without NAME as the override it stands for.
inline std::string without_override(const std::string& name) { return "schedule." + name + ".enabled=false"; }

struct InfoArgs {
  std::string result;
  std::vector<std::string> at;  // dates (YYYY-MM or YYYY-MM-DD): also print every observable then
  std::vector<int> years;       // also print the headline and every observable over these years
};

struct CalibrateArgs {
  std::string file;
  int max_evaluations = 0;  // 0 = the file's max_evaluations
  int threads = 0;
  bool check_only = false;  // evaluate the scenario as it is, no fitting
  bool quiet = false;
};

struct SweepArgs {
  std::string file;
  std::string dir;
  int jobs = 0;               // 0 = hardware threads
  bool summary_only = false;  // no result files, per-run summary rows only
  bool quiet = false;
};

struct AnalyzeArgs {
  std::string dir;             // the sweep's output folder
  std::string rank;            // outcome to rank by ("" = coverage, else the first)
  bool ascending = false;
  std::string cost, coverage, conflict;  // Pareto objectives; "" = the default
  int resamples = 1000;        // bootstrap resamples of the Sobol' intervals
  bool no_figures = false;
  std::string viewer;          // zhili-view to draw figures ("" = next to zhili)
};

struct CompareArgs {
  std::string base;                        // the base scenario
  std::vector<std::string> variant_files;  // --variant FILE: one variant each
  // --set and --without: one more variant, the base with these changes.
  std::vector<std::string> sets, without;
  std::vector<std::string> shared;         // --set-all: every arm, base included
  std::optional<std::string> steps;        // --steps N: as --set-all run.steps=N
  int replicates = 10;
  std::optional<std::uint64_t> seed;       // master seed; default the base's run.seed
  std::string dir;
  int jobs = 0;                            // runs at once; 0 = hardware threads
  std::vector<std::string> outcomes;       // "name" or "name/label"; empty = headline set
  int year = 0;                            // year of the printed table; 0 = the last whole year
  std::string branch_at;                   // DATE: variants continue from the base's checkpoint there
  bool quiet = false;
};

int run_command(const RunArgs& args);
int validate_command(const ValidateArgs& args);
int info_command(const InfoArgs& args);
int calibrate_command(const CalibrateArgs& args);
int sweep_command(const SweepArgs& args);
int analyze_command(const AnalyzeArgs& args);
int compare_command(const CompareArgs& args);

// The --threads/--seed/--steps shortcuts as --set overrides, after the user's
// own, so they are validated (and recorded) exactly like any other.
std::vector<std::string> all_overrides(const RunArgs& args);

}  // namespace zhili
