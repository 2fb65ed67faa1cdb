// The presentation layout (docs/VIEWER.md, "Presenting"): for a room, not a
// desk. A title (the run's description), a row of headline figures for the
// date shown with their change since the run's first year or against the
// other run, large type throughout, zone outlines on the map. `--present` or
// the Present button; the panels below it are the usual ones.
#pragma once

#include "app/map_canvas.hpp"
#include "app/state.hpp"

namespace zhili::view {

// Switches the presentation layout on or off; on, the map shows the presented
// run with its zones outlined (what an audience places a map by).
void toggle_presentation(ViewerState& s);
// The run the headline figures are of: run B of the compare panel when two
// or more runs are open (the policy shown against run A), else the map's run.
int presented_run(const ViewerState& s);
// Title, subtitle and the headline figures, at the top of the window.
void draw_presentation_header(ViewerState& s);
// Borders between the run's zones over a drawn map, where it has a zone map.
void draw_zone_outlines(RunData& run, const CellHover& where);

}  // namespace zhili::view
