#include "io/result_years.hpp"

#include <cmath>

namespace zhili {

namespace {

int year_of(const std::string& date) { return std::stoi(date.substr(0, 4)); }

}  // namespace

bool is_flow_unit(const std::string& unit) {
  return unit.size() > 5 && unit.compare(unit.size() - 5, 5, "/step") == 0;
}

std::optional<YearRows> rows_of_year(const ResultReader& r, int year) {
  const auto dates = r.dates();
  YearRows y;
  y.year = year;
  std::int64_t first = -1, count = 0;
  for (std::size_t i = 0; i < dates.size(); ++i)
    if (year_of(dates[i]) == year) {
      if (first < 0) first = static_cast<std::int64_t>(i);
      ++count;
    }
  if (first < 0) return std::nullopt;
  y.first = first;
  y.count = count;
  const bool monthly = r.metadata().step_unit == "month";
  // Whole when it has all its steps, or when it begins at the year's start
  // and a later row exists (a weekly year has 52 or 53). A year the file
  // starts in the middle of (a run from July, a branch without the rows
  // before it) is not whole.
  const std::string& d0 = dates[static_cast<std::size_t>(first)];
  const bool starts_the_year = d0.compare(5, 2, "01") == 0 && (monthly ? d0.compare(8, 2, "01") == 0 : d0.compare(8, 2, "08") < 0);
  y.whole = count >= (monthly ? 12 : 52) || (starts_the_year && first + count < static_cast<std::int64_t>(dates.size()));
  return y;
}

std::optional<YearRows> last_year(const ResultReader& r) {
  const auto dates = r.dates();
  if (dates.empty()) return std::nullopt;
  const int last = year_of(dates.back());
  auto y = rows_of_year(r, last);
  if (y && !y->whole) {
    if (auto before = rows_of_year(r, last - 1)) return before;
  }
  return y;
}

std::string year_unit(const std::string& unit) {
  return is_flow_unit(unit) ? unit.substr(0, unit.size() - 5) + "/year" : unit;
}

std::vector<double> year_values(const ResultReader& r, const SeriesSpec& spec, const YearRows& rows) {
  const std::size_t width = spec.width();
  const auto v = r.read_observable(spec.name, rows.first, rows.count);
  std::vector<double> sum(width, 0.0);
  std::vector<std::int64_t> n(width, 0);
  for (std::int64_t row = 0; row < rows.count; ++row)
    for (std::size_t c = 0; c < width; ++c) {
      const double x = v[static_cast<std::size_t>(row) * width + c];
      if (std::isnan(x)) continue;
      sum[c] += x;
      ++n[c];
    }
  const bool flow = is_flow_unit(spec.unit);
  for (std::size_t c = 0; c < width; ++c)
    sum[c] = n[c] == 0 ? NAN : flow ? sum[c] : sum[c] / static_cast<double>(n[c]);
  return sum;
}

std::vector<YearRows> all_years(const ResultReader& r) {
  std::vector<YearRows> out;
  const auto dates = r.dates();
  for (std::size_t i = 0; i < dates.size(); ++i)
    if (i == 0 || year_of(dates[i]) != year_of(dates[i - 1]))
      if (auto y = rows_of_year(r, year_of(dates[i]))) out.push_back(*y);
  return out;
}

}  // namespace zhili
