// --set overrides: parsing, validation identical to the file, positions
// within the argument, and precedence over the file.
#include <gtest/gtest.h>

#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

TEST(ScenarioOverrides, SetValuesOfEveryKind) {
  const std::vector<std::string> set = {
      "policy.hukou.openness=0.5", "world.generator.centre=[10,20]", "run.name=abc",
      "run.time_step=week",        "migration.enabled=false",        "run.description=a: b"};
  const Scenario s = load_ok("", {set.begin(), set.end() - 1});
  EXPECT_EQ(s.policy[0], 0.5);
  EXPECT_EQ(s.world.generator.centre.x, 10);
  EXPECT_EQ(s.world.generator.centre.y, 20);
  EXPECT_EQ(s.run.name, "abc");
  EXPECT_EQ(s.run.step_unit, TimeStep::week);
  EXPECT_FALSE(s.migration.enabled);
  EXPECT_EQ(s.overrides, std::vector<std::string>(set.begin(), set.end() - 1));
  // A value is YAML: "a: b" is a mapping, so it needs quotes to be a string.
  EXPECT_DIAG(only_error("", {set.back()}), "--set #1", 1, 17, "run.description", "wrong type");
  EXPECT_EQ(load_ok("", {"run.description=\"a: b\""}).run.description, "a: b");
}

TEST(ScenarioOverrides, WinOverTheFileAndLaterOverridesWin) {
  const std::string file = "policy:\n  hukou:\n    openness: 0.2\nrun:\n  seed: 3\n";
  const Scenario s = load_ok(file, {"policy.hukou.openness=0.9", "run.seed=4", "run.seed=5"});
  EXPECT_EQ(s.policy[0], 0.9);
  EXPECT_EQ(s.run.seed, 5u);
  EXPECT_EQ(s.key_locations.at("policy.hukou.openness").file, "--set #1");
  EXPECT_EQ(s.key_locations.at("policy.hukou.openness").column, 23);
  EXPECT_EQ(s.key_locations.at("run").file, "s.yaml");
}

TEST(ScenarioOverrides, StepsOrEndReplaceTheOtherFromTheFile) {
  const std::string file = "run:\n  start: 2015-01\n  end: 2020-01\n";
  EXPECT_EQ(load_ok(file).run.steps, 60);
  EXPECT_EQ(load_ok(file, {"run.steps=6"}).run.steps, 6);
  EXPECT_EQ(load_ok("run:\n  steps: 5\n", {"run.end=2016-01"}).run.steps, 12);
  const Diagnostic d = only_error("", {"run.end=2016-01", "run.steps=3"});
  EXPECT_DIAG(d, "--set #2", 1, 11, "run.steps", "inconsistent values");
}

TEST(ScenarioOverrides, UnknownKeyPointsAtColumnOne) {
  Diagnostic d = only_error("", {"run.seed=1", "run.sed=5"});
  EXPECT_DIAG(d, "--set #2", 1, 1, "run.sed", "unknown key");
  EXPECT_EQ(d.hint, "did you mean 'run.seed'?");
  d = only_error("", {"seed=5"});
  EXPECT_EQ(d.hint, "did you mean 'run.seed'?");
  d = only_error("", {"polcy.hukou.openness=0.5"});
  EXPECT_EQ(d.hint, "did you mean 'policy.hukou.openness'?");
}

// An item of a list cannot be addressed: the hint says to set the whole
// list (it offered the nearest key by spelling, 'run.name', before).
TEST(ScenarioOverrides, AListItemIsNotAKey) {
  const Diagnostic d = only_error("", {"services.outlets[0].name=x"});
  EXPECT_DIAG(d, "--set #1", 1, 1, "services.outlets[0].name", "unknown key");
  EXPECT_EQ(d.hint, "the items of a list cannot be set one by one: set the whole list, services.outlets=[...]");
  // Brackets after a key that is not a list get the usual suggestions.
  EXPECT_EQ(only_error("", {"run.seed[0]=1"}).hint.find("the items of a list"), std::string::npos);
}

TEST(ScenarioOverrides, BadValuePointsAfterTheEqualsSign) {
  Diagnostic d = only_error("", {"run.seed=1", "run.steps=abc"});
  EXPECT_DIAG(d, "--set #2", 1, 11, "run.steps", "wrong type");
  EXPECT_EQ(d.format(),
            "--set #2:1:11: error: run.steps: wrong type (found abc, expected an integer in "
            "[1, 1000000])");
  d = only_error("", {"world.generator.centre=[10, x]"});
  EXPECT_DIAG(d, "--set #1", 1, 29, "world.generator.centre", "wrong type");
  d = only_error("", {"run.steps= 0"});
  EXPECT_DIAG(d, "--set #1", 1, 12, "run.steps", "value out of range");
  d = only_error("", {"run.name="});
  EXPECT_DIAG(d, "--set #1", 1, 10, "run.name", "wrong type");
  d = only_error("", {"run.steps=[1, 2"});
  EXPECT_EQ(d.message, "YAML syntax error");
  EXPECT_EQ(d.where.file, "--set #1");
}

TEST(ScenarioOverrides, SameChecksAsTheFile) {
  const Diagnostic in_file = only_error("population:\n  migrant_share: 1.5\n");
  const Diagnostic in_set = only_error("", {"population.migrant_share=1.5"});
  EXPECT_EQ(in_file.message, in_set.message);
  EXPECT_EQ(in_file.found, in_set.found);
  EXPECT_EQ(in_file.expected, in_set.expected);
  EXPECT_DIAG(only_error("world:\n  width: 40\n", {"world.generator.centre=[45, 5]"}), "--set #1",
              1, 24, "world.generator.centre", "location outside the map");
}

TEST(ScenarioOverrides, MalformedOverrides) {
  EXPECT_DIAG(only_error("", {"run.steps"}), "--set #1", 1, 1, "", "malformed override");
  EXPECT_DIAG(only_error("", {"=5"}), "--set #1", 1, 1, "", "malformed override");
  EXPECT_DIAG(only_error("", {""}), "--set #1", 1, 1, "", "malformed override");
  EXPECT_DIAG(only_error("", {"run=5"}), "--set #1", 1, 1, "run", "a section, not a key");
}

TEST(ScenarioOverrides, ScheduleCannotBeOverridden) {
  for (const char* text : {"schedule=[]", "schedule[0].at=2016-01"}) {
    const Diagnostic d = only_error("", {text});
    EXPECT_EQ(d.message, "cannot be overridden");
    EXPECT_EQ(d.hint,
              "the schedule can only be changed in the scenario file; an entry with a name can be switched off: "
              "schedule.NAME.enabled=false (zhili run --without NAME)");
  }
}

TEST(ScenarioOverrides, ErrorsInFileAndOverridesTogether) {
  const Diagnostics d = errors_of("run:\n  steps: 0\n", {"run.seed=-1", "x=1"});
  ASSERT_EQ(d.size(), 3u) << d.format_all();
}

}  // namespace
}  // namespace zhili
