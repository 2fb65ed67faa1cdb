// Defaults, run length resolution, resolved_yaml round trips, summary.
#include <gtest/gtest.h>

#include <sstream>

#include "scenario/schema.hpp"
#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::load_ok;

void expect_same_services(const ServicesSpec& a, const ServicesSpec& b) {
  EXPECT_EQ(a.enabled, b.enabled);
  EXPECT_EQ(a.travel_speed_kmh, b.travel_speed_kmh);
  EXPECT_EQ(a.service_radius_km, b.service_radius_km);
  EXPECT_EQ(a.permit_access, b.permit_access);
  EXPECT_EQ(a.trip_cost_minutes, b.trip_cost_minutes);
  EXPECT_EQ(a.online.enabled, b.online.enabled);
  EXPECT_EQ(a.online.capacity_per_day, b.online.capacity_per_day);
  EXPECT_EQ(a.online.failure_rate, b.online.failure_rate);
  EXPECT_EQ(a.online.cost_per_year, b.online.cost_per_year);
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    const NeedSpec& x = a.needs[n];
    const NeedSpec& y = b.needs[n];
    EXPECT_EQ(x.base_rate, y.base_rate) << n;
    EXPECT_EQ(x.per_child, y.per_child) << n;
    EXPECT_EQ(x.per_elderly, y.per_elderly) << n;
    EXPECT_EQ(x.per_worker, y.per_worker) << n;
    EXPECT_EQ(x.migrant_factor, y.migrant_factor) << n;
    EXPECT_EQ(x.departments, y.departments) << n;
    EXPECT_EQ(x.deadline_days, y.deadline_days) << n;
    EXPECT_EQ(x.importance, y.importance) << n;
    EXPECT_EQ(x.service_minutes, y.service_minutes) << n;
    EXPECT_EQ(x.missing_document, y.missing_document) << n;
    EXPECT_EQ(x.restricted, y.restricted) << n;
  }
  ASSERT_EQ(a.outlets.size(), b.outlets.size());
  for (std::size_t i = 0; i < a.outlets.size(); ++i) {
    const OutletSpec& x = a.outlets[i];
    const OutletSpec& y = b.outlets[i];
    EXPECT_EQ(x.name, y.name) << i;
    EXPECT_EQ(x.x, y.x) << i;
    EXPECT_EQ(x.y, y.y) << i;
    EXPECT_EQ(x.kind, y.kind) << i;
    EXPECT_EQ(x.needs, y.needs) << i;
    EXPECT_EQ(x.windows, y.windows) << i;
    EXPECT_EQ(x.service_cv, y.service_cv) << i;
    EXPECT_EQ(x.speed, y.speed) << i;
    EXPECT_EQ(x.days_per_week, y.days_per_week) << i;
    EXPECT_EQ(x.open_hour, y.open_hour) << i;
    EXPECT_EQ(x.close_hour, y.close_hour) << i;
    EXPECT_EQ(x.operated_by, y.operated_by) << i;
    EXPECT_EQ(x.cost_per_window, y.cost_per_window) << i;
    EXPECT_EQ(x.error_rate, y.error_rate) << i;
    EXPECT_EQ(x.open_at_start, y.open_at_start) << i;
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const OutletEvent& x = a.events[i];
    const OutletEvent& y = b.events[i];
    EXPECT_EQ(x.kind, y.kind) << i;
    EXPECT_EQ(x.step, y.step) << i;
    EXPECT_EQ(x.outlet, y.outlet) << i;
    EXPECT_EQ(x.windows, y.windows) << i;
    EXPECT_EQ(x.needs, y.needs) << i;
    EXPECT_EQ(x.order, y.order) << i;
  }
}

