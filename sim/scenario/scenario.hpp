// The immutable, typed description of a scenario.
//
// A scenario file is parsed and validated once (load_scenario) into this
// struct; the engine only ever reads this, never YAML nodes. Every field has
// a documented default (docs/SCENARIOS.md, generated from the same schema the
// parser uses, see schema.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/levers.hpp"
#include "scenario/schedule.hpp"

namespace zhili {

// Zone types of map cells (issue 3 adds raster maps; the generator is below).
enum class Zone : std::uint8_t { urban_core, fringe, urban_village, suburb, rural, count };
inline constexpr std::size_t kZoneCount = static_cast<std::size_t>(Zone::count);
inline constexpr std::array<const char*, kZoneCount> kZoneNames{
    "urban_core", "fringe", "urban_village", "suburb", "rural"};

struct RunSpec {
  std::string name = "scenario";
  std::string description;
  Date start{2015, 1, 1};
  std::int64_t steps = 120;  // resolved from run.end when given
  TimeStep step_unit = TimeStep::month;
  std::uint64_t seed = 1;
  int threads = 0;  // 0 = all hardware threads
};

struct CellXY {
  int x = 0;
  int y = 0;
};

// Monocentric city with a rural hinterland: zones by distance from the centre.
struct MapGeneratorSpec {
  CellXY centre{50, 50};
  double core_radius_km = 3.0;
  double fringe_radius_km = 7.0;
  double suburb_radius_km = 12.0;
  double urban_village_share = 0.2;  // share of fringe cells that are urban villages
};

struct WorldSpec {
  int width = 100;       // cells
  int height = 100;      // cells
  double cell_km = 0.5;  // side of a cell
  MapGeneratorSpec generator;
  // Housing capacity in simulated households per cell, by zone.
  std::array<int, kZoneCount> capacity{30, 20, 40, 8, 2};
  // Monthly rent per household, yuan, by zone.
  std::array<double, kZoneCount> rent{4000, 2200, 1200, 1800, 600};
};

struct PopulationSpec {
  std::int64_t households = 100000;  // simulated households at the start
  double scale = 1.0;                // real households per simulated household
  double migrant_share = 0.3;        // share of initial households who are migrants
  double mean_household_size = 2.8;  // persons
};

// Exogenous migration flows (issue 3 replaces the inflow with Harris-Todaro).
struct MigrationSpec {
  bool enabled = true;
  double inflow_rate = 0.03;      // arriving migrant households per year, share of households
  double return_rate = 0.04;      // yearly chance that a migrant household returns home
  double settlement_rate = 0.05;  // yearly chance a migrant settles, at hukou.openness = 1
  double settlement_min_years = 2.0;  // years in the city before settlement is possible
};

// Moves within the city: Schelling-style tolerance for same-group neighbours.
struct RelocationSpec {
  bool enabled = true;
  int radius = 1;                // Chebyshev radius in cells
  double min_same_share = 0.3;   // happy if same-group share of neighbours >= this ...
  int min_same_count = 0;        // ... and same-group neighbour count >= this
  double move_probability = 0.1; // chance per step that an unhappy household looks for a place
};

struct OutputSpec {
  std::string path;         // "" = <run.name>.h5 in the working directory
  int flush_every = 12;     // steps buffered between writes to disk
  int map_every = 12;       // steps between per-cell map snapshots
  int compression = 4;      // deflate level 0..9 (with shuffle)
};

struct Scenario {
  RunSpec run;
  WorldSpec world;
  PopulationSpec population;
  MigrationSpec migration;
  RelocationSpec relocation;
  LeverValues policy = default_levers();  // values in force at step 0
  std::vector<ScheduleEntry> schedule;    // resolved to steps, sorted by start step
  OutputSpec output;

  // Provenance, kept for the result file.
  std::string source_path;  // as given on the command line
  std::string source_text;  // the file exactly as read
  std::vector<std::string> overrides;  // --set arguments, in order
  // Where each key given in the file or by --set was written ("world.width",
  // "schedule[0].at", sections too), at its value; a --set is at file
  // "--set #N". Lets checks made later (e.g. housing capacity against
  // households, when the world is built) point at the line to fix.
  std::map<std::string, SourceLocation> key_locations;
};

}  // namespace zhili
