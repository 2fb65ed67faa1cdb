// Sobol' indices against the Ishigami function (Ishigami & Homma 1990), whose
// indices are known in closed form (Saltelli et al. 2008, Global Sensitivity
// Analysis: The Primer, 4.6; Sobol' & Levitan 1999):
//   f = sin x1 + a sin² x2 + b x3⁴ sin x1,  x_i uniform on [-π, π], a = 7, b = 0.1
//   V1 = ½ (1 + b π⁴/5)², V2 = a²/8, V13 = b² π⁸ (1/18 − 1/50), V3 = 0
// The design is the sweep's own Saltelli design (sim/sweep/saltelli.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "analyze/pareto.hpp"
#include "analyze/sobol.hpp"
#include "sweep/saltelli.hpp"

namespace zhili::analyze {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kA = 7.0, kB = 0.1;

double ishigami(const std::vector<double>& u) {
  const double x1 = -kPi + 2 * kPi * u[0], x2 = -kPi + 2 * kPi * u[1], x3 = -kPi + 2 * kPi * u[2];
  return std::sin(x1) + kA * std::sin(x2) * std::sin(x2) + kB * std::pow(x3, 4) * std::sin(x1);
}

struct Exact {
  double s[3], st[3];
};

Exact ishigami_exact() {
  const double pi4 = std::pow(kPi, 4), pi8 = std::pow(kPi, 8);
  const double v1 = 0.5 * std::pow(1 + kB * pi4 / 5, 2), v2 = kA * kA / 8, v13 = kB * kB * pi8 * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// The outputs of the design, split into its blocks.
SobolResult run_ishigami(int n, std::uint64_t seed) {
  const auto x = sweep::saltelli_design(n, 3, seed);
  const auto un = static_cast<std::size_t>(n);
  std::vector<double> fa, fb;
  std::vector<std::vector<double>> fab(3);
  for (std::size_t j = 0; j < un; ++j) {
    fa.push_back(ishigami(x[j]));
    fb.push_back(ishigami(x[un + j]));
    for (std::size_t i = 0; i < 3; ++i) fab[i].push_back(ishigami(x[(2 + i) * un + j]));
  }
  return sobol_indices(fa, fb, fab);
}

}  // namespace

TEST(Sobol, IshigamiExactValues) {
  const auto e = ishigami_exact();
  // The values quoted in the literature.
  EXPECT_NEAR(e.s[0], 0.3139, 1e-4);
  EXPECT_NEAR(e.s[1], 0.4424, 1e-4);
  EXPECT_NEAR(e.st[0], 0.5576, 1e-4);
  EXPECT_NEAR(e.st[2], 0.2437, 1e-4);
}

// N = 4096 samples, 20,480 evaluations: every index within 0.02 of its exact
// value, and every 95 % bootstrap interval holds the exact value.
TEST(Sobol, IshigamiIndicesWithinToleranceAndIntervalsHoldThem) {
  const auto e = ishigami_exact();
  const auto r = run_ishigami(4096, 20150101);
  ASSERT_EQ(r.n, 4096);
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(testing::Message() << "x" << i + 1);
    EXPECT_NEAR(r.first[i], e.s[i], 0.02);
    EXPECT_NEAR(r.total[i], e.st[i], 0.02);
    EXPECT_LE(r.first_ci[i].lo, e.s[i]);
    EXPECT_GE(r.first_ci[i].hi, e.s[i]);
    EXPECT_LE(r.total_ci[i].lo, e.st[i]);
    EXPECT_GE(r.total_ci[i].hi, e.st[i]);
    // Intervals that say something: narrower than 0.1.
    EXPECT_LT(r.first_ci[i].hi - r.first_ci[i].lo, 0.1);
    EXPECT_LT(r.total_ci[i].hi - r.total_ci[i].lo, 0.1);
  }
  std::printf("Ishigami N=4096: S1 %.4f [%.4f, %.4f]  S2 %.4f [%.4f, %.4f]  S3 %.4f [%.4f, %.4f]\n", r.first[0],
              r.first_ci[0].lo, r.first_ci[0].hi, r.first[1], r.first_ci[1].lo, r.first_ci[1].hi, r.first[2],
              r.first_ci[2].lo, r.first_ci[2].hi);
  std::printf("                ST1 %.4f [%.4f, %.4f] ST2 %.4f [%.4f, %.4f] ST3 %.4f [%.4f, %.4f]\n", r.total[0],
              r.total_ci[0].lo, r.total_ci[0].hi, r.total[1], r.total_ci[1].lo, r.total_ci[1].hi, r.total[2],
              r.total_ci[2].lo, r.total_ci[2].hi);
}

TEST(Sobol, AdditiveModelHasEqualFirstAndTotal) {
  // f = u1 + 2 u2 (+ nothing of u3): S_i = ST_i = a_i² / Σ a², i.e. 0.2, 0.8, 0.
  const auto x = sweep::saltelli_design(1024, 3, 1);
  std::vector<double> fa, fb;
  std::vector<std::vector<double>> fab(3);
  const auto f = [](const std::vector<double>& u) { return u[0] + 2 * u[1]; };
  for (std::size_t j = 0; j < 1024; ++j) {
    fa.push_back(f(x[j]));
    fb.push_back(f(x[1024 + j]));
    for (std::size_t i = 0; i < 3; ++i) fab[i].push_back(f(x[(2 + i) * 1024 + j]));
  }
  fa[5] = std::nan("");  // a run without the outcome: its row is left out
  const auto r = sobol_indices(fa, fb, fab);
  EXPECT_EQ(r.n, 1023);
  const double want[3] = {0.2, 0.8, 0.0};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(r.first[i], want[i], 0.02) << i;
    EXPECT_NEAR(r.total[i], want[i], 0.02) << i;
  }
  EXPECT_EQ(r.total[2], 0.0);  // AB3 = A exactly when f ignores u3
  // Same data, same intervals: the resampling seed is fixed.
  EXPECT_EQ(sobol_indices(fa, fb, fab).first_ci[0].lo, r.first_ci[0].lo);
}

TEST(Pareto, FrontIsTheUndominatedPoints) {
  // (cost, -coverage): 0 and 1 trade off, 2 is beaten by 0, 3 ties 0 (both
  // stay), 4 has a NaN and is out.
  const std::vector<std::vector<double>> obj = {
      {1.0, -0.5}, {2.0, -0.9}, {1.5, -0.4}, {1.0, -0.5}, {0.1, std::nan("")}};
  EXPECT_EQ(pareto_front(obj), (std::vector<bool>{true, true, false, true, false}));
}

}  // namespace zhili::analyze
