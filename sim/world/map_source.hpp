// Where the map comes from: a raster file drawn by a planner when
// world.raster.path is given, else the generator named by world.generator.kind.
#pragma once

#include "scenario/scenario.hpp"
#include "world/grid.hpp"

namespace zhili {

// Throws ScenarioError for a raster that cannot be read or used.
CellGrid make_map(const Scenario& s);

}  // namespace zhili
