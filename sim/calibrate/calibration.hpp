// Calibration: fit free scenario parameters to observed targets.
//
// A calibration file names a base scenario, overrides (e.g. a coarser scale),
// the free parameters (scenario key paths with bounds; the start is the
// scenario's own value) and a CSV of targets. The loss is the sum of squared
// errors, each divided by its tolerance, over the targets not held out; a
// target is met when its error is within the tolerance. `zhili calibrate` minimises the loss with Nelder-Mead.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace zhili {

struct CalibrationTarget {
  // What of the year is compared: the state at its end (the row dated
  // YEAR-12), the mean over its steps (NaN steps left out: monthly flows and
  // rates that a single month would make noisy), or the largest step value.
  enum class Statistic { end, mean, max };
  int year = 0;
  Statistic statistic = Statistic::end;
  std::string observable;  // "urban_share"
  std::string column;      // breakdown label, or "" for a scalar
  double value = 0;        // observed, in the observable's unit
  bool relative = false;   // tolerance as a share of value (else absolute)
  double tolerance = 0;
  // Held out of the fit (kind ending in _held_out): left out of the loss the
  // fit minimises, so the fit never sees it, but checked like any other: an
  // out-of-sample test of the fitted model.
  bool held_out = false;
  std::string source;
  int row = 0;             // line in the targets file
};

struct CalibrationParameter {
  std::string key;  // scenario key path, e.g. "migration.ht_beta"
  double lo = 0;
  double hi = 1;
  double start = 0;  // the base scenario's value
};

struct CalibrationSpec {
  std::string path;
  std::string scenario;                // resolved against the calibration file's folder
  std::vector<std::string> overrides;  // applied before the parameters
  std::vector<CalibrationParameter> parameters;
  std::vector<CalibrationTarget> targets;
  std::string targets_path;            // resolved like scenario
  int max_evaluations = 200;
};

struct TargetResult {
  CalibrationTarget target;
  double simulated = 0;
  double error = 0;       // simulated - observed
  double allowed = 0;     // absolute tolerance
  bool met() const { return error <= allowed && error >= -allowed; }
};

// Throws ScenarioError (file:line:column, key, what was expected) on bad input.
CalibrationSpec load_calibration(const std::string& path);

// A point of the fit that the scenario refuses. Each bound was checked alone
// when the file was loaded, but two parameters may still conflict at some
// values (a core radius above the fringe radius, say); the fit treats such a
// point as infeasible. what() names the parameters with their values and the
// scenario's reason, never the internal "--set #N" of the override.
struct RefusedParameters : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One simulation with the parameters at `values` (same order as spec.parameters).
// Throws RefusedParameters when the scenario refuses that combination.
std::vector<TargetResult> evaluate(const CalibrationSpec& spec, const std::vector<double>& values,
                                   int threads);
double loss(const std::vector<TargetResult>& results);
std::string results_table(const std::vector<TargetResult>& results);

}  // namespace zhili