// Every value a run depends on (not the provenance fields).
void expect_same_run(const Scenario& a, const Scenario& b) {
  EXPECT_EQ(a.run.name, b.run.name);
  EXPECT_EQ(a.run.description, b.run.description);
  EXPECT_EQ(a.run.start, b.run.start);
  EXPECT_EQ(a.run.steps, b.run.steps);
  EXPECT_EQ(a.run.step_unit, b.run.step_unit);
  EXPECT_EQ(a.run.seed, b.run.seed);
  EXPECT_EQ(a.run.threads, b.run.threads);
  EXPECT_EQ(a.world.width, b.world.width);
  EXPECT_EQ(a.world.height, b.world.height);
  EXPECT_EQ(a.world.cell_km, b.world.cell_km);
  EXPECT_EQ(a.world.generator.centre.x, b.world.generator.centre.x);
  EXPECT_EQ(a.world.generator.centre.y, b.world.generator.centre.y);
  EXPECT_EQ(a.world.generator.core_radius_km, b.world.generator.core_radius_km);
  EXPECT_EQ(a.world.generator.fringe_radius_km, b.world.generator.fringe_radius_km);
  EXPECT_EQ(a.world.generator.suburb_radius_km, b.world.generator.suburb_radius_km);
  EXPECT_EQ(a.world.generator.urban_village_share, b.world.generator.urban_village_share);
  EXPECT_EQ(a.world.capacity, b.world.capacity);
  EXPECT_EQ(a.world.rent, b.world.rent);
  EXPECT_EQ(a.population.households, b.population.households);
  EXPECT_EQ(a.population.scale, b.population.scale);
  EXPECT_EQ(a.population.migrant_share, b.population.migrant_share);
  EXPECT_EQ(a.population.migrant_assignment, b.population.migrant_assignment);
  EXPECT_EQ(a.population.mean_household_size, b.population.mean_household_size);
  EXPECT_EQ(a.migration.enabled, b.migration.enabled);
  EXPECT_EQ(a.migration.inflow_rate, b.migration.inflow_rate);
  EXPECT_EQ(a.migration.return_rate, b.migration.return_rate);
  EXPECT_EQ(a.migration.settlement_rate, b.migration.settlement_rate);
  EXPECT_EQ(a.migration.settlement_min_years, b.migration.settlement_min_years);
  EXPECT_EQ(a.relocation.enabled, b.relocation.enabled);
  EXPECT_EQ(a.relocation.activation, b.relocation.activation);
  EXPECT_EQ(a.relocation.radius, b.relocation.radius);
  EXPECT_EQ(a.relocation.min_same_share, b.relocation.min_same_share);
  EXPECT_EQ(a.relocation.min_same_count, b.relocation.min_same_count);
  EXPECT_EQ(a.relocation.move_probability, b.relocation.move_probability);
  EXPECT_EQ(a.policy, b.policy);
  ASSERT_EQ(a.schedule.size(), b.schedule.size());
  for (std::size_t i = 0; i < a.schedule.size(); ++i) {
    const auto& x = a.schedule[i];
    const auto& y = b.schedule[i];
    EXPECT_EQ(x.kind, y.kind) << i;
    EXPECT_EQ(x.lever, y.lever) << i;
    EXPECT_EQ(x.from_step, y.from_step) << i;
    EXPECT_EQ(x.to_step, y.to_step) << i;
    EXPECT_EQ(x.from_value, y.from_value) << i;
    EXPECT_EQ(x.to_value, y.to_value) << i;
    EXPECT_EQ(x.order, y.order) << i;
  }
  expect_same_services(a.services, b.services);
  EXPECT_EQ(a.output.path, b.output.path);
  EXPECT_EQ(a.output.flush_every, b.output.flush_every);
  EXPECT_EQ(a.output.map_every, b.output.map_every);
  EXPECT_EQ(a.output.compression, b.output.compression);
}

std::string without_comments(const std::string& yaml) {
  std::istringstream in(yaml);
  std::string out, line;
  while (std::getline(in, line))
    if (line.rfind("#", 0) != 0) out += line + "\n";
  return out;
}

void expect_round_trip(const Scenario& s) {
  const std::string yaml = resolved_yaml(s);
  const Scenario again = load_ok(yaml);
  expect_same_run(s, again);
  EXPECT_EQ(without_comments(resolved_yaml(again)), without_comments(yaml));
}

