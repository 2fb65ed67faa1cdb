// The scenario schema: one entry per key, in the order docs/SCENARIOS.md and
// resolved_yaml() present them. To add a key, add its field to scenario.hpp
// and one entry here; docs/SCENARIOS.md must then document it (a test checks).
#include <algorithm>
#include <cmath>
#include <limits>

#include "scenario/detail/key_rules.hpp"
#include "scenario/detail/map_keys.hpp"
#include "scenario/messages.hpp"
#include "scenario/detail/schedule_yaml.hpp"
#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr NumRange kShare{0.0, 1.0};
constexpr NumRange kPositive{0.0, kInf, true};

bool is_run_name(const std::string& s) {
  // A name becomes part of file names: keep it to characters safe everywhere.
  auto safe = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  };
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), safe);
}

// run.end is a second way to give run.steps; it is kept aside until
// run.start and run.time_step are known (consistency.cpp resolves it).
KeyRule run_end_key() {
  KeyRule r =
      rule_for({"run.end", "date", "", "none", "after run.start",
                "End of the run, exclusive: the run stops at the first step starting on or after "
                "this date. Give run.end or run.steps, not both."});
  r.bind = [](const ValueInput& in, LoadContext& ctx) {
    if (auto d = read_date(in.value, {in.path, in.value_at}, ctx)) ctx.run_end = d;
  };
  return r;  // no emit: resolved_yaml writes run.steps instead
}

std::vector<KeyRule> run_rules() {
  return {
      text_key(
          "run.name", "1 to 64 characters from A-Z a-z 0-9 _ . -", is_run_name,
          [](auto& s) -> auto& { return s.run.name; },
          "Name of the run; the default result file is `<run.name>.h5`."),
      text_key(
          "run.description", "", nullptr, [](auto& s) -> auto& { return s.run.description; },
          "Free text kept in the result file."),
      date_key(
          "run.start", [](auto& s) -> auto& { return s.run.start; }, "Date of the first step."),
      run_end_key(),
      integer_key(
          "run.steps", "steps", {1, 1'000'000}, [](auto& s) -> auto& { return s.run.steps; },
          "Number of steps to run (or give run.end)."),
      choice_key(
          "run.time_step", {"week", "month"}, [](auto& s) -> auto& { return s.run.step_unit; },
          "Length of one step."),
      integer_key(
          "run.seed", "", {0, std::numeric_limits<std::int64_t>::max()},
          [](auto& s) -> auto& { return s.run.seed; },
          "Seed of every random stream: the same seed gives the same result."),
      integer_key(
          "run.threads", "threads", {0, 1024}, [](auto& s) -> auto& { return s.run.threads; },
          "Worker threads; 0 = all hardware threads."),
      integer_key(
          "run.spinup", "steps", {0, 1200}, [](auto& s) -> auto& { return s.run.spinup; },
          "Steps simulated before run.start, with the levers in force at the start, and not "
          "recorded: the district settles (queues, complaints, jobs, unrest) before the first "
          "recorded step. 0 = none."),
  };
}

