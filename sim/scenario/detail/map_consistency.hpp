// Checks of how the map is made, run with the other checks between keys: a
// map is generated or drawn, not both; a polycentric map has centres, each on
// the map, and no monocentric `centre` (and the other way round); the raster
// format is known. Resolves what loading can: the raster format from the
// file's extension, and a drawn map's size (0 = from the raster file, which
// is read when the world is built).
#pragma once

#include "scenario/detail/load_context.hpp"

namespace zhili::scenario_detail {

void check_map_source(LoadContext& ctx);

}  // namespace zhili::scenario_detail
