// Ticks for a time axis in decimal years: on whole years (every 1, 2, 5, 10,
// ... years) for long spans, and on the first of a month (every 1, 2, 3 or 6
// months) when the view is zoomed in so far that fewer than three year ticks
// would show. Labels are "2017" or "2017-03".
#pragma once

#include <vector>

#include "plot/ticks.hpp"

namespace zhili::view {

std::vector<Tick> date_ticks(double lo, double hi, int max_ticks);

}  // namespace zhili::view
