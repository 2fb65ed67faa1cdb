// Replicate statistics: mean, sample standard deviation and the Student t
// confidence interval of the mean, mean ± t_{1-α/2, n-1} s / √n.
#pragma once

#include <span>

namespace zhili::analyze {

struct Interval {
  double lo = 0.0, hi = 0.0;
};

struct MeanStats {
  int n = 0;          // values used (NaN left out)
  double mean = 0.0;  // NaN when n == 0
  double sd = 0.0;    // sample standard deviation (n - 1); NaN when n < 2
  Interval ci;        // NaN when n < 2: one replicate says nothing of the spread
};

// Student's t distribution: the p-quantile for `df` degrees of freedom
// (0 < p < 1, df >= 1), by bisection on the regularised incomplete beta
// function (Numerical Recipes 3rd ed., 6.4 and 6.14). Exact to ~1e-10.
double student_t_quantile(double p, double df);
// Its CDF.
double student_t_cdf(double t, double df);

// NaN values (an outcome a run did not have) are left out.
MeanStats mean_stats(std::span<const double> values, double level = 0.95);

}  // namespace zhili::analyze
