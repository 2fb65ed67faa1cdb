#include "queueing/queue_inputs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace zhili {
namespace {

struct Moments {
  double mean, cv;
};

Moments moments_of(const DurationDist& d, int n) {
  CounterRng rng(3, Stream::test_a, 0, 1);
  double s = 0, s2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = d.draw(rng);
    s += x;
    s2 += x * x;
  }
  const double m = s / n;
  return {m, std::sqrt(s2 / n - m * m) / m};
}

TEST(DurationDist, FixedDrawsNothing) {
  CounterRng a(1, Stream::test_a, 0, 0), b(1, Stream::test_a, 0, 0);
  EXPECT_EQ(DurationDist::fixed(7.5).draw(a), 7.5);
  EXPECT_EQ(a.next_u64(), b.next_u64());  // no number consumed
  EXPECT_TRUE(std::isinf(DurationDist::unlimited().draw(a)));
}

TEST(DurationDist, ExponentialAndLognormalHaveTheirMeanAndCv) {
  // 200 000 draws: standard error of the mean is cv / sqrt(n) < 0.2 %.
  const auto e = moments_of(DurationDist::exponential(12.0), 200000);
  EXPECT_NEAR(e.mean, 12.0, 0.012 * 12.0);
  EXPECT_NEAR(e.cv, 1.0, 0.02);
  const auto l = moments_of(DurationDist::lognormal(8.0, 0.5), 200000);
  EXPECT_NEAR(l.mean, 8.0, 0.01 * 8.0);
  EXPECT_NEAR(l.cv, 0.5, 0.02);
}

TEST(PoissonCases, CountTimesAndDeterminism) {
  QueueInputs in;
  std::size_t total = 0;
  const int days = 200;
  for (int d = 0; d < days; ++d) {
    in.clear();
    CounterRng rng(9, Stream::test_a, static_cast<std::uint64_t>(d), 4);
    draw_poisson_cases(rng, 0.5, 0.0, 480.0, DurationDist::exponential(10.0),
                       DurationDist::fixed(30.0), in);
    ASSERT_TRUE(std::is_sorted(in.arrival.begin(), in.arrival.end()));
    ASSERT_EQ(in.service.size(), in.arrival.size());
    ASSERT_EQ(in.patience.size(), in.arrival.size());
    if (!in.arrival.empty()) {
      EXPECT_GE(in.arrival.front(), 0.0);
      EXPECT_LT(in.arrival.back(), 480.0);
    }
    total += in.arrival.size();
  }
  // Mean 240 a day; over 200 days the total is Poisson(48 000), sd 219.
  EXPECT_NEAR(static_cast<double>(total), 48000.0, 5 * 219.0);

  QueueInputs again;
  CounterRng rng(9, Stream::test_a, static_cast<std::uint64_t>(days - 1), 4);
  draw_poisson_cases(rng, 0.5, 0.0, 480.0, DurationDist::exponential(10.0),
                     DurationDist::fixed(30.0), again);
  EXPECT_EQ(again.arrival, in.arrival);
  EXPECT_EQ(again.service, in.service);
}

TEST(PoissonCases, ZeroRateGivesNoCases) {
  QueueInputs in;
  CounterRng rng(1, Stream::test_a, 0, 0);
  draw_poisson_cases(rng, 0.0, 0.0, 480.0, DurationDist::fixed(1), DurationDist::fixed(1), in);
  EXPECT_TRUE(in.arrival.empty());
}

TEST(DrawDurations, FillsTheSpan) {
  std::vector<double> out(1000, -1.0);
  CounterRng rng(2, Stream::test_a, 0, 0);
  draw_durations(rng, DurationDist::lognormal(5.0, 1.0), out);
  EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](double x) { return x > 0.0; }));
}

}  // namespace
}  // namespace zhili
