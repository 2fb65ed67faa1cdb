// Named schedule entries and switching them off: enabled: false in the file,
// --set schedule.NAME.enabled=false (zhili run --without NAME), the errors.
#include <gtest/gtest.h>

#include "scenario/messages.hpp"
#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

const std::string kSchedule =
    "services: {enabled: true}\n"
    "schedule:\n"
    "  - {name: hukou-reform, from: 2016-01, to: 2018-01, ramp: {hukou.openness: [0.2, 0.6]}}\n"
    "  - {name: one-trip, from: 2017-02, to: 2018-01, ramp: {services.integration: [0.2, 0.9]}}\n"
    "  - {at: 2019-01, set: {conflict.grid_workers: 15}}\n"
    "  - {name: one-trip, at: 2017-06, set: {services.data_sharing: 0.7}}\n"
    "  - {name: permits, at: 2018-01, set: {hukou.permit_coverage: 0.7}}\n";

bool changes(const Scenario& s, LeverId lever) {
  for (const auto& e : s.schedule)
    if (e.lever == lever) return true;
  return false;
}

TEST(ScheduleSwitch, NamesAreKeptByFilePosition) {
  const Scenario s = load_ok(kSchedule);
  EXPECT_EQ(s.schedule_names,
            (std::vector<std::string>{"hukou-reform", "one-trip", "", "one-trip", "permits"}));
  EXPECT_EQ(s.schedule.size(), 5u);
}

TEST(ScheduleSwitch, WithoutDropsEveryEntryOfTheNameAndRenumbersTheRest) {
  const Scenario s = load_ok(kSchedule, {"schedule.one-trip.enabled=false"});
  EXPECT_FALSE(changes(s, LeverId::services_integration));
  EXPECT_FALSE(changes(s, LeverId::services_data_sharing));
  EXPECT_TRUE(changes(s, LeverId::hukou_openness));
  EXPECT_TRUE(changes(s, LeverId::conflict_grid_workers));
  EXPECT_EQ(s.schedule_names, (std::vector<std::string>{"hukou-reform", "", "permits"}));
  for (const auto& e : s.schedule) {
    if (e.lever == LeverId::hukou_openness) {
      EXPECT_EQ(e.order, 0);
    } else if (e.lever == LeverId::conflict_grid_workers) {
      EXPECT_EQ(e.order, 1);
    } else if (e.lever == LeverId::hukou_permit_coverage) {
      EXPECT_EQ(e.order, 2);
    }
  }
  // The lever keeps its initial value all run long.
  EXPECT_EQ(levers_at(s.policy, s.schedule, 100)[static_cast<std::size_t>(LeverId::services_integration)],
            s.policy[static_cast<std::size_t>(LeverId::services_integration)]);
}

TEST(ScheduleSwitch, TheResolvedScenarioReadsBackAsTheSameSchedule) {
  const Scenario s = load_ok(kSchedule, {"schedule.permits.enabled=false"});
  const Scenario again = load_ok(resolved_yaml(s));
  ASSERT_EQ(again.schedule.size(), s.schedule.size());
  for (std::size_t i = 0; i < s.schedule.size(); ++i) {
    EXPECT_EQ(again.schedule[i].lever, s.schedule[i].lever);
    EXPECT_EQ(again.schedule[i].from_step, s.schedule[i].from_step);
    EXPECT_EQ(again.schedule[i].order, s.schedule[i].order);
  }
  EXPECT_EQ(again.schedule_names, s.schedule_names);
}

TEST(ScheduleSwitch, EnabledFalseInTheFileAndBackOnByOverride) {
  const std::string text =
      "schedule:\n"
      "  - {name: reform, enabled: false, at: 2017-01, set: {hukou.openness: 0.9}}\n"
      "  - {at: 2018-01, set: {hukou.permit_coverage: 0.9}}\n";
  const Scenario off = load_ok(text);
  ASSERT_EQ(off.schedule.size(), 1u);
  EXPECT_EQ(off.schedule[0].lever, LeverId::hukou_permit_coverage);
  EXPECT_EQ(off.schedule[0].order, 0);
  const Scenario on = load_ok(text, {"schedule.reform.enabled=true"});
  EXPECT_EQ(on.schedule.size(), 2u);
}

TEST(ScheduleSwitch, OutletChangesAreSwitchedOffToo) {
  const Scenario s = load_ok(
      "services:\n"
      "  enabled: true\n"
      "  outlets:\n"
      "    - {name: centre, cell: [1, 1], kind: district_centre, windows: 4}\n"
      "schedule:\n"
      "  - {name: more-windows, at: 2017-01, outlet: {name: centre, windows: 8}}\n",
      {"schedule.more-windows.enabled=false"});
  EXPECT_TRUE(s.services.events.empty());
}

TEST(ScheduleSwitch, AnUnknownNameIsAnErrorWithTheClosestName) {
  const auto d = only_error(kSchedule, {"schedule.one-tirp.enabled=false"});
  EXPECT_EQ(d.message, kUnknownEntry);
  EXPECT_EQ(d.key_path, "schedule.one-tirp.enabled");
  EXPECT_EQ(d.where.file, "--set #1");
  EXPECT_NE(d.hint.find("one-trip"), std::string::npos) << d.format();
}

TEST(ScheduleSwitch, ASwitchWithNoNamedEntrySaysHowToNameOne) {
  const auto d = only_error("schedule:\n  - {at: 2017-01, set: {hukou.openness: 0.9}}\n",
                            {"schedule.reform.enabled=false"});
  EXPECT_EQ(d.message, kUnknownEntry);
  EXPECT_NE(d.hint.find("name: NAME"), std::string::npos) << d.format();
}

TEST(ScheduleSwitch, BadNamesAndValuesAreRefused) {
  const auto name = only_error("schedule:\n  - {name: 'a b', at: 2017-01, set: {hukou.openness: 0.9}}\n");
  EXPECT_EQ(name.message, kInvalidValue);
  EXPECT_EQ(name.key_path, "schedule[0].name");
  EXPECT_EQ(name.where.line, 2);
  const auto value = only_error(kSchedule, {"schedule.permits.enabled=off"});
  EXPECT_EQ(value.message, kWrongType);
  EXPECT_EQ(value.key_path, "schedule.permits.enabled");
  // Any other schedule key is still not overridable, and the hint says what is.
  const auto other = only_error(kSchedule, {"schedule.permits.at=2019-01"});
  EXPECT_EQ(other.message, kNotOverridable);
  EXPECT_NE(other.hint.find("schedule.NAME.enabled=false"), std::string::npos) << other.format();
}

TEST(ScheduleSwitch, AnEntryWithOnlyANameIsMissingItsChange) {
  const auto d = only_error("schedule:\n  - {name: reform}\n");
  EXPECT_EQ(d.message, kMissingKey);
}

}  // namespace
}  // namespace zhili
