// Outlets drawn over a map canvas: a circle per outlet, coloured by kind and
// sized by queue or utilisation at the instant shown, with a tooltip.
#pragma once

#include <vector>

#include "app/map_canvas.hpp"
#include "data/outlets.hpp"

namespace zhili::view {

// Draws the markers on the canvas `where` describes and returns the index of
// the one under the pointer (-1: none). `run_max_queue` fixes the queue scale.
int draw_outlet_markers(const std::vector<OutletMarker>& markers, const CellHover& where, MarkerSize size,
                        double run_max_queue);
void outlet_tooltip(const OutletMarker& m);
// One line: the kinds' colours and what the size shows.
void outlet_legend(const std::vector<OutletMarker>& markers, MarkerSize size);

}  // namespace zhili::view
