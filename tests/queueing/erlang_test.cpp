#include "queueing/erlang.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace zhili {
namespace {

// Erlang C straight from its definition, in log space with long double, for
// comparison at large c: C = T_c / (sum_{k<c} a^k/k! + T_c), T_c = a^c/c! * c/(c-a).
double erlang_c_direct(int c, double a) {
  long double sum = 0.0L;
  long double log_term = 0.0L;  // log(a^k / k!)
  long double max_log = 0.0L;
  // Scale by the largest term to avoid overflow.
  for (int k = 1; k <= c; ++k) {
    log_term += std::log(static_cast<long double>(a)) - std::log(static_cast<long double>(k));
    if (log_term > max_log) max_log = log_term;
  }
  log_term = 0.0L;
  for (int k = 0; k < c; ++k) {
    sum += std::exp(log_term - max_log);
    log_term += std::log(static_cast<long double>(a)) - std::log(static_cast<long double>(k + 1));
  }
  const long double top = std::exp(log_term - max_log) * c / (c - a);
  return static_cast<double>(top / (sum + top));
}

TEST(ErlangB, KnownValues) {
  EXPECT_DOUBLE_EQ(erlang_b(0, 3.0), 1.0);
  EXPECT_DOUBLE_EQ(erlang_b(1, 1.0), 0.5);           // a / (1 + a)
  EXPECT_NEAR(erlang_b(2, 1.0), 0.2, 1e-15);         // (1/2) / (1 + 1 + 1/2)
  EXPECT_NEAR(erlang_b(3, 2.0), 4.0 / 19.0, 1e-15);  // (8/6) / (1 + 2 + 2 + 8/6)
}

TEST(ErlangC, SingleWindowIsTheLoad) {
  // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda).
  for (double rho : {0.1, 0.5, 0.9, 0.99}) {
    EXPECT_NEAR(erlang_c(1, rho), rho, 1e-15);
    EXPECT_NEAR(erlang_c_mean_wait(rho, 1.0, 1), rho / (1.0 - rho), 1e-12 * rho / (1.0 - rho));
  }
}

TEST(ErlangC, KnownValues) {
  EXPECT_NEAR(erlang_c(3, 2.0), 4.0 / 9.0, 1e-15);
  // Two windows: C(2, a) = a^2 / (2 + a) = 1/3 at a = 1; Wq = C / (2 mu - lambda).
  EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(erlang_c_mean_wait(0.5, 0.5, 2), (1.0 / 3.0) / 0.5, 1e-14);
}

TEST(ErlangC, StableForHundredsOfWindows) {
  for (int c : {50, 170, 200, 300, 500}) {
    for (double rho : {0.5, 0.9, 0.99}) {
      const double a = rho * c;
      const double got = erlang_c(c, a);
      ASSERT_TRUE(std::isfinite(got)) << c << " " << rho;
      EXPECT_GT(got, 0.0);
      EXPECT_LT(got, 1.0);
      const double want = erlang_c_direct(c, a);
      EXPECT_NEAR(got, want, 1e-11 * want + 1e-300) << "c=" << c << " rho=" << rho;
    }
  }
}

TEST(ErlangC, UnstableQueueWaitsForever) {
  EXPECT_EQ(erlang_c(4, 4.0), 1.0);
  EXPECT_EQ(erlang_c(4, 5.0), 1.0);
  EXPECT_TRUE(std::isinf(erlang_c_mean_wait(4.0, 1.0, 4)));
  EXPECT_EQ(erlang_c(4, 0.0), 0.0);
  EXPECT_EQ(erlang_c_mean_wait(0.0, 1.0, 4), 0.0);
}

}  // namespace
}  // namespace zhili
