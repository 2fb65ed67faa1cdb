// Decimal years <-> calendar dates: the time axis of every viewer panel.
//
// Result files store the start of each step as a decimal year computed by
// Calendar::decimal_year_of (year + day of year / days in year). Using the same
// convention here maps those times back to their exact start dates, so a date
// typed by the user (--time 2020-01) lands on the step that starts that day.
#pragma once

#include <string>

#include "core/calendar.hpp"

namespace zhili::view {

double decimal_year(const Date& d);
// The day that contains instant `t` (a tiny tolerance absorbs rounding, so
// decimal_year(d) always maps back to d).
Date date_at(double t);
std::string year_month_label(double t);  // "YYYY-MM"
std::string date_label(double t);        // "YYYY-MM-DD"

}  // namespace zhili::view
