// The validation build's check of block-wise sums (core/validate.hpp): a
// combine that leaves a field out gives the same wrong total for every
// thread count, so only a check of the combine itself can see it.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/parallel.hpp"

namespace zhili {

namespace {

struct Partial {
  std::int64_t households = 0;
  double income = 0;
};

Partial add_all(Partial a, const Partial& b) {
  a.households += b.households;
  a.income += b.income;
  return a;
}
Partial forgets_income(Partial a, const Partial& b) {  // the defect the check is for
  a.households += b.households;
  return a;
}
Partial adds_the_wrong_field(Partial a, const Partial& b) {
  a.households += b.households;
  a.income += static_cast<double>(b.households);
  return a;
}

const std::vector<Partial> kPartials{{3, 1.5}, {0, 0.0}, {7, 2.25}};

// A reduction over 3 blocks of households, each with one yuan of income per household.
Partial reduce(const Executor& ex, Partial (*combine)(Partial, const Partial&)) {
  std::vector<Partial> scratch;
  return deterministic_reduce(
      ex, 3 * Executor::kBlock, scratch, Partial{},
      [](std::size_t b, std::size_t e) { return Partial{static_cast<std::int64_t>(e - b), 0.5 * (e - b)}; },
      combine);
}

}  // namespace

TEST(CheckCombine, AcceptsACombineThatCarriesEveryField) {
  EXPECT_NO_THROW(check_combine(Partial{}, kPartials, kPartials.size(), add_all));
}

TEST(CheckCombine, CatchesAFieldLeftOut) {
  EXPECT_THROW(check_combine(Partial{}, kPartials, kPartials.size(), forgets_income), ValidationError);
}

TEST(CheckCombine, CatchesAFieldAddedFromAnother) {
  EXPECT_THROW(check_combine(Partial{}, kPartials, kPartials.size(), adds_the_wrong_field), ValidationError);
}

TEST(CheckCombine, ZeroAndMinusZeroAreTheSamePartial) {
  const std::vector<Partial> partials{{0, -0.0}};
  EXPECT_NO_THROW(check_combine(Partial{}, partials, partials.size(), add_all));
}

// In the validation build every deterministic_reduce checks its combine; in
// other builds the broken combine goes unnoticed (the reason for the build).
TEST(ValidationBuild, DeterministicReduceCatchesABrokenCombine) {
  const Executor ex(2);
  EXPECT_EQ(reduce(ex, add_all).households, 3 * static_cast<std::int64_t>(Executor::kBlock));
  if constexpr (kValidate) {
    EXPECT_THROW(reduce(ex, forgets_income), ValidationError);
  } else {
    EXPECT_EQ(reduce(ex, forgets_income).income, 0.0);  // wrong, and silent
    GTEST_SKIP() << "the check runs in the validation build (-DZHILI_VALIDATE=ON, make validate)";
  }
}

}  // namespace zhili
