// The paired effect's arithmetic and its interval's coverage.
#include "compare/paired_effect.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace zhili::compare {
namespace {

TEST(PairedEffect, IdenticalArmsGiveExactlyZero) {
  const std::vector<double> base{0.71, 0.69, 0.74, 0.70, 0.72};
  const auto e = paired_effect(base, base);
  EXPECT_EQ(e.pairs, 5);
  EXPECT_EQ(e.effect, 0.0);
  EXPECT_EQ(e.low, 0.0);
  EXPECT_EQ(e.high, 0.0);
  EXPECT_EQ(e.same_sign, 1.0);
  EXPECT_DOUBLE_EQ(e.base_mean, e.variant_mean);
}

TEST(PairedEffect, MeanDifferenceAndStudentInterval) {
  const std::vector<double> base{1, 2, 3, 4};
  const std::vector<double> variant{2, 4, 3, 7};  // differences 1, 2, 0, 3
  const auto e = paired_effect(base, variant);
  EXPECT_DOUBLE_EQ(e.effect, 1.5);
  // sd of {1, 2, 0, 3} = sqrt(5/3); t(0.975, 3) = 3.182446305
  const double half = 3.182446305284263 * std::sqrt(5.0 / 3.0) / 2.0;
  EXPECT_NEAR(e.low, 1.5 - half, 1e-8);
  EXPECT_NEAR(e.high, 1.5 + half, 1e-8);
  EXPECT_DOUBLE_EQ(e.same_sign, 0.75);  // one pair did not change
  EXPECT_DOUBLE_EQ(e.base_mean, 2.5);
  EXPECT_DOUBLE_EQ(e.variant_mean, 4.0);
}

TEST(PairedEffect, PairsWithAMissingValueAreLeftOut) {
  const std::vector<double> base{1, NAN, 3};
  const std::vector<double> variant{2, 5, NAN};
  const auto e = paired_effect(base, variant);
  EXPECT_EQ(e.pairs, 1);
  EXPECT_EQ(e.effect, 1.0);
  EXPECT_TRUE(std::isnan(e.low));  // one pair says nothing of the spread
}

TEST(PairedEffect, AConstantShiftHasAPointInterval) {
  const std::vector<double> base{0.1, 0.2, 0.3};
  const std::vector<double> variant{0.35, 0.45, 0.55};
  const auto e = paired_effect(base, variant);
  EXPECT_NEAR(e.effect, 0.25, 1e-15);
  // The differences are equal up to rounding: an interval of that width.
  EXPECT_LE(e.low, e.effect);
  EXPECT_GE(e.high, e.effect);
  EXPECT_LT(e.high - e.low, 1e-14);
}

// The 95% interval covers a known injected effect in about 95% of studies:
// replicates share a noise term (the common random numbers) and differ by
// their own, smaller noise.
TEST(PairedEffect, TheIntervalCoversAnInjectedEffect) {
  std::mt19937_64 rng(20261207);
  std::normal_distribution<double> shared(0.0, 5.0), own(0.0, 0.2);
  constexpr double kEffect = 0.4;
  constexpr int kStudies = 4000, kReplicates = 8;
  int covered = 0, signed_right = 0;
  for (int s = 0; s < kStudies; ++s) {
    std::vector<double> base, variant;
    for (int r = 0; r < kReplicates; ++r) {
      const double common = 50.0 + shared(rng);
      base.push_back(common + own(rng));
      variant.push_back(common + kEffect + own(rng));
    }
    const auto e = paired_effect(base, variant);
    covered += e.low <= kEffect && kEffect <= e.high;
    signed_right += e.low > 0.0;
  }
  const double coverage = static_cast<double>(covered) / kStudies;
  // Binomial sd at 0.95 over 4000 studies is 0.0034: +-4 sd.
  EXPECT_NEAR(coverage, 0.95, 0.014);
  // With the shared noise paired away the effect is found in most studies
  // (power about 0.97 at 8 pairs); unpaired, its sd of 5 would hide it.
  EXPECT_GT(signed_right, kStudies * 9 / 10);
}

}  // namespace
}  // namespace zhili::compare
