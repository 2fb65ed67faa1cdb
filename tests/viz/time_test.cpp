// Decimal years, the time alignment of runs and the common timeline.
#include <gtest/gtest.h>

#include <cmath>

#include "data/decimal_year.hpp"
#include "data/timeline.hpp"

namespace zhili::view {

TEST(DecimalYear, EveryDayMapsBackToItself) {
  for (std::int64_t d = days_from_civil({2015, 1, 1}); d < days_from_civil({2026, 1, 1}); ++d) {
    const Date date = civil_from_days(d);
    ASSERT_EQ(date_at(decimal_year(date)), date) << format_date(date);
  }
}

TEST(DecimalYear, AgreesWithTheCalendarOfResultFiles) {
  for (TimeStep unit : {TimeStep::month, TimeStep::week}) {
    const Calendar cal({2016, 3, 1}, unit);
    for (std::int64_t k = 0; k < 200; ++k) {
      EXPECT_EQ(decimal_year(cal.date_of(k)), cal.decimal_year_of(k));
      EXPECT_EQ(date_at(cal.decimal_year_of(k)), cal.date_of(k));
    }
  }
  EXPECT_EQ(year_month_label(2017.0 + 31.0 / 365.0), "2017-02");
  EXPECT_EQ(date_label(2020.0), "2020-01-01");
}

TEST(Timeline, RowInForceAtAnInstant) {
  const std::vector<double> times{2015.0, 2015.5, 2016.0};
  EXPECT_EQ(row_at(times, 2014.9), -1);  // before the run: no value
  EXPECT_EQ(row_at(times, 2015.0), 0);
  EXPECT_EQ(row_at(times, 2015.49), 0);  // a step lasts until the next starts
  EXPECT_EQ(row_at(times, 2015.5), 1);
  EXPECT_EQ(row_at(times, 2030.0), 2);   // after the end: the last row stays
  EXPECT_EQ(row_at({}, 2015.0), -1);
}

TEST(Timeline, UnionOfRunsOnDifferentCalendars) {
  const Calendar monthly({2015, 1, 1}, TimeStep::month), weekly({2015, 3, 1}, TimeStep::week);
  std::vector<double> a, b;
  for (int k = 0; k < 12; ++k) a.push_back(monthly.decimal_year_of(k));
  for (int k = 0; k < 10; ++k) b.push_back(weekly.decimal_year_of(k));
  const CommonTimeline tl({a, b});
  // 2015-03-01 is in both runs and appears once.
  EXPECT_EQ(tl.size(), a.size() + b.size() - 1);
  EXPECT_TRUE(std::is_sorted(tl.times().begin(), tl.times().end()));
  EXPECT_EQ(tl.first(), 2015.0);
  EXPECT_EQ(tl.last(), a.back());
  EXPECT_EQ(tl.index_at(2000.0), 0u);
  EXPECT_EQ(tl.time(tl.index_at(b[3] + 1e-4)), b[3]);
  EXPECT_TRUE(CommonTimeline().empty());
}

}  // namespace zhili::view
