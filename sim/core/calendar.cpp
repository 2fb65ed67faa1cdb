#include "core/calendar.hpp"

#include <charconv>
#include <algorithm>
#include <cstdio>

namespace zhili {

namespace {
bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{};
}
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> parse_date(std::string_view text) {
  // YYYY-MM or YYYY-MM-DD, nothing else.
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-') return std::nullopt;
  Date d;
  if (!parse_int(text.substr(0, 4), d.year) || !parse_int(text.substr(5, 2), d.month))
    return std::nullopt;
  if (text.size() == 10) {
    if (text[7] != '-' || !parse_int(text.substr(8, 2), d.day)) return std::nullopt;
  }
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_year_month(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

// http://howardhinnant.github.io/date_algorithms.html (public domain algorithms).
std::int64_t days_from_civil(const Date& d) {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

std::string_view to_string(TimeStep t) { return t == TimeStep::week ? "week" : "month"; }

Date Calendar::date_of(std::int64_t step) const {
  if (step_ == TimeStep::week) return civil_from_days(days_from_civil(start_) + 7 * step);
  // Monthly steps keep the day of month, clamped to the month's length (31 Jan -> 28 Feb).
  const std::int64_t m0 = static_cast<std::int64_t>(start_.year) * 12 + (start_.month - 1) + step;
  Date d{static_cast<int>(m0 / 12), static_cast<int>(m0 % 12) + 1, start_.day};
  d.day = std::min(d.day, days_in_month(d.year, d.month));
  return d;
}

double Calendar::decimal_year_of(std::int64_t step) const {
  const Date d = date_of(step);
  const std::int64_t jan1 = days_from_civil({d.year, 1, 1});
  const std::int64_t next = days_from_civil({d.year + 1, 1, 1});
  return d.year + static_cast<double>(days_from_civil(d) - jan1) / static_cast<double>(next - jan1);
}

std::int64_t Calendar::first_step_on_or_after(const Date& d) const {
  if (d <= start_) return 0;
  if (step_ == TimeStep::week) {
    const std::int64_t days = days_from_civil(d) - days_from_civil(start_);
    return (days + 6) / 7;
  }
  std::int64_t k = (static_cast<std::int64_t>(d.year) - start_.year) * 12 + (d.month - start_.month);
  if (k < 0) k = 0;
  while (date_of(k) < d) ++k;  // at most one extra step (day of month)
  return k;
}

double Calendar::years_per_step() const {
  return step_ == TimeStep::week ? 7.0 / 365.2425 : 1.0 / 12.0;
}

}  // namespace zhili
