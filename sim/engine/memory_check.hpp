// Refusing, before any work, a scenario whose run needs more memory than
// the machine has: a valid 10000 x 10000 map (inside the documented ranges)
// took 2.8 GB to validate and 6 GB to run, and on a smaller machine ended in
// std::bad_alloc or an HDF5 allocation failure minutes later.
#pragma once

#include "scenario/scenario.hpp"

namespace zhili {

// Bytes a run of `s` needs at its peak, from measured costs (docs/ARCHITECTURE.md,
// "Memory"): per map cell (the grid, its indexes and map snapshots), per
// simulated household (the whole model's stores), and a fixed base.
inline constexpr double kBytesPerCell = 64;
inline constexpr double kBytesPerHousehold = 320;
inline constexpr double kBaseBytes = 64.0 * (1 << 20);
double estimated_run_bytes(const Scenario& s);

// Memory this process may use: physical memory, or a lower address-space
// limit (ulimit -v).
double usable_memory_bytes();

// Throws ScenarioError (at world.width, or population.households when they
// weigh more) when estimated_run_bytes(s) exceeds `usable` bytes.
void check_memory(const Scenario& s, double usable = usable_memory_bytes());

}  // namespace zhili
