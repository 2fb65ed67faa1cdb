// Renewal projects in the schedule (scenario/renewal_spec.hpp): what a
// project entry reads into, its round trip through the resolved scenario,
// switching it off, and the errors, each at its key.
#include <gtest/gtest.h>

#include "scenario/messages.hpp"
#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

const std::string kProject =
    "schedule:\n"
    "  - name: east\n"
    "    at: 2016-03\n"
    "    renewal:\n"
    "      area: {from: [12, 8], to: [10, 9], zone: urban_village}\n"
    "      consultation_months: 4.5\n"
    "      consent: 0.75\n"
    "      demolition_months: 3\n"
    "      construction_months: 18\n"
    "      build: {zone: suburb, homes: 40, rent: 2100.5}\n"
    "      compensation: 0.8\n"
    "      resettled: 0.25\n"
    "  - {at: 2017-01, set: {hukou.openness: 0.5}}\n"
    "  - {name: farms, at: 2018-01, renewal: {area: {cells: [[1, 2], [3, 4]]}, build: {zone: fringe},\n"
    "                                        hukou_conversion: 0.6}}\n";

TEST(RenewalLoad, AProjectReadsEveryKey) {
  const Scenario s = load_ok(kProject);
  ASSERT_EQ(s.renewal.projects.size(), 2u);
  const RenewalProject& p = s.renewal.projects[0];
  EXPECT_EQ(p.order, 0);
  EXPECT_EQ(p.notice_step, 14);  // 2016-03 from 2015-01, monthly
  EXPECT_TRUE(p.area.has_rect);
  EXPECT_EQ(p.area.from.x, 12);
  EXPECT_EQ(p.area.to.y, 9);
  EXPECT_TRUE(p.area.has_zone);
  EXPECT_EQ(p.area.zone, Zone::urban_village);
  EXPECT_EQ(p.consultation_months, 4.5);
  EXPECT_EQ(p.consent, 0.75);
  EXPECT_EQ(p.demolition_months, 3);
  EXPECT_EQ(p.construction_months, 18);
  EXPECT_EQ(p.build.zone, Zone::suburb);
  EXPECT_EQ(p.build.homes, 40);
  EXPECT_EQ(p.build.rent, 2100.5);
  EXPECT_EQ(p.compensation, 0.8);
  EXPECT_EQ(p.resettled, 0.25);
  const RenewalProject& q = s.renewal.projects[1];
  EXPECT_EQ(q.order, 2);
  ASSERT_EQ(q.area.cells.size(), 2u);
  EXPECT_EQ(q.area.cells[1].x, 3);
  EXPECT_FALSE(q.area.has_rect);
  EXPECT_EQ(q.hukou_conversion, 0.6);
  EXPECT_EQ(q.compensation, 1.0);  // the default
  EXPECT_EQ(s.schedule.size(), 1u);
  EXPECT_NE(summary(s).find("2 renewal project(s)"), std::string::npos) << summary(s);
}

TEST(RenewalLoad, TheResolvedScenarioReadsBackAsTheSameProjects) {
  const Scenario s = load_ok(kProject + "renewal: {near_km: 2.5, rent_adjustment: 1.5}\n");
  const std::string yaml = resolved_yaml(s);
  const Scenario again = load_ok(yaml);
  EXPECT_EQ(resolved_yaml(again), yaml);
  ASSERT_EQ(again.renewal.projects.size(), 2u);
  EXPECT_EQ(again.renewal.projects[0].notice_step, 14);
  EXPECT_EQ(again.renewal.projects[0].build.rent, 2100.5);
  EXPECT_EQ(again.renewal.projects[1].area.cells.size(), 2u);
  EXPECT_EQ(again.renewal.near_km, 2.5);
  EXPECT_EQ(again.schedule_names, s.schedule_names);
}

TEST(RenewalLoad, WithoutDropsTheProjectAndRenumbersTheRest) {
  const Scenario s = load_ok(kProject, {"schedule.east.enabled=false"});
  ASSERT_EQ(s.renewal.projects.size(), 1u);
  EXPECT_EQ(s.renewal.projects[0].order, 1);
  EXPECT_EQ(s.schedule_names, (std::vector<std::string>{"", "farms"}));
}

TEST(RenewalLoad, AnAreaNeedsCellsAndBothCorners) {
  EXPECT_DIAG(only_error("schedule:\n  - {at: 2016-01, renewal: {area: {from: [1, 1]}}}\n"), "s.yaml", 2, 35,
              "schedule[0].renewal.area.to", kMissingKey);
  EXPECT_DIAG(only_error("schedule:\n  - {at: 2016-01, renewal: {consent: 0.5}}\n"), "s.yaml", 2, 28,
              "schedule[0].renewal.area", kMissingKey);
  const Diagnostic both =
      only_error("schedule:\n  - {at: 2016-01, renewal: {area: {from: [1, 1], to: [2, 2], cells: [[1, 1]]}}}\n");
  EXPECT_EQ(both.key_path, "schedule[0].renewal.area.cells");
  EXPECT_EQ(both.message, kInconsistent);
}

TEST(RenewalLoad, ValuesAreChecked) {
  EXPECT_DIAG(only_error("schedule:\n  - {at: 2016-01, renewal: {area: {zone: slum}}}\n"), "s.yaml", 2, 42,
              "schedule[0].renewal.area.zone", kInvalidValue);
  EXPECT_EQ(only_error("schedule:\n  - {at: 2016-01, renewal: {area: {zone: fringe}, consent: 1.5}}\n").key_path,
            "schedule[0].renewal.consent");
  EXPECT_EQ(only_error("schedule:\n  - {at: 2016-01, renewal: {area: {zone: fringe}, build: {homes: -1}}}\n").key_path,
            "schedule[0].renewal.build.homes");
  const Diagnostic unknown = only_error("schedule:\n  - {at: 2016-01, renewal: {area: {zone: fringe}, budget: 3}}\n");
  EXPECT_EQ(unknown.key_path, "schedule[0].renewal.budget");
  EXPECT_EQ(unknown.message, kUnknownKey);
  EXPECT_EQ(only_error("schedule:\n  - {renewal: {area: {zone: fringe}}}\n").key_path, "schedule[0].at");
  const Diagnostic mixed =
      only_error("schedule:\n  - {at: 2016-01, renewal: {area: {zone: fringe}}, set: {hukou.openness: 1}}\n");
  EXPECT_EQ(mixed.message, kMixedEntry);
  EXPECT_NE(mixed.hint.find("renewal project as an entry of its own"), std::string::npos) << mixed.format();
}

}  // namespace
}  // namespace zhili
