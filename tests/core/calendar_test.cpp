#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace zhili {

TEST(Calendar, ParsesYearMonthAndFullDates) {
  EXPECT_EQ(parse_date("2017-02"), (Date{2017, 2, 1}));
  EXPECT_EQ(parse_date("2016-02-29"), (Date{2016, 2, 29}));
  EXPECT_FALSE(parse_date("2017-02-29"));  // not a leap year
  EXPECT_FALSE(parse_date("2017-13"));
  EXPECT_FALSE(parse_date("2017-2"));
  EXPECT_FALSE(parse_date("17-02-01"));
  EXPECT_FALSE(parse_date("2017-02-01x"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Calendar, DaysRoundTripAcrossCenturies) {
  for (std::int64_t d = -800000; d < 800000; d += 997)
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
}

TEST(Calendar, MonthlyStepsAdvanceByMonthsAndClampDays) {
  const Calendar cal({2015, 1, 31}, TimeStep::month);
  EXPECT_EQ(cal.date_of(0), (Date{2015, 1, 31}));
  EXPECT_EQ(cal.date_of(1), (Date{2015, 2, 28}));
  EXPECT_EQ(cal.date_of(13), (Date{2016, 2, 29}));
  EXPECT_EQ(cal.date_of(24), (Date{2017, 1, 31}));
  EXPECT_DOUBLE_EQ(cal.years_per_step(), 1.0 / 12.0);
}

TEST(Calendar, WeeklyStepsAdvanceBySevenDays) {
  const Calendar cal({2016, 12, 26}, TimeStep::week);
  EXPECT_EQ(cal.date_of(1), (Date{2017, 1, 2}));
  EXPECT_EQ(cal.date_of(52), (Date{2017, 12, 25}));
}

TEST(Calendar, FirstStepOnOrAfterADate) {
  const Calendar m({2015, 1, 1}, TimeStep::month);
  EXPECT_EQ(m.first_step_on_or_after({2014, 6, 1}), 0);
  EXPECT_EQ(m.first_step_on_or_after({2015, 1, 1}), 0);
  EXPECT_EQ(m.first_step_on_or_after({2017, 2, 1}), 25);
  EXPECT_EQ(m.first_step_on_or_after({2017, 2, 2}), 26);  // mid-month: next boundary
  const Calendar w({2017, 1, 2}, TimeStep::week);          // a Monday
  EXPECT_EQ(w.first_step_on_or_after({2017, 1, 9}), 1);
  EXPECT_EQ(w.first_step_on_or_after({2017, 1, 10}), 2);
  for (std::int64_t k = 0; k < 200; ++k) {
    EXPECT_EQ(m.first_step_on_or_after(m.date_of(k)), k);
    EXPECT_EQ(w.first_step_on_or_after(w.date_of(k)), k);
  }
}

TEST(Calendar, DecimalYear) {
  const Calendar m({2017, 1, 1}, TimeStep::month);
  EXPECT_DOUBLE_EQ(m.decimal_year_of(0), 2017.0);
  EXPECT_NEAR(m.decimal_year_of(6), 2017.0 + 181.0 / 365.0, 1e-12);
}

}  // namespace zhili
