// Designs and seeds: the Latin hypercube's strata, factorial order, seed derivation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "sweep/design.hpp"
#include "sweep/seeds.hpp"
#include "sweep/sweep_file.hpp"

namespace zhili::sweep {

TEST(Design, LatinHypercubeHasOnePointPerStratumPerFactor) {
  Factor a;
  a.key = "policy.hukou.openness";
  a.is_range = true;
  a.lo = 0.1;
  a.hi = 0.9;
  Factor b = a;
  b.key = "migration.inflow_rate";
  b.lo = 0.0;
  b.hi = 0.2;
  SweepSpec spec;
  spec.factors = {a, b};
  spec.design = DesignKind::latin_hypercube;
  spec.points = 17;
  spec.seed = 99;
  const auto plan = plan_sweep(spec);
  ASSERT_EQ(plan.points.size(), 17u);
  std::set<std::vector<std::string>> distinct(plan.points.begin(), plan.points.end());
  EXPECT_EQ(distinct.size(), 17u);
  for (std::size_t j = 0; j < spec.factors.size(); ++j) {
    const auto& f = spec.factors[j];
    std::vector<int> strata;
    for (const auto& p : plan.points) {
      const double x = std::stod(p[j]);
      ASSERT_GE(x, f.lo);
      ASSERT_LT(x, f.hi);
      strata.push_back(static_cast<int>((x - f.lo) / (f.hi - f.lo) * spec.points));
    }
    std::sort(strata.begin(), strata.end());
    for (int i = 0; i < spec.points; ++i) EXPECT_EQ(strata[static_cast<std::size_t>(i)], i) << f.key;
  }
  // Deterministic in the master seed, different for another one.
  EXPECT_EQ(plan_sweep(spec).points, plan.points);
  spec.seed = 100;
  EXPECT_NE(plan_sweep(spec).points, plan.points);
}

TEST(Design, FactorialVariesTheFirstFactorSlowest) {
  Factor a, b;
  a.values = {"1", "2"};
  b.values = {"x", "y", "z"};
  const auto points = factorial_design({a, b});
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[0], (DesignPoint{"1", "x"}));
  EXPECT_EQ(points[2], (DesignPoint{"1", "z"}));
  EXPECT_EQ(points[3], (DesignPoint{"2", "x"}));
}

TEST(Design, CommonSeedsRepeatEachReplicatesSeedAtEveryPoint) {
  Factor a;
  a.key = "policy.conflict.grid_workers";
  a.values = {"0", "5", "10"};
  SweepSpec spec;
  spec.factors = {a};
  spec.replicates = 3;
  spec.seed = 5;
  const auto independent = plan_sweep(spec);
  spec.common_seeds = true;
  const auto common = plan_sweep(spec);
  ASSERT_EQ(common.runs.size(), 9u);
  std::set<std::uint64_t> distinct_independent, distinct_common;
  for (const auto& run : common.runs) {
    EXPECT_EQ(run.seed, common.runs[static_cast<std::size_t>(run.replicate)].seed) << run.id;
    distinct_common.insert(run.seed);
  }
  for (const auto& run : independent.runs) distinct_independent.insert(run.seed);
  EXPECT_EQ(distinct_common.size(), 3u);
  EXPECT_EQ(distinct_independent.size(), 9u);
  // Point 0's seeds are the same either way: a sweep made common keeps its first point.
  for (std::size_t r = 0; r < 3; ++r) EXPECT_EQ(common.runs[r].seed, independent.runs[r].seed);
}

TEST(Design, RunSeedsAreDistinctAndInRange) {
  std::set<std::uint64_t> seeds;
  for (std::uint64_t p = 0; p < 50; ++p)
    for (std::uint64_t r = 0; r < 20; ++r) {
      const auto s = run_seed(7, p, r);
      EXPECT_LT(s, std::uint64_t{1} << 63);
      seeds.insert(s);
    }
  EXPECT_EQ(seeds.size(), 1000u);
  EXPECT_NE(run_seed(7, 0, 0), run_seed(8, 0, 0));
  // Fixed formula (docs/SWEEPS.md): a change would silently change every sweep.
  EXPECT_EQ(run_seed(42, 0, 0), 3569207718454509475ULL);
}

TEST(Design, HugeIntegerBoundsArePrintedAsTheyAreNotWrapped) {
  // A households range up to 2^63 - 1 was checked as -9223372036854775808.
  Factor f;
  f.integer = true;
  EXPECT_EQ(factor_value_text(f, 9223372036854775807.0), "9223372036854775808");
  EXPECT_EQ(factor_value_text(f, -9.5e18), "-9500000000000000000");
  EXPECT_EQ(factor_value_text(f, 1234.6), "1235");
}

// Run once per file in scenarios/sweeps/ (tests/sweep/CMakeLists.txt).
TEST(ShippedSweep, Loads) {
  const char* file = std::getenv("ZHILI_SWEEP_FILE");
  if (!file) GTEST_SKIP() << "ZHILI_SWEEP_FILE not set";
  EXPECT_NO_THROW(load_sweep(file));
}

}  // namespace zhili::sweep
