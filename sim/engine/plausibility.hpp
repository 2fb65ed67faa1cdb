// Plausibility warnings: a scenario that loads without error may still be
// far outside believable ground (outlet windows far below the demand they
// will meet, a countryside that will empty, a city with no room for anyone
// to arrive). Each warning names the figure that triggered it, the keys to
// look at, and what will happen; none stops a run (`zhili validate` prints
// them; docs/SCENARIOS.md, "Warnings").
#pragma once

#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "world/world.hpp"

namespace zhili {

// Thresholds: a warning is given above them.
inline constexpr double kWarnWindowLoad = 0.9;     // expected in-person workload over window capacity
inline constexpr double kWarnRuralExodus = 0.5;    // share of farming villagers leaving over the run
inline constexpr double kWarnCityOccupancy = 0.97; // homes of the city's zones taken at the start

std::vector<std::string> plausibility_warnings(const Scenario& s, const World& w);

// An override of a lever (--set policy.X=V) that a schedule entry changes
// later: it holds only until that entry starts, which a planner who moved
// the lever rarely means. One warning per such override, naming the entry
// (and how to switch it off when it has a name).
std::vector<std::string> override_warnings(const Scenario& s);

}  // namespace zhili
