// Sweep files: a base scenario, factors (scenario key paths with values or
// ranges), a design, replicates and a master seed (docs/SWEEPS.md).
//
// Validated like scenario files: every error is collected with file:line:column,
// key path, what was found and what was expected, then thrown together as a
// ScenarioError. Factor key paths and values are checked by loading the base
// scenario with each value as an override, so the scenario loader's own
// message (unknown key, out of range, did you mean) names the problem.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/diagnostics.hpp"

namespace zhili::sweep {

struct Factor {
  std::string key;                  // scenario key path, "policy.hukou.openness"
  std::vector<std::string> values;  // the values as written; empty for a range
  bool is_range = false;
  double lo = 0, hi = 0;            // a range's bounds
  bool integer = false;             // both bounds written as integers: samples are rounded
  SourceLocation at;                // where the factor's key is written
};

enum class DesignKind { factorial, latin_hypercube, saltelli };
std::string to_string(DesignKind k);  // as written in the sweep file

struct SweepSpec {
  std::string path;                    // the sweep file
  std::string base;                    // the base scenario, resolved against the sweep file's folder
  std::vector<std::string> overrides;  // fixed "key=value" overrides, before the factors
  std::vector<Factor> factors;         // in file order
  DesignKind design = DesignKind::factorial;
  int points = 0;                      // latin_hypercube: number of design points
  int samples = 0;                     // saltelli: N, rows of A and B (N (k + 2) points)
  int replicates = 1;
  std::uint64_t seed = 1;              // master seed
  // Common random numbers: replicate r has the same seed at every design
  // point, so differences between points are the factors', not the noise's
  // (a Saltelli design always shares seeds within a row).
  bool common_seeds = false;
  std::vector<std::string> outcomes;   // "name" or "name/label"; empty = the default set
  std::vector<SourceLocation> outcome_at;
};

// The most runs a sweep file may ask for (design points x replicates). A
// run's plan takes about 700 bytes before any runs: 10^7 runs took 6.8 GB
// and 20 s just to list. Larger studies are split into several files.
inline constexpr double kMaxSweepRuns = 100'000;

// Runs the design asks for: design points x replicates (as a double: a
// factorial of many factors overflows any integer).
double planned_runs(const SweepSpec& spec);

// Reads and checks `path` (the factors against the base scenario too).
// Throws ScenarioError listing every problem.
SweepSpec load_sweep(const std::string& path);

}  // namespace zhili::sweep
