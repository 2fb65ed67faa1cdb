// A sweep's analysis as the viewer's sweep panel draws it: the tables
// `zhili analyze DIR` wrote into DIR/analysis/ (docs/SWEEPS.md), read into
// plain series. No ImGui; unit-tested (tests/viz/sweep_data_test.cpp).
#pragma once

#include <string>
#include <vector>

namespace zhili::view {

// Design points by one outcome (points.csv): mean and interval over
// replicates, best (highest mean) first.
struct SweepEffects {
  std::string outcome;
  std::vector<int> point;
  std::vector<std::string> label;  // "factor = value, ..." for the tooltip
  std::vector<double> mean, lo, hi;
};

// Sobol' indices of one outcome (sobol.csv).
struct SweepSobol {
  std::string outcome;
  std::vector<std::string> factors;
  std::vector<double> s1, s1_lo, s1_hi, st, st_lo, st_hi;
};

// One outcome against one factor (points.csv): the design points' means and
// intervals at the factor's values. With other factors varying in a full grid
// (a factorial design) there is one line per combination of their values;
// otherwise (Latin hypercube, Saltelli) a single series of unjoined points.
struct EffectLine {
  std::string label;       // "other = value, ..." ("" when no other factor varies)
  std::vector<int> point;  // design points, by x
  std::vector<double> x;   // the factor's value, or its category's index
  std::vector<double> mean, lo, hi;  // NaN where the point has none
};

struct EffectPlot {
  std::string outcome, factor;
  bool numeric = true;                  // x is the value; else an index into `categories`
  std::vector<std::string> categories;  // categorical: the values in design order, at x = 0, 1, ...
  bool joined = true;                   // lines through each series (a grid); false: points only
  std::vector<EffectLine> lines;
};

// The Pareto table (pareto.csv): the first two objectives of every point.
struct SweepPareto {
  std::string x_name, y_name;  // objective columns
  std::vector<int> point;
  std::vector<double> x, y;
  std::vector<bool> front;
};

class SweepAnalysis {
 public:
  // Reads DIR/analysis/points.csv (required) and sobol.csv, pareto.csv when
  // present. Throws std::runtime_error naming the file (and line) otherwise.
  explicit SweepAnalysis(const std::string& dir);

  const std::string& dir() const { return dir_; }
  const std::vector<std::string>& outcomes() const { return outcomes_; }  // in points.csv order
  bool has_sobol() const { return !sobol_rows_.empty(); }
  bool has_pareto() const { return !pareto_.point.empty(); }

  const std::vector<std::string>& factors() const { return factors_; }    // points.csv's factor columns
  const std::string& design_kind() const { return design_kind_; }  // design.csv's; "" without it

  // The outcome named `name` or NAME:mean; "" when neither exists.
  std::string find_outcome(const std::string& name) const;
  SweepEffects effects(const std::string& outcome) const;
  std::string point_label(int point) const;  // "factor = value, ..." ("" for an unknown point)
  SweepSobol sobol(const std::string& outcome) const;  // empty when none for it
  const SweepPareto& pareto() const { return pareto_; }
  // `outcome` against `factor` (a factor column; empty plot when unknown).
  // A factor is numeric when every value reads as a finite number.
  EffectPlot effect(const std::string& outcome, const std::string& factor) const;

 private:
  struct PointRow {
    int point;
    std::string outcome, label;
    double mean, lo, hi;
    std::vector<std::string> values;  // one per factor
  };
  struct SobolRow {
    std::string outcome, factor;
    double s1, s1_lo, s1_hi, st, st_lo, st_hi;
  };
  std::string dir_;
  std::vector<std::string> outcomes_, factors_;
  std::string design_kind_;
  std::vector<PointRow> points_;
  std::vector<SobolRow> sobol_rows_;
  SweepPareto pareto_;
};

// A run of the sweep (DIR/manifest.csv: run,point,replicate,seed,<factors>,status,file).
struct SweepRun {
  int run = 0, point = 0, replicate = 0;
  std::string status;  // finished, failed, interrupted, not_run
  std::string file;    // as written: runs/run-NNNNN.h5, or rows/run-NNNNN.csv with --summary-only
};

// DIR/manifest.csv. Throws std::runtime_error (file:line:column) when it is
// missing or malformed.
std::vector<SweepRun> read_manifest(const std::string& dir);

// What picking design point `point` opens: the result files of its runs that
// exist, in replicate order, and a message when some or all cannot be opened
// (a --summary-only sweep has none; runs that failed or are missing).
struct PointRuns {
  std::vector<std::string> files;  // paths under DIR
  std::string message;             // "" when every run of the point has its file
};
PointRuns runs_of_point(const std::string& dir, const std::vector<SweepRun>& manifest, int point);

}  // namespace zhili::view
