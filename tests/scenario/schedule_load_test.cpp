// The schedule section: reading entries, resolving dates to steps, ordering,
// and the errors an entry can have.
#include <gtest/gtest.h>

#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

constexpr auto kSet = ScheduleEntry::Kind::set;
constexpr auto kRamp = ScheduleEntry::Kind::ramp;
constexpr auto kOpenness = LeverId::hukou_openness;
constexpr auto kPermits = LeverId::hukou_permit_coverage;

TEST(ScenarioSchedule, StepChangeAndRampResolveToMonthlySteps) {
  const Scenario s = load_ok(
      "schedule:\n"
      "  - at: 2017-02\n"
      "    set: {hukou.openness: 0.8}\n"
      "  - from: 2015-01\n"
      "    to: 2020-12\n"
      "    ramp: {hukou.openness: [0.2, 0.6], hukou.permit_coverage: [0.4, 0.5]}\n");
  ASSERT_EQ(s.schedule.size(), 3u);
  // Sorted by start step: the ramp (step 0) before the step change (step 25).
  const auto& r0 = s.schedule[0];
  EXPECT_EQ(r0.kind, kRamp);
  EXPECT_EQ(r0.lever, kOpenness);
  EXPECT_EQ(r0.from_step, 0);
  EXPECT_EQ(r0.to_step, 71);  // 2020-12-01 is 5 years 11 months after 2015-01-01
  EXPECT_EQ(r0.from_value, 0.2);
  EXPECT_EQ(r0.to_value, 0.6);
  EXPECT_EQ(r0.order, 1);
  EXPECT_EQ(s.schedule[1].lever, kPermits);  // same entry: file order of its levers
  EXPECT_EQ(s.schedule[1].order, 1);
  const auto& set = s.schedule[2];
  EXPECT_EQ(set.kind, kSet);
  EXPECT_EQ(set.from_step, 25);
  EXPECT_EQ(set.to_step, 25);
  EXPECT_EQ(set.to_value, 0.8);
  EXPECT_EQ(set.order, 0);
  // The later-starting step change overrides the ramp from its step on.
  EXPECT_NEAR(levers_at(s.policy, s.schedule, 24)[0], 0.2 + 0.4 * 24 / 71, 1e-12);
  EXPECT_EQ(levers_at(s.policy, s.schedule, 25)[0], 0.8);
}

TEST(ScenarioSchedule, DatesApplyAtTheFirstStepStartingOnOrAfterThem) {
  // Weekly from Thursday 2015-01-01: steps start on the 1st, 8th, 15th, ...
  Scenario s = load_ok(
      "run: {start: 2015-01-01, time_step: week}\n"
      "schedule:\n"
      "  - {at: 2015-01-08, set: {hukou.openness: 0.5}}\n"
      "  - {at: 2015-01-10, set: {hukou.openness: 0.6}}\n"
      "  - {at: 2015-01-01, set: {hukou.openness: 0.7}}\n");
  ASSERT_EQ(s.schedule.size(), 3u);
  EXPECT_EQ(s.schedule[0].from_step, 0);
  EXPECT_EQ(s.schedule[1].from_step, 1);
  EXPECT_EQ(s.schedule[2].from_step, 2);
  // Monthly steps starting mid-month: 2015-03 (the 1st) falls inside the step of 2015-02-15.
  s = load_ok(
      "run: {start: 2015-01-15}\n"
      "schedule:\n"
      "  - {at: 2015-03, set: {hukou.openness: 0.5}}\n");
  EXPECT_EQ(s.schedule[0].from_step, 2);
}

