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

TEST(NelderMead, StopsAtTheEvaluationLimit) {
  int calls = 0;
  const auto f = [&](const std::vector<double>& x) {
    ++calls;
    return std::pow(x[0] - 0.3, 2);
  };
  NelderMeadOptions opt;
  opt.max_evaluations = 10;
  opt.f_tolerance = 0;
  const auto r = nelder_mead(f, {0.9}, {0}, {1}, opt);
  EXPECT_LE(calls, 12);  // the last iteration may finish its reflection/expansion
  EXPECT_EQ(r.evaluations, calls);
}

}  // namespace zhili
