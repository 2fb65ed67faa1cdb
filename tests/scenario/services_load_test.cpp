// The services section: its keys, the outlets list, outlet changes in the
// schedule, the services levers under policy, and the errors of each.
#include <gtest/gtest.h>

#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

std::size_t need(NeedType n) { return static_cast<std::size_t>(n); }

const std::string kFull =
    "world: {width: 60, height: 40, generator: {centre: [30, 20]}}\n"        // 1
    "services:\n"                                                            // 2
    "  enabled: true\n"                                                      // 3
    "  travel_speed_kmh: 12\n"                                               // 4
    "  service_radius_km: 1.5\n"                                             // 5
    "  permit_access: 0.7\n"                                                 // 6
    "  trip_cost_minutes: 45\n"                                              // 7
    "  platform: {enabled: false, capacity_per_day: 500, failure_rate: 0.2, cost_per_year: 3e6}\n"
    "  needs:\n"                                                             // 9
    "    school_enrolment: {base_rate: 0.01, per_child: 0.2, departments: 4,\n"
    "                       deadline_days: 45, restricted: false}\n"         // 11
    "    elderly_care.per_elderly: 0.5\n"                                    // 12
    "  outlets:\n"                                                           // 13
    "    - {name: centre, cell: [30, 20], kind: district_centre, windows: 12,\n"
    "       hours: [8.5, 17.5], days_per_week: 6}\n"                         // 15
    "    - name: north-station\n"                                            // 16
    "      cell: [30, 5]\n"                                                  // 17
    "      needs: [registration, social_insurance]\n"                        // 18
    "      open_at_start: false\n"                                           // 19
    "    - {name: ngo.1, cell: [10, 10], kind: social_organisation, needs: [elderly_care],\n"
    "       cost_per_window: 80000, error_rate: 0.05, service_cv: 0.8, speed: 1.2}\n"
    "policy:\n"                                                              // 22
    "  services: {integration: 0.6, online: {registration: 0.5}}\n"          // 23
    "  services.data_sharing: 0.4\n"                                         // 24
    "schedule:\n"                                                            // 25
    "  - {at: 2016-01, set: {services.online.registration: 0.8}}\n"          // 26
    "  - at: 2017-03\n"                                                      // 27
    "    outlet: {name: north-station, open: true}\n"                        // 28
    "  - {at: 2016-01, outlet: {name: centre, add_needs: all, windows: 16}}\n"
    "  - {at: 2016-01, outlet: {add_needs: [school_enrolment], name: ngo.1}}\n";

TEST(ScenarioServices, DefaultsAreTheSpecsDefaults) {
  const Scenario s = load_ok("");
  EXPECT_FALSE(s.services.enabled);
  EXPECT_TRUE(s.services.outlets.empty());
  EXPECT_TRUE(s.services.events.empty());
  const auto defaults = ServicesSpec::default_needs();
  EXPECT_EQ(s.services.needs[need(NeedType::business_licence)].departments,
            defaults[need(NeedType::business_licence)].departments);
  EXPECT_EQ(s.policy[static_cast<std::size_t>(LeverId::services_online_registration)], 0.3);
}

