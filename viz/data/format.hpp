// Values as people read them in tooltips, legends and tables: shares (unit
// "1") as percentages, large whole counts with thousands separators, other
// values to four significant digits with their unit. Same conventions as
// `zhili info`, so the viewer and the terminal agree.
#pragma once

#include <string>

namespace zhili::view {

std::string format_value(double value, const std::string& unit);
// A difference b - a with its sign; shares in percentage points ("+1.20 pp").
std::string format_difference(double diff, const std::string& unit);
// Value in display units (shares x 100), for legend and axis numbers.
double display_value(double value, const std::string& unit);

}  // namespace zhili::view