TEST(ScenarioResolve, EmptyFileGivesDefaults) {
  for (const char* text : {"", "\n", "# nothing here\n", "run:\nworld:\n  generator:\n"}) {
    const Scenario s = load_ok(text);
    expect_same_run(s, Scenario{});
    EXPECT_EQ(s.source_text, text);
    EXPECT_EQ(s.source_path, "s.yaml");
  }
}

TEST(ScenarioResolve, AbsentKeysKeepDefaults) {
  const Scenario s = load_ok("world:\n  width: 200\npolicy:\n  hukou.permit_coverage: 0.9\n");
  const Scenario d;
  EXPECT_EQ(s.world.width, 200);
  EXPECT_EQ(s.world.height, d.world.height);
  EXPECT_EQ(s.policy[1], 0.9);
  EXPECT_EQ(s.policy[0], d.policy[0]);
  EXPECT_EQ(s.run.steps, d.run.steps);
}

TEST(ScenarioResolve, RunEndGivesStepsForMonthsAndWeeks) {
  EXPECT_EQ(load_ok("run: {start: 2015-01, end: 2025-01}").run.steps, 120);
  EXPECT_EQ(load_ok("run: {start: 2015-01-15, end: 2015-03}").run.steps, 2);
  EXPECT_EQ(load_ok("run: {start: 2015-01-15, end: 2015-03-16}").run.steps, 3);
  // 59 days: 8 whole weeks and a part; the step starting 2015-02-26 is the last.
  EXPECT_EQ(load_ok("run: {start: 2015-01-01, end: 2015-03-01, time_step: week}").run.steps, 9);
  EXPECT_EQ(load_ok("run: {start: 2015-01-01, end: 2015-01-02, time_step: week}").run.steps, 1);
}

TEST(ScenarioResolve, KeyLocationsPointAtValues) {
  const Scenario s = load_ok("run:\n  seed: 7\nworld:\n  generator: {centre: [1, 2]}\n");
  EXPECT_EQ(s.key_locations.at("run.seed").line, 2);
  EXPECT_EQ(s.key_locations.at("run.seed").column, 9);
  EXPECT_EQ(s.key_locations.at("run").line, 2);
  EXPECT_EQ(s.key_locations.at("world.generator.centre").line, 4);
  EXPECT_EQ(s.key_locations.at("world.generator.centre").column, 23);
  EXPECT_EQ(s.key_locations.count("run.steps"), 0u);
}

TEST(ScenarioResolve, ResolvedYamlHasEveryKeyButRunEnd) {
  const std::string yaml = resolved_yaml(load_ok("run: {end: 2016-01}"));
  EXPECT_NE(yaml.find("  steps: 12\n"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("end:"), std::string::npos) << yaml;
  for (const auto& key : schema_keys()) {
    if (key.path == "run.end" || key.path.find('[') != std::string::npos) continue;
    // Keys of the other ways to make a map (tests/world/map_scenario_test.cpp).
    if (key.path == "world.generator.centres" || key.path.rfind("world.raster.", 0) == 0) continue;
    const std::string leaf = key.path.substr(key.path.rfind('.') + 1);
    EXPECT_NE(yaml.find(leaf + ":"), std::string::npos) << key.path;
  }
}

TEST(ScenarioResolve, RoundTripOfDefaults) { expect_round_trip(load_ok("")); }

TEST(ScenarioResolve, RoundTripOfTheSchellingBenchmark) {
  const Scenario s =
      load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/bench/schelling-large.yaml");
  EXPECT_EQ(s.relocation.activation, RelocationActivation::sequential);
  EXPECT_EQ(s.population.migrant_assignment, MigrantAssignment::exact);
  expect_round_trip(s);
}

TEST(ScenarioResolve, RoundTripOfTheDefaultScenarioWithOverrides) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml",
                                   {"run.seed=99", "policy.hukou.openness=0.25"});
  expect_round_trip(s);
}

