// Replicate statistics: Student t quantiles against printed tables, intervals.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analyze/stats.hpp"

namespace zhili::analyze {

TEST(StudentT, QuantilesMatchTables) {
  // Two-sided 95 % critical values (any statistics table, e.g. NIST/SEMATECH
  // e-Handbook 1.3.6.7.2), and 99 % for df = 10.
  EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.975, 2), 4.303, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.975, 4), 2.776, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.975, 9), 2.262, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.975, 29), 2.045, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.960, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.995, 10), 3.169, 1e-3);
  EXPECT_NEAR(student_t_quantile(0.025, 4), -2.776, 1e-3);  // symmetric
  EXPECT_NEAR(student_t_cdf(2.262157, 9), 0.975, 1e-6);
  EXPECT_TRUE(std::isnan(student_t_quantile(0.975, 0)));
}

TEST(MeanStats, IntervalIsTTimesStandardError) {
  const std::vector<double> v = {1.0, 2.0, 3.0, 4.0, 5.0, std::nan("")};  // NaN left out
  const auto s = mean_stats(v);
  EXPECT_EQ(s.n, 5);
  EXPECT_DOUBLE_EQ(s.mean, 3.0);
  EXPECT_NEAR(s.sd, std::sqrt(2.5), 1e-12);
  const double half = 2.776445 * std::sqrt(2.5) / std::sqrt(5.0);
  EXPECT_NEAR(s.ci.lo, 3.0 - half, 1e-5);
  EXPECT_NEAR(s.ci.hi, 3.0 + half, 1e-5);
  const std::vector<double> one = {7.0};
  const auto s1 = mean_stats(one);
  EXPECT_EQ(s1.mean, 7.0);
  EXPECT_TRUE(std::isnan(s1.ci.lo));  // one replicate: no interval
}

}  // namespace zhili::analyze
