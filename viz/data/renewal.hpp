// Renewal projects as the viewer shows them (docs/VIEWER.md, "Renewal"):
// the dates each project changed stage, for marks on every time axis, and
// its area's outline and label position on the map. Read from what the run
// wrote: the `renewal_stage` observable and the `renewal_area` map.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "data/outline.hpp"  // area_outline: a project's area
#include "data/run.hpp"

namespace zhili::view {

// A dated event on a time axis: a project's stage changing from `from` to
// `to` (a notice is the change from 0; a project noticed and demolished in
// one step changes from 0 to 2 at once).
struct TimeMark {
  double t = 0;         // decimal year
  std::string project;  // its name in the schedule; "" when the file has none
  int from = 0, to = 0;
};

// Each project's stage changes, in time order; none when the run has no
// renewal projects.
std::vector<TimeMark> renewal_marks(RunData& run);

// The stage of each project (labels of renewal_stage) at time t: 0 planned,
// 1 consultation, 2 demolition, 3 construction, 4 complete; -1 before the run.
std::vector<int> renewal_stages_at(RunData& run, double t);
const char* renewal_stage_name(int stage);

// Where to write each project's name: the mean centre of its cells, in cell
// units; `project` counts from 1 as in the map; projects without cells are left out.
struct AreaLabel {
  int project = 0;
  float x = 0, y = 0;
};
std::vector<AreaLabel> area_labels(std::span<const float> area, int width, int height);

}  // namespace zhili::view
