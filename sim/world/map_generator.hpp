// Generated maps: a monocentric city with a rural hinterland.
//
// Zones are rings by distance from the centre (urban core, urban-rural fringe,
// suburb, rural); a seeded share of fringe cells are urban villages (城中村),
// which in Chinese cities sit scattered inside the fringe rather than as a ring.
#pragma once

#include <cstdint>

#include "world/grid.hpp"

namespace zhili {

CellGrid generate_monocentric(const WorldSpec& spec, std::uint64_t seed);

}  // namespace zhili
