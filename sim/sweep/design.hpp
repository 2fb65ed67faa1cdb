// Designs: which factor values each design point takes, and the runs (design
// points x replicates) with their seeds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep/sweep_file.hpp"

namespace zhili::sweep {

// One design point: the value text of each factor, in factor order, exactly as
// it is passed to the scenario loader and written to the summary.
using DesignPoint = std::vector<std::string>;

struct PlannedRun {
  int id = 0;         // point * replicates + replicate; names the run's files
  int point = 0;
  int replicate = 0;
  std::uint64_t seed = 0;  // its values are SweepPlan::points[point]
};

struct SweepPlan {
  std::vector<DesignPoint> points;
  std::vector<PlannedRun> runs;  // in id order
};

// Full factorial: every combination, the first factor varying slowest.
std::vector<DesignPoint> factorial_design(const std::vector<Factor>& factors);

// A Latin hypercube of n points in [0, 1)^k: for each dimension, the points
// fall one in each of the n strata [i/n, (i+1)/n), at a uniform position
// inside it; strata are matched across dimensions by random permutations.
// Deterministic in `seed`. Result: n rows of k coordinates.
std::vector<std::vector<double>> latin_hypercube(int n, int k, std::uint64_t seed);

// A coordinate u in [0, 1) as a factor value: lo + u (hi - lo) for a range
// (rounded for integer ranges), or the value in stratum floor(u m) of m listed values.
std::string factor_value(const Factor& f, double u);
// A number as factor value text (integer ranges print as integers).
std::string factor_value_text(const Factor& f, double x);

SweepPlan plan_sweep(const SweepSpec& spec);

// DIR/design.csv: what `zhili analyze` needs to know of the design when the
// sweep file is gone. Columns point,design,block,row,<factors>: the design
// kind, the Saltelli block (A, B, AB1..ABk; "" for other designs), the row in
// it (the point itself for other designs) and the factor values.
std::string design_csv(const SweepSpec& spec, const SweepPlan& plan);

// "run-00042"
std::string run_name(int id);

}  // namespace zhili::sweep
