// Map legends: a colour bar with nice ticks in display units (shares in %)
// and the unit, or a swatch per category for code maps.
#pragma once

#include <string>

#include "app/map_layer.hpp"

namespace zhili::view {

// Draws the legend of `layer` at the cursor, `width` pixels wide.
void map_legend(const MapLayer& layer, const std::string& unit, float width);

}  // namespace zhili::view
