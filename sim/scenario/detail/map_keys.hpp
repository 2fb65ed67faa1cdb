// The keys that choose how the map is made: generated (world.generator, with
// the polycentric generator's list of centres) or drawn by a planner
// (world.raster: path, format, legend), and which world keys take part in a
// scenario of either kind (resolved_yaml writes only those).
#pragma once

#include <vector>

#include "scenario/detail/key_rules.hpp"

namespace zhili::scenario_detail {

// world.generator.kind: monocentric | polycentric.
KeyRule generator_kind_rule();

// world.generator.centres: [{at: [x, y], weight: w}, ...] (with docs for the
// parts of an entry). Whether each centre lies on the map is checked with the
// map's size afterwards (map_consistency.cpp).
KeyRule generator_centres_rule();

// world.raster.path, world.raster.format, world.raster.legend.
std::vector<KeyRule> raster_rules();

// Sets `applies` of world.width, world.height and the world.generator keys:
// a raster map takes its size from the file when none is given, and uses no
// generator key; `centre` is for monocentric maps, `centres` for polycentric.
void mark_map_rules(std::vector<KeyRule>& rules);

}  // namespace zhili::scenario_detail
