// Standardised linear effects (analyze/effects.hpp) against a response whose
// effects are known.
#include "analyze/effects.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace zhili::analyze {

namespace {

double sd_of(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

}  // namespace

// y = 2 x1 - x2 + 0.5 x3 + noise, 200 points: each standardised effect is
// the slope times the factor's sd, inside its interval; R^2 near 1.
TEST(StandardisedEffects, RecoverKnownSlopes) {
  std::uint64_t state = 7;
  const auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  std::vector<double> columns[3];
  for (int p = 0; p < 200; ++p) {
    const std::vector<double> row{uniform(), 10 * uniform(), uniform() - 0.5};
    x.push_back(row);
    for (int f = 0; f < 3; ++f) columns[f].push_back(row[static_cast<std::size_t>(f)]);
    y.push_back(2 * row[0] - row[1] + 0.5 * row[2] + 0.01 * (uniform() - 0.5));
  }
  const Effects e = standardised_effects(x, y);
  const double slopes[3] = {2, -1, 0.5};
  ASSERT_EQ(e.effect.size(), 3u);
  EXPECT_EQ(e.n, 200);
  for (std::size_t f = 0; f < 3; ++f) {
    const double truth = slopes[f] * sd_of(columns[f]);
    EXPECT_NEAR(e.effect[f], truth, 1e-3) << f;
    EXPECT_LE(e.ci[f].lo, truth) << f;
    EXPECT_GE(e.ci[f].hi, truth) << f;
    EXPECT_GT(e.se[f], 0) << f;
  }
  EXPECT_GT(e.r2, 0.999);
}

TEST(StandardisedEffects, AConstantFactorHasNoEffectAndTooFewPointsAreRefused) {
  const std::vector<std::vector<double>> x{{1, 5}, {2, 5}, {3, 5}, {4, 5}};
  const std::vector<double> y{1.1, 1.9, 3.2, 3.9};
  const Effects e = standardised_effects(x, y);
  EXPECT_TRUE(std::isnan(e.effect[1]));  // x2 never varies
  EXPECT_NEAR(e.effect[0], 0.97 * std::sqrt(5.0 / 3.0), 1e-9);  // slope 0.97 times sd(1..4)
  EXPECT_THROW(standardised_effects({{1, 2}, {2, 3}, {3, 5}}, {1, 2, 3}), std::invalid_argument);
}

}  // namespace zhili::analyze