TEST(ScenarioServices, FullSectionLoads) {
  const Scenario s = load_ok(kFull);
  const ServicesSpec& v = s.services;
  EXPECT_TRUE(v.enabled);
  EXPECT_EQ(v.travel_speed_kmh, 12.0);
  EXPECT_EQ(v.service_radius_km, 1.5);
  EXPECT_EQ(v.permit_access, 0.7);
  EXPECT_EQ(v.trip_cost_minutes, 45.0);
  EXPECT_FALSE(v.online.enabled);
  EXPECT_EQ(v.online.capacity_per_day, 500.0);
  EXPECT_EQ(v.online.failure_rate, 0.2);
  EXPECT_EQ(v.online.cost_per_year, 3e6);
  const NeedSpec& school = v.needs[need(NeedType::school_enrolment)];
  EXPECT_EQ(school.base_rate, 0.01);
  EXPECT_EQ(school.per_child, 0.2);
  EXPECT_EQ(school.departments, 4);
  EXPECT_EQ(school.deadline_days, 45.0);
  EXPECT_FALSE(school.restricted);
  EXPECT_EQ(school.service_minutes, 25.0);  // not given: the default
  EXPECT_EQ(v.needs[need(NeedType::elderly_care)].per_elderly, 0.5);

  ASSERT_EQ(v.outlets.size(), 3u);
  const OutletSpec& centre = v.outlets[0];
  EXPECT_EQ(centre.name, "centre");
  EXPECT_EQ(centre.x, 30);
  EXPECT_EQ(centre.y, 20);
  EXPECT_EQ(centre.kind, OutletKindSpec::district_centre);
  EXPECT_EQ(centre.needs, kAllNeeds);
  EXPECT_EQ(centre.windows, 12);
  EXPECT_EQ(centre.open_hour, 8.5);
  EXPECT_EQ(centre.close_hour, 17.5);
  EXPECT_EQ(centre.days_per_week, 6);
  EXPECT_EQ(centre.operated_by, OutletOperator::government);
  const OutletSpec& north = v.outlets[1];
  EXPECT_EQ(north.kind, OutletKindSpec::street_station);  // the default kind
  EXPECT_EQ(north.needs, need_bit(NeedType::registration) | need_bit(NeedType::social_insurance));
  EXPECT_FALSE(north.open_at_start);
  const OutletSpec& ngo = v.outlets[2];
  EXPECT_EQ(ngo.operated_by, OutletOperator::social_organisation);  // from its kind
  EXPECT_EQ(ngo.needs, need_bit(NeedType::elderly_care));
  EXPECT_EQ(ngo.cost_per_window, 80000.0);
  EXPECT_EQ(ngo.error_rate, 0.05);
  EXPECT_EQ(ngo.service_cv, 0.8);
  EXPECT_EQ(ngo.speed, 1.2);

  // Levers under policy, nested or dotted, and in the schedule.
  EXPECT_EQ(s.policy[static_cast<std::size_t>(LeverId::services_integration)], 0.6);
  EXPECT_EQ(s.policy[static_cast<std::size_t>(online_lever(need(NeedType::registration)))], 0.5);
  EXPECT_EQ(s.policy[static_cast<std::size_t>(LeverId::services_data_sharing)], 0.4);
  ASSERT_EQ(s.schedule.size(), 1u);
  EXPECT_EQ(s.schedule[0].lever, LeverId::services_online_registration);

  // Outlet changes by step, then file order; within an entry: open/close, windows, add_needs.
  ASSERT_EQ(v.events.size(), 4u);
  using K = OutletEvent::Kind;
  EXPECT_EQ(v.events[0].kind, K::set_windows);
  EXPECT_EQ(v.events[0].outlet, "centre");
  EXPECT_EQ(v.events[0].step, 12);
  EXPECT_EQ(v.events[0].windows, 16);
  EXPECT_EQ(v.events[0].order, 2);
  EXPECT_EQ(v.events[1].kind, K::add_needs);
  EXPECT_EQ(v.events[1].needs, kAllNeeds);
  EXPECT_EQ(v.events[1].order, 2);
  EXPECT_EQ(v.events[2].outlet, "ngo.1");
  EXPECT_EQ(v.events[2].needs, need_bit(NeedType::school_enrolment));
  EXPECT_EQ(v.events[2].order, 3);
  EXPECT_EQ(v.events[3].kind, K::open);
  EXPECT_EQ(v.events[3].outlet, "north-station");
  EXPECT_EQ(v.events[3].step, 26);
  EXPECT_EQ(v.events[3].order, 1);

  EXPECT_EQ(s.key_locations.at("services.outlets[1].cell").line, 17);
  EXPECT_EQ(s.key_locations.at("schedule[1].outlet.name").line, 28);
  const std::string text = summary(s);
  EXPECT_NE(text.find("3 outlet(s) listed"), std::string::npos) << text;
  EXPECT_NE(text.find("1 lever change(s), 4 outlet change(s)"), std::string::npos) << text;
}

TEST(ScenarioServices, OverridesReachServicesKeys) {
  const Scenario s = load_ok(kFull, {"services.needs.employment.departments=3",
                                     "services.platform.failure_rate=0.5",
                                     "policy.services.online.employment=0.9"});
  EXPECT_EQ(s.services.needs[need(NeedType::employment)].departments, 3);
  EXPECT_EQ(s.services.online.failure_rate, 0.5);
  EXPECT_EQ(s.policy[static_cast<std::size_t>(LeverId::services_online_employment)], 0.9);
}

