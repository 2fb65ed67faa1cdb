// The scenario schema: one entry per key, in the order docs/SCENARIOS.md and
// resolved_yaml() present them. To add a key, add its field to scenario.hpp
// and one entry here; docs/SCENARIOS.md must then document it (a test checks).
#include <algorithm>
#include <cmath>
#include <limits>

#include "scenario/detail/key_rules.hpp"
#include "scenario/detail/messages.hpp"
#include "scenario/detail/schedule_yaml.hpp"

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

// Only one generator exists yet; the key is there so files say which they use.
KeyRule generator_kind_key() {
  static constexpr std::string_view kKinds[] = {"monocentric"};
  KeyRule r = rule_for(
      {"world.generator.kind", "enum", "", "", "monocentric",
       "How the map is generated: monocentric = zones in rings by distance from the centre "
       "(urban core, fringe with urban villages, suburb, rural hinterland)."});
  r.bind = [](const ValueInput& in, LoadContext& ctx) {
    read_choice(in.value, {in.path, in.value_at}, kKinds, ctx);
  };
  r.emit = [](const Scenario&) { return std::string(kKinds[0]); };
  return r;
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
  };
}

std::vector<KeyRule> world_rules() {
  std::vector<KeyRule> rules{
      integer_key(
          "world.width", "cells", {1, 10'000}, [](auto& s) -> auto& { return s.world.width; },
          "Map width (x) in cells."),
      integer_key(
          "world.height", "cells", {1, 10'000}, [](auto& s) -> auto& { return s.world.height; },
          "Map height (y) in cells."),
      number_key(
          "world.cell_km", "km", {0.0, 100.0, true},
          [](auto& s) -> auto& { return s.world.cell_km; }, "Side of a square cell."),
      generator_kind_key(),
      cell_key(
          "world.generator.centre", [](auto& s) -> auto& { return s.world.generator.centre; },
          "Cell of the city centre, 0-based [x, y]; must lie on the map."),
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
          "Share of the initial households who are migrants (流动人口), registered elsewhere."),
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
  };
}

std::vector<KeyRule> build_rules() {
  std::vector<KeyRule> all;
  for (auto part : {run_rules(), world_rules(), people_rules(), policy_rules(),
                    // After run: schedule dates resolve against run.start and run.time_step.
                    std::vector<KeyRule>{schedule_rule()}, output_rules()}) {
    for (auto& r : part) all.push_back(std::move(r));
  }
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