std::vector<KeyRule> world_rules() {
  std::vector<KeyRule> rules{
      integer_key(
          "world.width", "cells", {1, 10'000}, [](auto& s) -> auto& { return s.world.width; },
          "Map width (x) in cells. A raster map's is the raster's: give it only to check."),
      integer_key(
          "world.height", "cells", {1, 10'000}, [](auto& s) -> auto& { return s.world.height; },
          "Map height (y) in cells. A raster map's is the raster's: give it only to check."),
      number_key(
          "world.cell_km", "km", {0.0, 100.0, true},
          [](auto& s) -> auto& { return s.world.cell_km; }, "Side of a square cell."),
      generator_kind_rule(),
      cell_key(
          "world.generator.centre", [](auto& s) -> auto& { return s.world.generator.centre; },
          "Cell of the city centre, 0-based [x, y]; must lie on the map. For kind monocentric. "
          "Left out: the middle cell of the map, [width / 2, height / 2] (rounded down)."),
      generator_centres_rule(),
      number_key(
          "world.generator.core_radius_km", "km", kPositive,
          [](auto& s) -> auto& { return s.world.generator.core_radius_km; },
          "Cells within this distance of the centre are urban core."),
      number_key(
          "world.generator.fringe_radius_km", "km", kPositive,
          [](auto& s) -> auto& { return s.world.generator.fringe_radius_km; },
          "Cells beyond the core and within this distance are urban-rural fringe (城乡结合部); "
          "at least core_radius_km."),
      number_key(
          "world.generator.suburb_radius_km", "km", kPositive,
          [](auto& s) -> auto& { return s.world.generator.suburb_radius_km; },
          "Cells beyond the fringe and within this distance are suburb; farther cells are "
          "rural. At least fringe_radius_km."),
      number_key(
          "world.generator.urban_village_share", "1", kShare,
          [](auto& s) -> auto& { return s.world.generator.urban_village_share; },
          "Share of fringe cells that are urban villages (城中村)."),
  };
  for (auto& r : raster_rules()) rules.push_back(std::move(r));
  mark_map_rules(rules);  // which of these a generated or a drawn map uses
  for (std::size_t z = 0; z < kZoneCount; ++z) {
    const std::string zone = kZoneNames[z];
    rules.push_back(integer_key(
        "world.capacity." + zone, "households/cell",
        {0, 100'000}, [z](auto& s) -> auto& { return s.world.capacity[z]; },
        "Homes in one cell of zone " + zone + ", in simulated households."));
  }
  for (std::size_t z = 0; z < kZoneCount; ++z) {
    const std::string zone = kZoneNames[z];
    rules.push_back(number_key(
        "world.rent." + zone, "yuan/month",
        {0.0, 1e6}, [z](auto& s) -> auto& { return s.world.rent[z]; },
        "Monthly rent of one home in a cell of zone " + zone + "."));
  }
  return rules;
}

std::vector<KeyRule> people_rules() {
  return {
      integer_key(
          "population.households", "households", {0, 100'000'000},
          [](auto& s) -> auto& { return s.population.households; },
          "Simulated households at the start."),
      number_key(
          "population.scale", "households", {0.0, 1e9, true},
          [](auto& s) -> auto& { return s.population.scale; },
          "Real households each simulated household stands for."),
      number_key(
          "population.migrant_share", "1", kShare,
          [](auto& s) -> auto& { return s.population.migrant_share; },
          "Share of the initial households in the city's zones who are migrants (流动人口), registered "
          "elsewhere; households in rural cells are villagers with rural registration."),
      choice_key(
          "population.migrant_assignment", {"random", "exact"},
          [](auto& s) -> auto& { return s.population.migrant_assignment; },
          "How the initial migrants are drawn: random = each household in the city's zones is a "
          "migrant with probability migrant_share; exact = exactly round(migrant_share x those "
          "households) are, a uniformly random subset of them (e.g. two equal groups)."),
      number_key(
          "population.mean_household_size", "persons", {1.0, 20.0},
          [](auto& s) -> auto& { return s.population.mean_household_size; },
          "Mean persons per household."),
      bool_key(
          "migration.enabled", [](auto& s) -> auto& { return s.migration.enabled; },
          "Whether migrants arrive, return home and settle."),
      number_key(
          "migration.inflow_rate", "1/year", kShare,
          [](auto& s) -> auto& { return s.migration.inflow_rate; },
          "Arriving migrant households per year, as a share of all households."),
      number_key(
          "migration.return_rate", "1/year", kShare,
          [](auto& s) -> auto& { return s.migration.return_rate; },
          "Yearly chance that a migrant household returns home."),
      number_key(
          "migration.settlement_rate", "1/year", kShare,
          [](auto& s) -> auto& { return s.migration.settlement_rate; },
          "Yearly chance that an eligible migrant household registers as resident (市民化), "
          "at policy.hukou.openness = 1; scaled by the openness."),
      number_key(
          "migration.settlement_min_years", "years", {0.0, 100.0},
          [](auto& s) -> auto& { return s.migration.settlement_min_years; },
          "Years in the city before a migrant household may settle."),
      bool_key(
          "relocation.enabled", [](auto& s) -> auto& { return s.relocation.enabled; },
          "Whether households move within the city."),
      choice_key(
          "relocation.activation", {"synchronous", "sequential"},
          [](auto& s) -> auto& { return s.relocation.activation; },
          "synchronous = all households decide from the state at the start of the step and "
          "claims on vacant homes are settled afterwards (parallel); sequential = one at a time "
          "in a random order drawn each step, each move seen at once by the next (the canonical "
          "Schelling model, serial)."),
      integer_key(
          "relocation.radius", "cells", {1, 50},
          [](auto& s) -> auto& { return s.relocation.radius; },
          "Neighbourhood radius (Chebyshev distance) for judging neighbours."),
      number_key(
          "relocation.min_same_share", "1", kShare,
          [](auto& s) -> auto& { return s.relocation.min_same_share; },
          "A household is content if at least this share of its neighbours is of its group."),
      integer_key(
          "relocation.min_same_count", "households", {0, 10'000},
          [](auto& s) -> auto& { return s.relocation.min_same_count; },
          "... and at least this many neighbours are of its group."),
      number_key(
          "relocation.move_probability", "1/step", kShare,
          [](auto& s) -> auto& { return s.relocation.move_probability; },
          "Chance per step that a discontented household looks for another home."),
  };
}

std::vector<KeyRule> policy_rules() {
  std::vector<KeyRule> rules;
  for (const auto& lever : kLeverTable) {
    const auto i = static_cast<std::size_t>(lever.id);
    rules.push_back(number_key(
        "policy." + std::string(lever.path), std::string(lever.unit),
        {lever.min, lever.max}, [i](auto& s) -> auto& { return s.policy[i]; },
        std::string(lever.description) + " Value at the start; the "
                                         "schedule changes it over time."));
  }
  return rules;
}

std::vector<KeyRule> output_rules() {
  return {
      text_key(
          "output.path", "", nullptr, [](auto& s) -> auto& { return s.output.path; },
          "Result file; \"\" = `<run.name>.h5` in the working directory."),
      integer_key(
          "output.flush_every", "steps", {1, 100'000},
          [](auto& s) -> auto& { return s.output.flush_every; },
          "Steps buffered in memory between writes to disk."),
      integer_key(
          "output.map_every", "steps", {0, 100'000},
          [](auto& s) -> auto& { return s.output.map_every; },
          "Steps between per-cell map snapshots; 0 = no maps."),
      integer_key(
          "output.compression", "", {0, 9}, [](auto& s) -> auto& { return s.output.compression; },
          "Deflate level of the result file, 0 = none."),
      integer_key(
          "output.panel", "households", {0, 100'000}, [](auto& s) -> auto& { return s.output.panel; },
          "Simulated households followed one by one every step, drawn at random among those at the start "
          "(/entities/households: registration, zone, cell, income, employment, unmet needs, protest, "
          "detention; docs/FORMAT.md, \"Household panel\"); 0 = none."),
  };
}

std::vector<KeyRule> build_rules() {
  std::vector<KeyRule> all;
  for (auto part : {run_rules(), world_rules(), people_rules(), rural_migration_rules(),
                    economy_rules(), demography_rules(), services_rules(), social_rules(), costs_rules(), renewal_rules(), family_rules(), insurance_rules(), policy_rules(),
                    // After run: schedule dates resolve against run.start and run.time_step.
                    std::vector<KeyRule>{schedule_rule()}, output_rules()}) {
    for (auto& r : part) all.push_back(std::move(r));
  }
  // Keep each top-level section's keys together (parts in other files may add
  // keys to a section listed earlier): resolved_yaml writes one block per section.
  std::vector<std::string> sections;
  const auto section_of = [&](const KeyRule& r) {
    const std::string head = r.doc.path.substr(0, r.doc.path.find_first_of(".["));
    const auto it = std::find(sections.begin(), sections.end(), head);
    if (it != sections.end()) return static_cast<std::size_t>(it - sections.begin());
    sections.push_back(head);
    return sections.size() - 1;
  };
  for (const auto& r : all) section_of(r);
  std::stable_sort(all.begin(), all.end(),
                   [&](const KeyRule& a, const KeyRule& b) { return section_of(a) < section_of(b); });
  const Scenario defaults;
  for (auto& r : all)
    if (r.doc.default_value.empty() && r.emit) r.doc.default_value = r.emit(defaults);
  return all;
}

std::vector<std::string> leaf_paths(const std::vector<KeyRule>& rules) {
  std::vector<std::string> paths;
  for (const auto& r : rules) paths.push_back(r.doc.path);
  return paths;
}

}  // namespace

const std::vector<KeyRule>& key_rules() {
  static const std::vector<KeyRule> rules = build_rules();
  return rules;
}

const KeyTree& key_tree() {
  static const KeyTree tree(leaf_paths(key_rules()));
  return tree;
}

}  // namespace zhili::scenario_detail
