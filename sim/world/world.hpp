// The simulated world: the map and the agents living on it.
#pragma once

#include "core/rng.hpp"
#include "scenario/scenario.hpp"
#include "world/grid.hpp"
#include "world/households.hpp"

namespace zhili {

struct World {
  CellGrid grid;
  HouseholdStore households;
};

// Builds the map and the initial population of a scenario. Checks that need
// the built map (households must fit in the housing) throw ScenarioError with
// the location of the offending key.
World build_world(const Scenario& s);

// Workers in a household of `persons` (at least one, at most all).
std::uint8_t workers_in(std::uint8_t persons, double workers_per_person);

// Draws the make-up of the household in `slot` (workers, children, elderly,
// digital access, special population) from the scenario's shares.
void draw_household_makeup(HouseholdStore& h, std::size_t slot, const Scenario& s, CounterRng& rng);

// Rebuilds grid.registered / grid.migrants from the household store.
void recount_cells(World& w);

}  // namespace zhili
