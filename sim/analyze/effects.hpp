// Standardised effects of the factors on an outcome, the table a paper
// reports beside Sobol' indices: an ordinary least-squares fit of the
// replicate-mean outcome on the factors, each factor scaled to unit standard
// deviation over the design points, so a coefficient is the outcome's change
// for one standard deviation of that factor, the others held fixed. Intervals
// are Student t with n - k - 1 degrees of freedom from the coefficients'
// covariance s^2 (X'X)^-1; R^2 says how much of the variance a linear,
// additive model explains (low: read the Sobol' indices instead).
#pragma once

#include <string>
#include <vector>

#include "analyze/stats.hpp"

namespace zhili::analyze {

struct Effects {
  int n = 0;                    // design points used (an outcome of NaN is left out)
  double r2 = 0;                // coefficient of determination
  std::vector<double> effect;   // per factor: outcome change per standard deviation of the factor
  std::vector<double> se;       // their standard errors
  std::vector<Interval> ci;     // their intervals at `level`
  std::vector<double> factor_sd;  // the factors' standard deviations over the points used
};

// x: per design point, the factors' values; y: per point, the outcome. A
// factor that does not vary gets a NaN effect. Throws std::invalid_argument
// when there are fewer than k + 2 usable points (no residual degree of freedom).
Effects standardised_effects(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                             double level = 0.95);

}  // namespace zhili::analyze
