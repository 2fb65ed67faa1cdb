#include "calibrate/nelder_mead.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace zhili {

TEST(NelderMead, FindsTheRosenbrockMinimum) {
  const auto rosenbrock = [](const std::vector<double>& x) {
    return 100 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1 - x[0], 2);
  };
  NelderMeadOptions opt;
  opt.max_evaluations = 2000;
  opt.f_tolerance = 1e-14;
  const auto r = nelder_mead(rosenbrock, {-1.2, 1.0}, {-5, -5}, {5, 5}, opt);
  EXPECT_NEAR(r.x[0], 1.0, 1e-3);
  EXPECT_NEAR(r.x[1], 1.0, 2e-3);
  EXPECT_TRUE(r.converged);
  EXPECT_LE(r.evaluations, 2000);
}

TEST(NelderMead, RespectsTheBounds) {
  // The unconstrained minimum (3, -2) lies outside the box: the answer is its corner.
  const auto f = [](const std::vector<double>& x) { return std::pow(x[0] - 3, 2) + std::pow(x[1] + 2, 2); };
  NelderMeadOptions opt;
  opt.max_evaluations = 500;
  const auto r = nelder_mead(f, {0.5, 0.5}, {0, 0}, {1, 1}, opt);
  EXPECT_NEAR(r.x[0], 1.0, 1e-3);
  EXPECT_NEAR(r.x[1], 0.0, 1e-3);
  for (double v : r.x) {
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
}

// Points the scenario refuses come back as an infinite loss (zhili calibrate):
// the fit must move away from them, improve on the start and never return a refused point.
// Minimum of (x-2)^2+(y-1)^2 with x > y refused: the answer lies on x = y.
TEST(NelderMead, AvoidsInfeasiblePoints) {
  const auto f = [](const std::vector<double>& x) {
    if (x[0] > x[1]) return static_cast<double>(INFINITY);
    return std::pow(x[0] - 2, 2) + std::pow(x[1] - 1, 2);
  };
  NelderMeadOptions opt;
  opt.max_evaluations = 400;
  const auto r = nelder_mead(f, {0.0, 3.0}, {-5, -5}, {5, 5}, opt);
  EXPECT_TRUE(std::isfinite(r.value));
  EXPECT_LE(r.x[0], r.x[1]);
  // The start (0, 3) has loss 8; the best feasible point (1.5, 1.5) has 0.5.
  // Nelder-Mead may stall on the boundary short of it (its simplex flattens
  // there), but it must get well below the start.
  EXPECT_LE(r.value, 1.0);
}

// The limit is a hard one: `zhili calibrate --max-evals 100` did 101 runs
// when the last iteration's expansion or shrink went past it.
TEST(NelderMead, StopsAtTheEvaluationLimit) {
  for (const std::size_t dims : {1u, 2u, 3u}) {
    for (int limit = 1; limit <= 60; ++limit) {
      int calls = 0;
      const auto f = [&](const std::vector<double>& x) {
        ++calls;
        double v = 0;  // Rosenbrock: expansions, contractions and shrinks all happen
        for (std::size_t i = 0; i + 1 < x.size(); ++i)
          v += 100 * std::pow(x[i + 1] - x[i] * x[i], 2) + std::pow(1 - x[i], 2);
        return v + std::pow(x[0] - 0.3, 2);
      };
      NelderMeadOptions opt;
      opt.max_evaluations = limit;
      opt.f_tolerance = 0;
      const auto r = nelder_mead(f, std::vector<double>(dims, 0.9), std::vector<double>(dims, -2.0),
                                 std::vector<double>(dims, 2.0), opt);
      EXPECT_EQ(calls, limit) << dims << " dimensions";
      EXPECT_EQ(r.evaluations, calls);
      EXPECT_EQ(r.value, f(r.x)) << "the reported value belongs to the reported point";
    }
  }
}

}  // namespace zhili
