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
#include "scenario/costs_spec.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/levers.hpp"
#include "scenario/family_spec.hpp"
#include "scenario/renewal_spec.hpp"
#include "scenario/services_spec.hpp"
#include "scenario/social_spec.hpp"
#include "scenario/schedule.hpp"
#include "scenario/zone.hpp"

namespace zhili {


struct RunSpec {
  std::string name = "scenario";
  std::string description;
  Date start{2015, 1, 1};
  std::int64_t steps = 120;  // resolved from run.end when given
  TimeStep step_unit = TimeStep::month;
  std::uint64_t seed = 1;
  int threads = 0;  // 0 = all hardware threads
  // Steps simulated before `start` with the levers in force at the start and
  // not recorded, so the first recorded month is not a transient.
  std::int64_t spinup = 0;
};


// A centre of a polycentric city; its weight scales its zone radii.
struct CityCentre {
  CellXY at;
  double weight = 1.0;
};

enum class MapKind : std::uint8_t { monocentric, polycentric };

// A generated city with a rural hinterland: zones by distance from the centre
// (monocentric), or from the nearest centre in distance / weight (polycentric).
struct MapGeneratorSpec {
  MapKind kind = MapKind::monocentric;
  CellXY centre{50, 50};            // monocentric
  std::vector<CityCentre> centres;  // polycentric: at least one
  double core_radius_km = 3.0;
  double fringe_radius_km = 7.0;
  double suburb_radius_km = 12.0;
  double urban_village_share = 0.2;  // share of fringe cells that are urban villages
};

enum class RasterFormat : std::uint8_t { automatic, csv, pgm };

// A map drawn by a planner: a CSV or PGM file of cell values, mapped to zones
// by the legend. Read when the world is built (sim/world/map_raster.hpp).
struct RasterSpec {
  std::string path;  // "" = no raster; else resolved against the scenario's directory
  RasterFormat format = RasterFormat::automatic;  // resolved from the extension when loaded
  std::map<std::int32_t, Zone> legend{{0, Zone::rural},
                                      {1, Zone::suburb},
                                      {2, Zone::fringe},
                                      {3, Zone::urban_village},
                                      {4, Zone::urban_core}};
};

struct WorldSpec {
  int width = 100;       // cells; 0 with a raster = the raster's width
  int height = 100;      // cells; 0 with a raster = the raster's height
  double cell_km = 0.5;  // side of a cell
  MapGeneratorSpec generator;  // used when raster.path is ""
  RasterSpec raster;
  // Housing capacity in simulated households per cell, by zone.
  std::array<int, kZoneCount> capacity{30, 20, 40, 8, 2};
  // Monthly rent per household, yuan, by zone.
  std::array<double, kZoneCount> rent{4000, 2200, 1200, 1800, 600};
};

// How the initial migrants are drawn: each household independently with
// probability migrant_share (random), or exactly round(migrant_share x the
// eligible households), a uniformly random subset of them (exact).
enum class MigrantAssignment : std::uint8_t { random, exact };

struct PopulationSpec {
  std::int64_t households = 25000;  // simulated households at the start (the default map houses ~41,000)
  double scale = 1.0;                // real households per simulated household
  double migrant_share = 0.3;        // share of initial households who are migrants
  MigrantAssignment migrant_assignment = MigrantAssignment::random;
  double mean_household_size = 2.8;  // persons
  // Where households start: by capacity alone, or a given share in the city's zones.
  enum class Placement : std::uint8_t { capacity, urban_share };
  Placement placement = Placement::capacity;
  double urban_share = 0.5;  // share of households placed in the city's zones (placement: urban_share)
  double elderly_share = 0.4;     // share of the non-working persons who are elderly (the rest: children)
  double digital_access = 0.7;    // share of households able to use online services
  double special_share = 0.01;    // share of households in a special population (帮教 targets)
};

// Exogenous migration flows (issue 3 replaces the inflow with Harris-Todaro).
struct MigrationSpec {
  bool enabled = true;
  double inflow_rate = 0.03;      // arriving migrant households per year, share of households
  double return_rate = 0.04;      // yearly chance that a migrant household returns home
  double settlement_rate = 0.05;  // yearly chance a migrant settles, at hukou.openness = 1
  double settlement_min_years = 2.0;  // years in the city before settlement is possible
  // Points rule for settlement (积分落户), against the hukou.points_threshold lever.
  double points_per_year = 1.0;     // per year lived in the city
  double points_stable_job = 2.0;   // when employed (economy on)
  double points_housing = 1.0;      // when living outside an urban village
  // Rural-urban migration of the map's own rural households (Harris & Todaro
  // 1970), active when economy.enabled: see docs/MODEL.md 7.6.
  double ht_beta = 0.3;             // yearly moving chance per unit of relative expected gain
  double ht_moving_cost = 300.0;    // yuan/month equivalent of moving and settling costs
  double ht_hukou_barrier = 800.0;  // yuan/month equivalent at hukou.openness = 0
  double ht_network = 2.0;          // extra pull per unit share of one's origin already in the city
  double ht_return_after_months = 6.0;  // unemployed this long, a migrant may go home
  double ht_return_rate = 0.5;      // yearly chance of returning once that long unemployed
  // Destination choice (after Flee): a city cell's pull is its jobs per home
  // over the city's mean, times (mean rent / its rent)^rent_elasticity.
  double rent_elasticity = 1.0;
};

// Urban labour market and incomes (structural change after the domain brief).
struct EconomySpec {
  bool enabled = false;
  double jobs_per_worker = 0.96;    // urban jobs per urban worker at the start
  double job_growth = 0.03;         // yearly growth of urban jobs
  double tertiary_share = 0.5;      // tertiary share of urban jobs at the start
  double tertiary_shift = 0.005;    // yearly rise of the tertiary share (structural change)
  double wage_secondary = 4500.0;   // yuan/month per worker at the start
  double wage_tertiary = 5000.0;    // yuan/month per worker at the start
  double rural_income = 1800.0;     // yuan/month per farm worker at the start
  double wage_growth = 0.06;        // yearly growth of urban wages
  double rural_income_growth = 0.06;// yearly growth of rural income
  double separation_rate = 0.1;     // yearly chance an employed worker loses the job
  double unemployment_benefit = 0.2;// income while unemployed, share of the secondary wage
  double workers_per_person = 0.55; // workers in a household = round(size x this), at least 1
  // Labour demand path: `growth` = jobs_per_worker x initial urban workers, grown
  // at job_growth; `logistic` = urban jobs as a share of all workers following
  // 1 / (1 + exp(-(a + b y + c y^2))), y = years since run.start.
  enum class Demand : std::uint8_t { growth, logistic };
  Demand demand = Demand::growth;
  double logit_intercept = -1.5;  // a
  double logit_slope = 0.05;      // b, per year
  double logit_curvature = 0.0;   // c, per year^2
  // Farming employs at most primary_share of all workers (moving by
  // primary_shift a year); villagers' other workers work off the farm locally.
  double primary_share = 1.0;
  double primary_shift = 0.0;
  double rural_nonfarm_wage = 0.6;  // local off-farm wage, share of the secondary wage
  // Log-normal dispersion of earnings (model/earnings.hpp): sigma of ln X for
  // urban wages and for villagers' incomes; 0 = everyone earns the mean.
  double wage_dispersion = 0.0;
  double rural_income_dispersion = 0.0;
  // Search frictions (Petrongolo & Pissarides 2001): at most
  // matching_efficiency x min(U, U^0.5 V^0.5) workers are hired a month, U the
  // seekers' workers and V the open jobs; 0 = no friction (every seeker is
  // hired while jobs are open).
  double matching_efficiency = 0.0;
  // Where the urban jobs are: a city cell's share of them is proportional to
  // its homes x job_weight[zone] x (1 + zone_job_growth[zone])^years (the
  // trajectory by zone); a zone's tertiary share is the city's plus
  // zone_tertiary[zone], less the job-weighted mean of those offsets (so the
  // city total keeps following tertiary_share). Rural entries are unused.
  std::array<double, kZoneCount> job_weight{3.0, 1.0, 0.6, 0.8, 0.0};
  std::array<double, kZoneCount> zone_job_growth{};
  std::array<double, kZoneCount> zone_tertiary{};
  // Chance per step that a job-seeker finding no open job in the zone it
  // lives in takes one in another zone (1 = one city-wide labour market).
  double commute_acceptance = 1.0;
  // Affordability: a city household will not take a home whose rent exceeds
  // this share of its income, and looks for another when its own does.
  // 0 = no affordability rule (scenarios whose incomes are relative units).
  double max_rent_share = 0.0;
};

// Natural change: births, deaths, ageing and household formation (off by default).
struct DemographySpec {
  bool enabled = false;
  double birth_rate = 0.012;        // births per person of working age per year
  double death_rate = 0.004;        // deaths per child or person of working age per year
  double elderly_death_rate = 0.05; // deaths per elderly person per year
  double childhood_years = 16.0;    // mean years a child stays a child
  double working_years = 45.0;      // mean years of working age before becoming elderly
  double formation_rate = 0.03;     // yearly chance a household of 4+ with 2+ workers splits
};

// Moves within the city: Schelling-style tolerance for same-group neighbours.
// synchronous: all decide from the state at the start of the phase, claims are
// settled afterwards (parallel). sequential: one at a time in a random order
// drawn each step, each move seen at once by the next (the canonical Schelling model).
enum class RelocationActivation : std::uint8_t { synchronous, sequential };

struct RelocationSpec {
  bool enabled = true;
  RelocationActivation activation = RelocationActivation::synchronous;
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
  int panel = 0;            // households followed one by one (/entities/households); 0 = none
};

struct Scenario {
  RunSpec run;
  WorldSpec world;
  PopulationSpec population;
  MigrationSpec migration;
  EconomySpec economy;
  DemographySpec demography;
  RelocationSpec relocation;
  ServicesSpec services;
  GrievanceSpec grievance;
  DisputeSpec disputes;
  ConflictSpec conflict;
  CostSpec costs;
  RenewalSpec renewal;  // behaviour of renewal projects; the projects come from the schedule
  FamilySpec family;        // split households, left-behind members, registration away from residence
  InsuranceSpec insurance;  // social insurance of workers, health shocks
  LeverValues policy = default_levers();  // values in force at step 0
  std::vector<ScheduleEntry> schedule;    // resolved to steps, sorted by start step
  // The name of each file entry of the schedule, by its position (the
  // `order` of its ScheduleEntry and OutletEvent values); "" when unnamed.
  // Entries switched off (enabled: false, or --without NAME) are not here,
  // nor in `schedule`: the rest are renumbered in file order.
  std::vector<std::string> schedule_names;
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

// A renewal project's name: its schedule entry's, else "project-N" (N its
// place among the projects, from 1).
inline std::string renewal_project_name(const Scenario& s, const RenewalProject& p) {
  const auto k = static_cast<std::size_t>(p.order);
  if (k < s.schedule_names.size() && !s.schedule_names[k].empty()) return s.schedule_names[k];
  std::size_t n = 1;
  while (n <= s.renewal.projects.size() && &s.renewal.projects[n - 1] != &p) ++n;
  return "project-" + std::to_string(n);
}

}  // namespace zhili