TEST(ScenarioSchedule, SameStepTiesKeepFileOrder) {
  const Scenario s = load_ok(
      "schedule:\n"
      "  - {at: 2016-03, set: {hukou.openness: 0.9}}\n"
      "  - {at: 2016-01-01, set: {hukou.openness: 0.5}}\n"
      "  - {at: 2016-01, set: {hukou.openness: 0.7}}\n");
  ASSERT_EQ(s.schedule.size(), 3u);
  EXPECT_EQ(s.schedule[0].order, 1);
  EXPECT_EQ(s.schedule[1].order, 2);
  EXPECT_EQ(s.schedule[2].order, 0);
  EXPECT_EQ(levers_at(s.policy, s.schedule, 12)[0], 0.7);  // the later in the file wins
  EXPECT_EQ(levers_at(s.policy, s.schedule, 14)[0], 0.9);
}

TEST(ScenarioSchedule, RampWithinOneStepIsAStepChange) {
  const Scenario s = load_ok(
      "schedule:\n"
      "  - {from: 2016-01-05, to: 2016-01-20, ramp: {hukou.openness: [0.1, 0.9]}}\n");
  ASSERT_EQ(s.schedule.size(), 1u);
  EXPECT_EQ(s.schedule[0].kind, kSet);
  EXPECT_EQ(s.schedule[0].from_step, 13);  // 2016-02-01
  EXPECT_EQ(s.schedule[0].to_value, 0.9);
}

TEST(ScenarioSchedule, NestedLeverNamesAndEmptySchedule) {
  const Scenario s =
      load_ok("schedule:\n  - at: 2016-01\n    set:\n      hukou:\n        openness: 0.4\n");
  ASSERT_EQ(s.schedule.size(), 1u);
  EXPECT_EQ(s.schedule[0].to_value, 0.4);
  EXPECT_TRUE(load_ok("schedule:\n").schedule.empty());
  EXPECT_TRUE(load_ok("schedule: []\n").schedule.empty());
}

