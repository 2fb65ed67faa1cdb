// Variance-based sensitivity indices from a Saltelli design (sim/sweep/saltelli.hpp):
// the model's output on the N rows of A and of B and on the k matrices AB_i.
//
//   V    = variance of the outputs on A and B together
//   S_i  = mean_j f(B)_j (f(AB_i)_j − f(A)_j) / V            Saltelli et al. 2010, eq. (b) of Table 2
//   ST_i = ½ mean_j (f(A)_j − f(AB_i)_j)² / V                Jansen 1999, ibid. eq. (f)
//
// S_i is the share of the output variance due to factor i alone, ST_i the
// share due to factor i including all its interactions. Intervals are
// bootstrap percentile intervals (Efron & Tibshirani 1993, ch. 13) over the N
// rows, resampled with a fixed seed so that the same data give the same
// intervals; they show the estimation error of the design, not the
// replicate noise, which the replicate means average away.
#pragma once

#include <cstdint>
#include <vector>

#include "analyze/stats.hpp"

namespace zhili::analyze {

struct SobolOptions {
  int resamples = 1000;        // bootstrap resamples
  double level = 0.95;         // interval coverage
  std::uint64_t seed = 20100101;  // resampling seed (fixed: reports are reproducible)
};

struct SobolResult {
  int n = 0;                   // rows used (rows with a NaN output are left out)
  double variance = 0.0;       // V
  std::vector<double> first, total;       // S_i, ST_i per factor
  std::vector<Interval> first_ci, total_ci;
};

// f_a, f_b: N outputs; f_ab: k vectors of N (f_ab[i] on AB_i). A row j is
// used when every output of it is a number. With fewer than 2 rows or zero
// variance the indices are NaN.
SobolResult sobol_indices(const std::vector<double>& f_a, const std::vector<double>& f_b,
                          const std::vector<std::vector<double>>& f_ab, const SobolOptions& options = {});

}  // namespace zhili::analyze
