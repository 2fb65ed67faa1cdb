#include "data/decimal_year.hpp"

#include <cmath>

namespace zhili::view {

namespace {
std::int64_t days_in_year(int year) {
  return days_from_civil({year + 1, 1, 1}) - days_from_civil({year, 1, 1});
}
}  // namespace

double decimal_year(const Date& d) {
  const std::int64_t jan1 = days_from_civil({d.year, 1, 1});
  return d.year + static_cast<double>(days_from_civil(d) - jan1) / static_cast<double>(days_in_year(d.year));
}

Date date_at(double t) {
  // 1e-6 of a day: far below a day, far above the rounding of a stored double.
  const int year = static_cast<int>(std::floor(t + 1e-9));
  const double day = (t - year) * static_cast<double>(days_in_year(year));
  const auto offset = static_cast<std::int64_t>(std::floor(day + 1e-6));
  return civil_from_days(days_from_civil({year, 1, 1}) + offset);
}

std::string year_month_label(double t) { return format_year_month(date_at(t)); }
std::string date_label(double t) { return format_date(date_at(t)); }

}  // namespace zhili::view
