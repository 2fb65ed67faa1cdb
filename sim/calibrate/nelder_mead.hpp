// Nelder-Mead downhill simplex minimisation (Nelder & Mead 1965), with the
// standard coefficients (reflection 1, expansion 2, contraction 0.5,
// shrink 0.5) and a box: points are clamped to [lo, hi] per dimension.
#pragma once

#include <functional>
#include <vector>

namespace zhili {

struct NelderMeadResult {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
  bool converged = false;  // simplex spread in f fell below tolerance
};

struct NelderMeadOptions {
  int max_evaluations = 200;
  double initial_step = 0.1;  // simplex edge, as a share of each dimension's range
  double f_tolerance = 1e-6;  // stop when max f - min f over the simplex falls below
};

NelderMeadResult nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                             std::vector<double> start, const std::vector<double>& lo,
                             const std::vector<double>& hi, const NelderMeadOptions& options);

}  // namespace zhili