TEST(ScenarioResolve, RoundTripOfAwkwardValues) {
  const Scenario s = load_ok(
      "run:\n"
      "  name: a.b-c_1\n"
      "  description: \"quote \\\" backslash \\\\ tab \\t newline \\n 户籍 \\x01\"\n"
      "  start: 2015-01-31\n"
      "  end: 2017-03-02\n"
      "  seed: 9223372036854775807\n"
      "world:\n"
      "  cell_km: 0.1\n"
      "  rent: {fringe: 1234.5678901234567}\n"
      "population:\n"
      "  scale: 1e9\n"
      "  migrant_share: 0.30000000000000004\n"
      "output:\n"
      "  path: \"out dir/r: 1.h5\"\n"
      "schedule:\n"
      "  - {at: 2016-02-29, set: {hukou.permit_coverage: 0.1, hukou.openness: 0.2}}\n"
      "  - {from: 2015-03-15, to: 2016-01-01, ramp: {hukou.openness: [0.3, 0.9]}}\n"
      "  - {from: 2016-04-02, to: 2016-04-20, ramp: {hukou.openness: [0.5, 0.55]}}\n"
      "  - {at: 2015-01-31, set: {hukou.openness: 0.0}}\n");
  EXPECT_EQ(s.run.description, "quote \" backslash \\ tab \t newline \n 户籍 \x01");
  expect_round_trip(s);
  const Scenario weekly = load_ok(
      "run: {start: 2015-01-01, time_step: week, steps: 400}\n"
      "schedule:\n"
      "  - {from: 2015-01-03, to: 2015-06-30, ramp: {hukou.openness: [0, 1]}}\n"
      "  - {at: 2015-01-03, set: {hukou.permit_coverage: 1}}\n");
  expect_round_trip(weekly);
}

TEST(ScenarioResolve, RoundTripOfServices) {
  const Scenario s = load_ok(
      "run: {start: 2015-01-15, time_step: week, steps: 300}\n"
      "world: {width: 40, height: 30, generator: {centre: [20, 15]}}\n"
      "services:\n"
      "  enabled: true\n"
      "  service_radius_km: 1.25\n"
      "  platform: {enabled: false, capacity_per_day: 250.5}\n"
      "  needs:\n"
      "    school_enrolment: {per_child: 0.3, departments: 5, restricted: false}\n"
      "  outlets:\n"
      "    - {name: hall, cell: [20, 15], kind: district_centre, windows: 10, hours: [8.5, 17.25]}\n"
      "    - {name: \"ngo-2\", cell: [0, 29], kind: social_organisation, needs: [elderly_care]}\n"
      "    - {name: w.school, cell: [21, 15], kind: department_window, needs: [],\n"
      "       open_at_start: false, operator: social_organisation}\n"
      "policy:\n"
      "  services: {integration: 0.7, online: {elderly_care: 0.25}}\n"
      "schedule:\n"
      "  - {at: 2016-03-02, outlet: {add_needs: [school_enrolment, registration], open: true,\n"
      "                              name: w.school}}\n"
      "  - {from: 2015-06, to: 2017-01, ramp: {services.data_sharing: [0, 0.9]}}\n"
      "  - {at: 2015-02, outlet: {name: hall, windows: 14}}\n"
      "  - {at: 2016-03-02, outlet: {name: ngo-2, close: true}}\n"
      "  - {at: 2015-02, set: {services.online.registration: 1}}\n");
  ASSERT_EQ(s.services.events.size(), 4u);
  EXPECT_EQ(s.services.outlets[2].needs, 0);
  expect_round_trip(s);
  const std::string yaml = resolved_yaml(s);
  EXPECT_NE(yaml.find("  outlets:\n    - {name: \"hall\", cell: [20, 15], kind: district_centre, "
                      "needs: all, windows: 10, "),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("  - {at: 2016-03-03, outlet: {name: \"w.school\", open: true, add_needs: "
                      "[registration, school_enrolment]}}\n"),
            std::string::npos)
      << yaml;
}

TEST(ScenarioResolve, SummaryNamesTheEssentials) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml");
  const std::string text = summary(s);
  for (const char* part :
       {"default", "2015-01-01 -> 2031-01-01", "192 steps x 1 month", "120 x 100 cells x 0.5 km",
        "50000 simulated x 4 = 200000 real", "hukou.openness = 0.2", "5 lever change(s)"})
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

}  // namespace
}  // namespace zhili
