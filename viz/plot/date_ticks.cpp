#include "plot/date_ticks.hpp"

#include <cmath>
#include <string>

#include "data/decimal_year.hpp"

namespace zhili::view {

namespace {
std::vector<Tick> year_ticks(double lo, double hi, int step) {
  std::vector<Tick> ticks;
  int first = static_cast<int>(std::ceil(lo - 1e-9));
  const int r = ((first % step) + step) % step;  // round up to a multiple of step: 2020, not 2019
  if (r != 0) first += step - r;
  for (int y = first; y <= hi + 1e-9; y += step) ticks.push_back({static_cast<double>(y), std::to_string(y)});
  return ticks;
}

std::vector<Tick> month_ticks(double lo, double hi, int step) {
  std::vector<Tick> ticks;
  const Date start = date_at(lo);
  // Months counted from year 0, so that steps of 3 land on Jan/Apr/Jul/Oct.
  long m = static_cast<long>(start.year) * 12 + (start.month - 1);
  if (decimal_year({start.year, start.month, 1}) < lo - 1e-9) ++m;
  m = (m + step - 1) / step * step;
  for (;; m += step) {
    const Date d{static_cast<int>(m / 12), static_cast<int>(m % 12) + 1, 1};
    const double t = decimal_year(d);
    if (t > hi + 1e-9) break;
    ticks.push_back({t, format_year_month(d)});
  }
  return ticks;
}
}  // namespace

std::vector<Tick> date_ticks(double lo, double hi, int max_ticks) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return {};
  if (max_ticks < 1) max_ticks = 1;
  const double span = hi - lo;
  const double whole_years = std::floor(hi + 1e-9) - std::ceil(lo - 1e-9) + 1.0;
  if (whole_years < 3.0) {
    for (int step : {1, 2, 3, 6})
      if (span * 12.0 / step <= max_ticks) return month_ticks(lo, hi, step);
  }
  for (int step = 1;; step *= 10) {
    for (int m : {1, 2, 5})
      if (span / (m * step) <= max_ticks) return year_ticks(lo, hi, m * step);
  }
}

}  // namespace zhili::view
