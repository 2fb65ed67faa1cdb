#include "core/hash_batch.hpp"
#include "core/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace zhili {

TEST(CounterRng, SameKeyAndCounterGiveSameNumbers) {
  CounterRng a(42, Stream::test_a, 7, 123);
  CounterRng b(42, Stream::test_a, 7, 123);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(CounterRng, EachKeyComponentChangesTheNumbers) {
  const auto first = [](std::uint64_t seed, Stream s, std::uint64_t step, std::uint64_t id) {
    return CounterRng(seed, s, step, id).next_u64();
  };
  const auto base = first(42, Stream::test_a, 7, 123);
  EXPECT_NE(base, first(43, Stream::test_a, 7, 123));
  EXPECT_NE(base, first(42, Stream::test_b, 7, 123));
  EXPECT_NE(base, first(42, Stream::test_a, 8, 123));
  EXPECT_NE(base, first(42, Stream::test_a, 7, 124));
}

TEST(CounterRng, DrawsDoNotDependOnVisitOrder) {
  // Visiting agents backwards gives each the same numbers: no hidden state.
  std::vector<double> forward, backward(1000);
  for (std::uint64_t id = 0; id < 1000; ++id) forward.push_back(CounterRng(1, Stream::test_a, 3, id).uniform());
  for (std::uint64_t id = 1000; id-- > 0;) backward[id] = CounterRng(1, Stream::test_a, 3, id).uniform();
  EXPECT_EQ(forward, backward);
}

TEST(CounterRng, UniformHasTheRightMoments) {
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = CounterRng(5, Stream::test_a, 0, static_cast<std::uint64_t>(i)).uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 0.5, 0.005);
  EXPECT_NEAR(var, 1.0 / 12.0, 0.002);
}

TEST(CounterRng, StreamsAreIndependent) {
  // Correlation between the same agents' draws on two streams is ~0 (|r| < 4/sqrt(n)).
  const int n = 100000;
  double sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
  for (int i = 0; i < n; ++i) {
    const double a = CounterRng(9, Stream::test_a, 1, static_cast<std::uint64_t>(i)).uniform();
    const double b = CounterRng(9, Stream::test_b, 1, static_cast<std::uint64_t>(i)).uniform();
    sa += a; sb += b; sab += a * b; saa += a * a; sbb += b * b;
  }
  const double cov = sab / n - (sa / n) * (sb / n);
  const double r = cov / std::sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
  EXPECT_LT(std::fabs(r), 4.0 / std::sqrt(n));
}

TEST(CounterRng, BelowIsUniformOverSmallRanges) {
  std::vector<int> counts(7, 0);
  const int n = 70000;
  for (int i = 0; i < n; ++i) ++counts[CounterRng(3, Stream::test_a, 0, static_cast<std::uint64_t>(i)).below(7)];
  for (int c : counts) EXPECT_NEAR(c, n / 7, 5 * std::sqrt(n / 7.0));
}

TEST(CounterRng, PoissonMeanMatches) {
  for (double mean : {0.5, 4.0, 30.0, 250.0}) {
    double sum = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) sum += static_cast<double>(CounterRng(11, Stream::test_a, 0, static_cast<std::uint64_t>(i)).poisson(mean));
    EXPECT_NEAR(sum / n, mean, 5 * std::sqrt(mean / n)) << "mean " << mean;
  }
}

// The batch form (vectorised where the processor allows) gives StepHash's own
// numbers bit for bit: any run length (vector tails), any ids (large, zero).
TEST(StepHash, BatchUniformsEqualOneAtATime) {
  const StepHash hash(12345, Stream::test_a, 7);
  std::vector<std::uint64_t> ids;
  for (std::uint64_t k = 0; k < 1000; ++k) ids.push_back(k % 3 == 0 ? k : splitmix64_mix(k) >> (k % 17));
  ids[1] = ~std::uint64_t{0};
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{9},
                        std::size_t{63}, std::size_t{1000}}) {
    std::vector<double> out(n + 1, -1.0);
    step_hash_uniforms(hash, ids.data(), n, out.data());
    for (std::size_t k = 0; k < n; ++k) ASSERT_EQ(out[k], hash.uniform(ids[k])) << "n " << n << ", k " << k;
    EXPECT_EQ(out[n], -1.0) << "wrote past n = " << n;
  }
}

}  // namespace zhili
