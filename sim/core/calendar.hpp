// Calendar dates and the mapping between simulation steps and dates.
//
// A run starts on a date and advances by a fixed time step, a week or a month.
// Step k covers [date_of(k), date_of(k+1)); schedule changes dated D take effect
// at the first step whose start date is on or after D ("at step boundaries").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhili {

struct Date {
  int year = 2000;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend auto operator<=>(const Date&, const Date&) = default;
};

// Parses "YYYY-MM" (day 1) or "YYYY-MM-DD". Returns nullopt on any other text
// or an impossible date (month 13, 30 February, ...).
std::optional<Date> parse_date(std::string_view text);
std::string format_date(const Date& d);        // "YYYY-MM-DD"
std::string format_year_month(const Date& d);  // "YYYY-MM"

// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's days_from_civil.
std::int64_t days_from_civil(const Date& d);
Date civil_from_days(std::int64_t days);
int days_in_month(int year, int month);

enum class TimeStep : std::uint8_t { week, month };
std::string_view to_string(TimeStep t);

class Calendar {
 public:
  Calendar() = default;
  Calendar(Date start, TimeStep step) : start_(start), step_(step) {}

  Date start() const { return start_; }
  TimeStep step_unit() const { return step_; }

  // Start date of step k (k may equal the number of steps: the run's end).
  Date date_of(std::int64_t step) const;
  // Decimal year of the start of step k, e.g. 2017.0833 for 2017-02-01.
  double decimal_year_of(std::int64_t step) const;
  // First step whose start date is on or after d (0 if d is before the start).
  std::int64_t first_step_on_or_after(const Date& d) const;
  // Length of one step in years (1/12 or 7/365.2425), for converting yearly rates.
  double years_per_step() const;

 private:
  Date start_{};
  TimeStep step_ = TimeStep::month;
};

}  // namespace zhili
