// Any observable over a whole year of a result file.
//
// Planners ask about a year, not a month: "what was migrants' coverage in
// 2023, how many incidents per 10,000 residents?" A year's value of an
// observable is the sum of its steps for flows (units "x/step", reported as
// "x/year") and the mean of its steps for everything else (shares, rates
// already per year, stocks), steps without a value (NaN) left out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/result_reader.hpp"

namespace zhili {

struct YearRows {
  int year = 0;
  std::int64_t first = 0;  // first row dated in the year
  std::int64_t count = 0;  // rows dated in the year
  bool whole = false;      // the year's last step (December, or its last week) was run
};

// Rows of `year` in the file, or nullopt when none is dated in it.
std::optional<YearRows> rows_of_year(const ResultReader& r, int year);
// The last year whose rows are whole, else the last year with any rows.
std::optional<YearRows> last_year(const ResultReader& r);
// Every year with rows, in order.
std::vector<YearRows> all_years(const ResultReader& r);

// The year's value of an observable (one per column), and its unit.
std::vector<double> year_values(const ResultReader& r, const SeriesSpec& spec, const YearRows& rows);
std::string year_unit(const std::string& unit);
bool is_flow_unit(const std::string& unit);  // "x/step"

}  // namespace zhili