// ---- errors in the outlets list ----

TEST(ScenarioServices, BadKindSuggestsTheKind) {
  const Diagnostic d = only_error(
      "services:\n"
      "  outlets:\n"
      "    - {name: a, cell: [1, 1], kind: district_center}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 37, "services.outlets[0].kind", "invalid value");
  EXPECT_EQ(d.found, "district_center");
  EXPECT_EQ(d.expected,
            "one of district_centre, street_station, department_window, social_organisation");
  EXPECT_EQ(d.hint, "did you mean 'district_centre'?");
}

TEST(ScenarioServices, DuplicateName) {
  const Diagnostic d = only_error(
      "services:\n"
      "  outlets:\n"
      "    - {name: hall, cell: [1, 1]}\n"
      "    - {name: annex, cell: [2, 1]}\n"
      "    - name: hall\n"
      "      cell: [3, 1]\n");
  EXPECT_DIAG(d, "s.yaml", 5, 13, "services.outlets[2].name", "duplicate name");
  EXPECT_EQ(d.found, "hall");
  EXPECT_EQ(d.hint, "services.outlets[0] (line 3, column 14) has it already");
}

TEST(ScenarioServices, CellOutsideTheMap) {
  const Diagnostics d = errors_of(
      "world: {width: 60, height: 40, generator: {centre: [30, 20]}}\n"
      "services:\n"
      "  outlets:\n"
      "    - {name: a, cell: [59, 39]}\n"
      "    - {name: b, cell: [60, 5]}\n"
      "    - {name: c, cell: [5, -1], kind: stall}\n");
  ASSERT_EQ(d.size(), 3u) << d.format_all();
  // Another error in the list does not hide a cell off the map.
  EXPECT_DIAG(d.items()[0], "s.yaml", 6, 38, "services.outlets[2].kind", "invalid value");
  EXPECT_DIAG(d.items()[1], "s.yaml", 5, 23, "services.outlets[1].cell", "location outside the map");
  EXPECT_EQ(d.items()[1].found, "[60, 5]");
  EXPECT_EQ(d.items()[1].expected, "a cell inside the 60 x 40 map: 0 <= x < 60, 0 <= y < 40");
  EXPECT_DIAG(d.items()[2], "s.yaml", 6, 23, "services.outlets[2].cell", "location outside the map");
  // Checked against the size in force, also when an override changes it.
  EXPECT_DIAG(only_error("services: {outlets: [{name: a, cell: [70, 5]}]}\n", {"world.width=70"}),
              "s.yaml", 1, 38, "services.outlets[0].cell", "location outside the map");
}

TEST(ScenarioServices, BadHours) {
  Diagnostic d = only_error("services:\n  outlets:\n    - {name: a, cell: [1, 1], hours: [17, 9]}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 38, "services.outlets[0].hours", "inconsistent values");
  EXPECT_EQ(d.found, "[17, 9]");
  EXPECT_EQ(d.expected, "[open, close] with open < close");
  d = only_error("services:\n  outlets:\n    - {name: a, cell: [1, 1], hours: [8, 25]}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 42, "services.outlets[0].hours", "value out of range");
  d = only_error("services:\n  outlets:\n    - {name: a, cell: [1, 1], hours: 9}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 38, "services.outlets[0].hours", "wrong type");
}

TEST(ScenarioServices, UnknownNeedName) {
  Diagnostic d = only_error(
      "services:\n  outlets:\n    - {name: a, cell: [1, 1], needs: [employment, registraton]}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 51, "services.outlets[0].needs", "invalid value");
  EXPECT_EQ(d.hint, "did you mean 'registration'?");
  d = only_error("services:\n  outlets:\n    - {name: a, cell: [1, 1], needs: employment}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 38, "services.outlets[0].needs", "invalid value");
  EXPECT_EQ(d.hint, "one need type is a sequence of one: [employment]");
  d = only_error("services:\n  outlets:\n    - {name: a, cell: [1, 1], needs: al}\n");
  EXPECT_EQ(d.hint, "did you mean 'all'?");
  d = only_error(
      "services:\n  outlets:\n    - {name: a, cell: [1, 1], needs: [employment, employment]}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 51, "services.outlets[0].needs", "duplicate name");
  EXPECT_EQ(d.hint, "listed first at line 3, column 39");
}

TEST(ScenarioServices, MisspeltOutletKeyAndMissingParts) {
  const Diagnostics d = errors_of(
      "services:\n"
      "  outlets:\n"
      "    - {name: a, cell: [1, 1], windws: 3}\n"
      "    - {kind: street_station}\n"
      "    - 5\n"
      "    - {name: \"a b\", cell: [1, 2]}\n");
  ASSERT_EQ(d.size(), 5u) << d.format_all();
  EXPECT_DIAG(d.items()[0], "s.yaml", 3, 31, "services.outlets[0].windws", "unknown key");
  EXPECT_EQ(d.items()[0].hint, "did you mean 'windows'?");
  EXPECT_DIAG(d.items()[1], "s.yaml", 4, 7, "services.outlets[1].name", "missing key");
  EXPECT_DIAG(d.items()[2], "s.yaml", 4, 7, "services.outlets[1].cell", "missing key");
  EXPECT_DIAG(d.items()[3], "s.yaml", 5, 7, "services.outlets[2]", "wrong type");
  EXPECT_DIAG(d.items()[4], "s.yaml", 6, 14, "services.outlets[3].name", "invalid value");
}

TEST(ScenarioServices, ValuesOutOfRange) {
  const Diagnostics d = errors_of(
      "services:\n"
      "  travel_speed_kmh: 0\n"
      "  needs: {business_licence: {departments: 9, missing_document: 1.5}}\n"
      "  outlets:\n"
      "    - {name: a, cell: [1, 1], windows: 1001, days_per_week: 0, error_rate: -0.1}\n");
  ASSERT_EQ(d.size(), 6u) << d.format_all();
  EXPECT_DIAG(d.items()[0], "s.yaml", 2, 21, "services.travel_speed_kmh", "value out of range");
  EXPECT_DIAG(d.items()[1], "s.yaml", 3, 43, "services.needs.business_licence.departments",
              "value out of range");
  EXPECT_EQ(d.items()[1].expected, "an integer in [1, 8]");
  EXPECT_DIAG(d.items()[3], "s.yaml", 5, 40, "services.outlets[0].windows", "value out of range");
}

TEST(ScenarioServices, LeversWrittenOutsidePolicy) {
  Diagnostic d = only_error("services:\n  online:\n    registration: 0.5\n");
  EXPECT_DIAG(d, "s.yaml", 2, 3, "services.online", "unknown key");
  EXPECT_EQ(d.hint, "levers are set under policy: did you mean 'policy.services.online'?");
  d = only_error("services:\n  integration: 0.5\n");
  EXPECT_EQ(d.hint, "levers are set under policy: did you mean 'policy.services.integration'?");
  d = only_error("", {"services.online.registration=0.5"});
  EXPECT_DIAG(d, "--set #1", 1, 1, "services.online.registration", "unknown key");
  EXPECT_EQ(d.hint,
            "levers are set under policy: did you mean 'policy.services.online.registration'?");
  EXPECT_EQ(only_error("hukou: {openness: 0.5}\n").hint,
            "levers are set under policy: did you mean 'policy.hukou'?");
}

// ---- outlet changes in the schedule ----

const std::string kTwoOutlets =
    "services:\n"
    "  outlets:\n"
    "    - {name: centre, cell: [1, 1]}\n"
    "    - {name: station-east, cell: [5, 1], open_at_start: false}\n"
    "schedule:\n";

TEST(ScenarioServices, UnknownOutletInAnEvent) {
  Diagnostic d = only_error(kTwoOutlets + "  - {at: 2016-01, outlet: {name: station-est, open: true}}\n");
  EXPECT_DIAG(d, "s.yaml", 6, 34, "schedule[0].outlet.name", "unknown outlet");
  EXPECT_EQ(d.found, "station-est");
  EXPECT_EQ(d.hint, "did you mean 'station-east'?");
  d = only_error(kTwoOutlets + "  - {at: 2016-01, outlet: {name: depot, close: true}}\n");
  EXPECT_EQ(d.hint, "the outlets are centre, station-east");
}

TEST(ScenarioServices, OutletEventErrors) {
  const Diagnostics d = errors_of(kTwoOutlets +
                                  "  - {at: 2016-01, outlet: {name: centre, open: false}}\n"     // 6
                                  "  - {at: 2016-01, outlet: {name: centre}}\n"                  // 7
                                  "  - {at: 2016-01, outlet: {name: centre, windows: -1}}\n"     // 8
                                  "  - {at: 2016-01, outlet: {name: centre, add_needs: []}}\n"   // 9
                                  "  - {at: 2016-01, outlet: {open: true}}\n"                    // 10
                                  "  - {at: 2016-01, outlet: {name: centre, open: true, close: true}}\n"
                                  "  - {at: 2016-01, outlet: {name: centre, wndows: 3}}\n"       // 12
                                  "  - {outlet: {name: centre, open: true}}\n"                   // 13
                                  "  - {at: 2016-01, outlet: centre}\n");                        // 14
  ASSERT_EQ(d.size(), 9u) << d.format_all();
  EXPECT_DIAG(d.items()[0], "s.yaml", 6, 48, "schedule[0].outlet.open", "invalid value");
  EXPECT_EQ(d.items()[0].hint, "to close an outlet write close: true");
  EXPECT_DIAG(d.items()[1], "s.yaml", 7, 27, "schedule[1].outlet", "missing key");
  EXPECT_DIAG(d.items()[2], "s.yaml", 8, 51, "schedule[2].outlet.windows", "value out of range");
  EXPECT_DIAG(d.items()[3], "s.yaml", 9, 53, "schedule[3].outlet.add_needs", "invalid value");
  EXPECT_DIAG(d.items()[4], "s.yaml", 10, 27, "schedule[4].outlet.name", "missing key");
  EXPECT_DIAG(d.items()[5], "s.yaml", 11, 61, "schedule[5].outlet.close", "inconsistent values");
  EXPECT_DIAG(d.items()[6], "s.yaml", 12, 42, "schedule[6].outlet.wndows", "unknown key");
  EXPECT_EQ(d.items()[6].hint, "did you mean 'windows'?");
  EXPECT_DIAG(d.items()[7], "s.yaml", 13, 5, "schedule[7].at", "missing key");
  EXPECT_DIAG(d.items()[8], "s.yaml", 14, 27, "schedule[8].outlet", "wrong type");
}

TEST(ScenarioServices, OutletChangeMixedWithLeversOrARamp) {
  Diagnostic d = only_error(kTwoOutlets +
                            "  - {at: 2016-01, set: {services.integration: 0.5}, outlet: {name: "
                            "centre, open: true}}\n");
  EXPECT_DIAG(d, "s.yaml", 6, 19, "schedule[0].set", "mixed schedule entry");
  EXPECT_EQ(d.found, "'outlet' with 'set'");
  EXPECT_EQ(d.hint, "write the outlet change as an entry of its own");
  d = only_error(kTwoOutlets +
                 "  - {from: 2016-01, to: 2017-01, outlet: {name: centre, windows: 3}}\n");
  EXPECT_DIAG(d, "s.yaml", 6, 34, "schedule[0].outlet", "mixed schedule entry");
  EXPECT_EQ(d.found, "'from' with 'outlet'");
}

TEST(ScenarioServices, EventNamesOfTheDefaultLayoutWaitForTheWorld) {
  // No outlets listed: the default layout's names are known when the world is built.
  const Scenario s = load_ok("services: {enabled: true}\n"
                             "schedule:\n  - {at: 2016-01, outlet: {name: station-3, windows: 5}}\n");
  ASSERT_EQ(s.services.events.size(), 1u);
  EXPECT_EQ(s.services.events[0].outlet, "station-3");
}

TEST(ScenarioServices, NoUnknownOutletErrorsAfterABadName) {
  // The list has a refused name: which outlet an event means cannot be told.
  const Diagnostics d = errors_of(
      "services:\n  outlets:\n    - {name: \"a b\", cell: [1, 1]}\n"
      "schedule:\n  - {at: 2016-01, outlet: {name: a b, open: true}}\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].key_path, "services.outlets[0].name");
}

}  // namespace
}  // namespace zhili