TEST(ScenarioSchedule, UnknownLeverSuggestsLeverPath) {
  const Diagnostic d = only_error(
      "schedule:\n"
      "  - at: 2017-02\n"
      "    set: {hukou.opennes: 0.8}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 11, "schedule[0].set.hukou.opennes", "unknown lever");
  EXPECT_EQ(d.hint, "did you mean 'hukou.openness'?");
  EXPECT_EQ(only_error("schedule:\n  - {at: 2017-02, set: {openness: 0.8}}\n").hint,
            "did you mean 'hukou.openness'?");
}

TEST(ScenarioSchedule, RampEndsBeforeItStarts) {
  const Diagnostic d = only_error(
      "schedule:\n"
      "  - from: 2020-01\n"
      "    to: 2018-01\n"
      "    ramp: {hukou.openness: [0.2, 0.6]}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 9, "schedule[0].to", "ramp ends before it starts");
  EXPECT_EQ(d.expected, "a date after from (2020-01-01)");
  EXPECT_EQ(
      only_error("schedule:\n  - {from: 2020-01, to: 2020-01-01, ramp: {hukou.openness: [0, 1]}}\n")
          .message,
      "ramp ends before it starts");
}

TEST(ScenarioSchedule, ValuesOutOfTheLeverRange) {
  const Diagnostics d = errors_of(
      "schedule:\n"
      "  - at: 2017-02\n"
      "    set: {hukou.openness: 1.5}\n"
      "  - from: 2018-01\n"
      "    to: 2019-01\n"
      "    ramp:\n"
      "      hukou.permit_coverage: [0.2, -1]\n");
  ASSERT_EQ(d.size(), 2u) << d.format_all();
  EXPECT_DIAG(d.items()[0], "s.yaml", 3, 27, "schedule[0].set.hukou.openness",
              "value out of range");
  EXPECT_EQ(d.items()[0].expected, "a number in [0, 1]");
  EXPECT_DIAG(d.items()[1], "s.yaml", 7, 36, "schedule[1].ramp.hukou.permit_coverage",
              "value out of range");
}

TEST(ScenarioSchedule, MixingStepChangeAndRamp) {
  const Diagnostic d = only_error(
      "schedule:\n"
      "  - at: 2016-01\n"
      "    from: 2017-01\n"
      "    set: {hukou.openness: 0.5}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 5, "schedule[0].from", "mixed schedule entry");
}

TEST(ScenarioSchedule, MissingParts) {
  Diagnostic d = only_error("schedule:\n  - at: 2016-01\n");
  EXPECT_DIAG(d, "s.yaml", 2, 5, "schedule[0].set", "missing key");
  const Diagnostics all =
      errors_of("schedule:\n  - {}\n  - from: 2016-01\n    ramp: {hukou.openness: [0, 1]}\n");
  ASSERT_EQ(all.size(), 2u) << all.format_all();
  EXPECT_DIAG(all.items()[0], "s.yaml", 2, 5, "schedule[0]", "missing key");
  EXPECT_DIAG(all.items()[1], "s.yaml", 3, 5, "schedule[1].to", "missing key");
}

TEST(ScenarioSchedule, UnknownEntryKey) {
  const Diagnostics d = errors_of("schedule:\n  - att: 2016-01\n    set: {hukou.openness: 0.5}\n");
  ASSERT_EQ(d.size(), 2u) << d.format_all();
  EXPECT_DIAG(d.items()[0], "s.yaml", 2, 5, "schedule[0].att", "unknown key");
  EXPECT_EQ(d.items()[0].hint, "did you mean 'at'?");
  EXPECT_DIAG(d.items()[1], "s.yaml", 2, 5, "schedule[0].at", "missing key");
}

TEST(ScenarioSchedule, WrongTypes) {
  EXPECT_DIAG(only_error("schedule: 5\n"), "s.yaml", 1, 11, "schedule", "wrong type");
  EXPECT_DIAG(only_error("schedule:\n  - 5\n"), "s.yaml", 2, 5, "schedule[0]", "wrong type");
  EXPECT_DIAG(only_error("schedule:\n  - {at: 2016-01, set: 0.5}\n"), "s.yaml", 2, 24,
              "schedule[0].set", "wrong type");
  EXPECT_DIAG(
      only_error("schedule:\n  - {from: 2016-01, to: 2017-01, ramp: {hukou.openness: 0.5}}\n"),
      "s.yaml", 2, 57, "schedule[0].ramp.hukou.openness", "wrong type");
  EXPECT_DIAG(only_error("schedule:\n  - {at: [2016], set: {hukou.openness: 0.5}}\n"), "s.yaml", 2,
              10, "schedule[0].at", "wrong type");
  EXPECT_DIAG(only_error("schedule:\n  - {at: 2016-02-30, set: {hukou.openness: 0.5}}\n"), "s.yaml",
              2, 10, "schedule[0].at", "invalid value");
}

TEST(ScenarioSchedule, DatesBeforeTheStart) {
  const Diagnostic d = only_error(
      "run: {start: 2016-01}\nschedule:\n  - {at: 2015-12, set: {hukou.openness: 0.5}}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 10, "schedule[0].at", "inconsistent values");
  EXPECT_EQ(d.expected, "a date on or after run.start (2016-01-01)");
}

TEST(ScenarioSchedule, DuplicateLeverInOneEntry) {
  const Diagnostic d = only_error(
      "schedule:\n  - at: 2016-01\n    set: {hukou.openness: 0.5, hukou: {openness: 0.6}}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 40, "schedule[0].set.hukou.openness", "duplicate key");
}

TEST(ScenarioSchedule, KeyLocationsCoverEntries) {
  const Scenario s = load_ok("schedule:\n  - at: 2016-01\n    set: {hukou.openness: 0.5}\n");
  ASSERT_TRUE(s.key_locations.count("schedule[0].at"));
  EXPECT_EQ(s.key_locations.at("schedule[0].at").line, 2);
  EXPECT_EQ(s.key_locations.at("schedule[0].at").column, 9);
  ASSERT_TRUE(s.key_locations.count("schedule[0].set.hukou.openness"));
  EXPECT_EQ(s.key_locations.at("schedule[0].set.hukou.openness").column, 27);
}

}  // namespace
}  // namespace zhili
