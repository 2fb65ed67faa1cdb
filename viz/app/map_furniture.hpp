// What a printed map carries and a projected one needs: a scale bar (a round
// length in km or m, from the run's cell size and the zoom) in the bottom
// left corner and a north arrow in the top right. Rows of the map run from
// north (y = 0, drawn at the top) to south.
#pragma once

#include "app/map_canvas.hpp"

namespace zhili::view {

// Over a drawn map; nothing when nothing was drawn or the cell size is unknown.
void draw_map_furniture(const CellHover& where, double cell_km);

}  // namespace zhili::view
