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

  // The outcome named `name` or NAME:mean; "" when neither exists.
  std::string find_outcome(const std::string& name) const;
  SweepEffects effects(const std::string& outcome) const;
  SweepSobol sobol(const std::string& outcome) const;  // empty when none for it
  const SweepPareto& pareto() const { return pareto_; }

 private:
  struct PointRow {
    int point;
    std::string outcome, label;
    double mean, lo, hi;
  };
  struct SobolRow {
    std::string outcome, factor;
    double s1, s1_lo, s1_hi, st, st_lo, st_hi;
  };
  std::string dir_;
  std::vector<std::string> outcomes_;
  std::vector<PointRow> points_;
  std::vector<SobolRow> sobol_rows_;
  SweepPareto pareto_;
};

}  // namespace zhili::view
