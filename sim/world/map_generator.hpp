// Generated maps: a monocentric or polycentric city with a rural hinterland.
//
// Zones are rings by distance from a centre (urban core, urban-rural fringe,
// suburb, rural); a seeded share of fringe cells are urban villages (城中村),
// which in Chinese cities sit scattered inside the fringe rather than as a
// ring. A polycentric city has several centres, each with the rings scaled by
// its weight: a cell takes its zone from the centre nearest in weighted
// distance, distance / weight (docs/MODEL.md, section 5).
#pragma once

#include <cstdint>

#include "world/grid.hpp"

namespace zhili {

CellGrid generate_monocentric(const WorldSpec& spec, std::uint64_t seed);
CellGrid generate_polycentric(const WorldSpec& spec, std::uint64_t seed);

}  // namespace zhili
