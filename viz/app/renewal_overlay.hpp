// Renewal projects drawn over the viewer (docs/VIEWER.md, "Renewal"): their
// areas outlined and named on the map with the stage at the timeline's
// instant, and their dates as marks on the charts and the timeline.
#pragma once

#include <string>
#include <vector>

#include "app/chart.hpp"
#include "app/map_canvas.hpp"
#include "app/state.hpp"
#include "data/renewal.hpp"

namespace zhili::view {

// "east-village: demolition", in the interface's language.
std::string mark_text(const TimeMark& m);
// Outlines of `run`'s renewal areas over a drawn map, and their names with
// the stage at t (drawn last, over the markers); nothing when the run has no
// renewal_area map.
void draw_renewal_outlines(RunData& run, const CellHover& where, double t);
void draw_renewal_names(RunData& run, const CellHover& where, double t);

}  // namespace zhili::view
