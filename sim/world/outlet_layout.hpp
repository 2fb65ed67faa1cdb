// Where the service outlets of a run are: listed in the scenario
// (services.outlets), or, when none are, a default layout made from the map.
//
// The default layout (docs/SCENARIOS.md, "Outlets"), deterministic for a map:
// - "centre": one district_centre handling every need, at the urban-core cell
//   with the most urban-core homes within kCentreWindowKm (a square window;
//   ties: the lowest cell index). Without urban core: the same over the
//   city's cells (every zone but rural), then over every cell.
// - "window-<need>": one department_window for each need type with
//   departments >= 3, handling that need only, on the free cells next to the
//   centre (east, south, west, north, then the diagonals, then farther rings).
// - "station-1", "station-2", ...: street_stations handling every need, one
//   per block of a kStationBlockKm lattice (from cell [0, 0], blocks in row
//   order) whose city cells (every zone but rural) cover at least a quarter
//   of a block, at the block's city cell of most homes (ties: nearest the
//   block's middle, then the lowest index); none where that cell is the
//   centre's.
// - "township-1", ...: street_stations in the countryside, one per block of a
//   kTownshipBlockKm lattice with any rural homes, at its rural cell of most
//   homes (same ties).
#pragma once

#include <vector>

#include "scenario/scenario.hpp"
#include "world/grid.hpp"

namespace zhili {

inline constexpr double kCentreWindowKm = 2.0;     // half-side of the window judging density
inline constexpr double kStationBlockKm = 3.0;     // street stations: one per block this wide
inline constexpr double kTownshipBlockKm = 10.0;   // township stations: one per block this wide
inline constexpr int kCentreWindows = 12;
inline constexpr int kDepartmentWindows = 2;
inline constexpr int kStationWindows = 3;
inline constexpr int kTownshipWindows = 2;

std::vector<OutletSpec> default_outlet_layout(const CellGrid& g, const ServicesSpec& spec);

// The outlets of a run: s.services.outlets, or default_outlet_layout when none
// are listed. Checks what loading could not, and throws ScenarioError (at the
// keys to fix): listed cells on a drawn map, whose size is known only now; the
// outlets named by the schedule's outlet changes, against the default layout.
std::vector<OutletSpec> resolve_outlets(const Scenario& s, const CellGrid& g);

}  // namespace zhili
