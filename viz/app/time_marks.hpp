// The dated events of the open runs, as marks for every time axis (charts,
// the timeline): the schedule's policy changes (blue) and renewal projects'
// stages (amber). An event that several runs share is marked once.
#pragma once

#include <vector>

#include "app/chart.hpp"
#include "app/state.hpp"

namespace zhili::view {

std::vector<ChartMark> time_marks(ViewerState& s);

}  // namespace zhili::view
