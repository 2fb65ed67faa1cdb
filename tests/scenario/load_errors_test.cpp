// Every class of error in a scenario file, each checked for its position
// (1-based line and column), key path and message.
#include <gtest/gtest.h>

#include <cmath>

#include "scenario_test_support.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

TEST(ScenarioErrors, UnknownKeySuggestsSibling) {
  const Diagnostic d = only_error("run:\n  sed: 5\n");
  EXPECT_DIAG(d, "s.yaml", 2, 3, "run.sed", "unknown key");
  EXPECT_EQ(d.hint, "did you mean 'seed'?");
}

TEST(ScenarioErrors, UnknownKeySuggestsSwappedLetters) {
  EXPECT_EQ(only_error("run:\n  stpes: 5\n").hint, "did you mean 'steps'?");
}

TEST(ScenarioErrors, UnknownKeySuggestsSameNameElsewhere) {
  const Diagnostic d = only_error("run:\n  name: x\nworld:\n  seed: 5\n");
  EXPECT_DIAG(d, "s.yaml", 4, 3, "world.seed", "unknown key");
  EXPECT_EQ(d.hint, "did you mean 'run.seed'?");
}

TEST(ScenarioErrors, UnknownSectionAndUnknownLeverPath) {
  const Diagnostics d = errors_of("schools:\n  windows: 1\npolicy:\n  hukou:\n    opennes: 0.5\n");
  ASSERT_EQ(d.size(), 2u) << d.format_all();
  EXPECT_DIAG(d.items()[0], "s.yaml", 1, 1, "schools", "unknown key");
  EXPECT_DIAG(d.items()[1], "s.yaml", 5, 5, "policy.hukou.opennes", "unknown key");
  EXPECT_EQ(d.items()[1].hint, "did you mean 'openness'?");
}

TEST(ScenarioErrors, DuplicateKey) {
  const Diagnostic d = only_error("run:\n  seed: 1\n  steps: 10\n  seed: 2\n");
  EXPECT_DIAG(d, "s.yaml", 4, 3, "run.seed", "duplicate key");
  EXPECT_EQ(d.hint, "first written at line 2, column 3");
}

TEST(ScenarioErrors, DuplicateKeyThroughDottedPath) {
  const Diagnostic d = only_error("run:\n  seed: 1\nrun.seed: 2\n");
  EXPECT_DIAG(d, "s.yaml", 3, 1, "run.seed", "duplicate key");
}

TEST(ScenarioErrors, DuplicateSection) {
  const Diagnostic d = only_error("run:\n  seed: 1\nworld: {}\nrun:\n  steps: 2\n");
  EXPECT_DIAG(d, "s.yaml", 4, 1, "run", "duplicate key");
}

TEST(ScenarioErrors, MappingWhereScalarExpected) {
  const Diagnostic d = only_error("world:\n  width:\n    a: 1\n");
  EXPECT_DIAG(d, "s.yaml", 3, 5, "world.width", "wrong type");
  EXPECT_EQ(d.found, "a mapping of 1 key");
  EXPECT_EQ(d.expected, "an integer in [1, 10000]");
  // Found and expected differ visibly where both are sequences or mappings.
  EXPECT_EQ(only_error("schedule: [{from: 2016-01, to: 2017-01, ramp: {grievance.hotline_capacity: [1]}}]\n").found,
            "a sequence of 1 item");
  EXPECT_EQ(only_error("schedule: [{at: 2016-01, set: {}}]\n").found, "an empty mapping");
}

TEST(ScenarioErrors, ScalarWhereSectionExpected) {
  const Diagnostic d = only_error("run: 5\n");
  EXPECT_DIAG(d, "s.yaml", 1, 6, "run", "wrong type");
  EXPECT_EQ(d.expected, "a mapping of keys");
}

TEST(ScenarioErrors, QuotedNumberIsAString) {
  const Diagnostic d = only_error("run:\n  steps: \"12\"\n");
  EXPECT_DIAG(d, "s.yaml", 2, 10, "run.steps", "wrong type");
  EXPECT_EQ(d.found, "\"12\"");
  EXPECT_EQ(d.hint, "remove the quotes: a quoted value is a string");
}

TEST(ScenarioErrors, IntegerMustBeWholeText) {
  for (const char* text : {"12.5", "12.0", "1e3", "0x10", "twelve"}) {
    const Diagnostic d = only_error(std::string("run:\n  steps: ") + text + "\n");
    EXPECT_DIAG(d, "s.yaml", 2, 10, "run.steps", "wrong type");
    EXPECT_EQ(d.found, text);
  }
}

TEST(ScenarioErrors, BooleansAreTrueOrFalseOnly) {
  const Diagnostic d = only_error("migration:\n  enabled: yes\n");
  EXPECT_DIAG(d, "s.yaml", 2, 12, "migration.enabled", "wrong type");
  EXPECT_EQ(d.expected, "true or false");
  EXPECT_FALSE(load_ok("migration:\n  enabled: False\n").migration.enabled);
}

TEST(ScenarioErrors, NullValuePointsAtItsKey) {
  const Diagnostic d = only_error("run:\n  steps:\n  seed: 1\n");
  EXPECT_DIAG(d, "s.yaml", 2, 3, "run.steps", "wrong type");
  EXPECT_EQ(d.found, "null");
}

TEST(ScenarioErrors, OutOfRange) {
  const Diagnostic d = only_error("run:\n  steps: 0\n");
  EXPECT_DIAG(d, "s.yaml", 2, 10, "run.steps", "value out of range");
  EXPECT_EQ(d.format(),
            "s.yaml:2:10: error: run.steps: value out of range (found 0, expected an integer in "
            "[1, 1000000])");
}

TEST(ScenarioErrors, OutOfRangeNumbersAndBounds) {
  Diagnostic d = only_error("world:\n  cell_km: 0\n");
  EXPECT_DIAG(d, "s.yaml", 2, 12, "world.cell_km", "value out of range");
  EXPECT_EQ(d.expected, "a number in (0, 100]");
  d = only_error("population:\n  migrant_share: 1.0001\n");
  EXPECT_EQ(d.expected, "a number in [0, 1]");
  d = only_error("world:\n  generator:\n    core_radius_km: -1\n");
  EXPECT_EQ(d.expected, "a number > 0");
  d = only_error("population:\n  scale: 2e9\n");
  EXPECT_EQ(d.expected, "a number in (0, 1000000000]");
}

TEST(ScenarioErrors, HugeNumbersAreOutOfRange) {
  Diagnostic d = only_error("population:\n  households: 99999999999999999999999\n");
  EXPECT_DIAG(d, "s.yaml", 2, 15, "population.households", "value out of range");
  d = only_error("run:\n  seed: 9223372036854775808\n");
  EXPECT_DIAG(d, "s.yaml", 2, 9, "run.seed", "value out of range");
  EXPECT_EQ(load_ok("run:\n  seed: 9223372036854775807\n").run.seed, 9223372036854775807ull);
  d = only_error("world:\n  cell_km: 1e400\n");
  EXPECT_DIAG(d, "s.yaml", 2, 12, "world.cell_km", "value out of range");
}

TEST(ScenarioErrors, NanAndInfinityAreRefused) {
  for (const char* text : {".nan", ".NaN", ".inf", "-.inf", "+.Inf"}) {
    const Diagnostic d = only_error(std::string("population:\n  migrant_share: ") + text + "\n");
    EXPECT_DIAG(d, "s.yaml", 2, 18, "population.migrant_share", "invalid value");
    EXPECT_EQ(d.hint, "NaN and infinity are not allowed");
  }
}

TEST(ScenarioErrors, NegativeZeroIsZero) {
  const Scenario s = load_ok("population:\n  migrant_share: -0.0\nrun:\n  seed: -0\n");
  EXPECT_EQ(s.population.migrant_share, 0.0);
  EXPECT_FALSE(std::signbit(s.population.migrant_share));
  EXPECT_EQ(s.run.seed, 0u);
}

TEST(ScenarioErrors, InvalidDateNameAndChoice) {
  Diagnostic d = only_error("run:\n  start: 2015-13\n");
  EXPECT_DIAG(d, "s.yaml", 2, 10, "run.start", "invalid value");
  EXPECT_EQ(d.expected, "a date YYYY-MM or YYYY-MM-DD");
  d = only_error("run:\n  name: \"my run\"\n");
  EXPECT_DIAG(d, "s.yaml", 2, 9, "run.name", "invalid value");
  d = only_error("run:\n  name: " + std::string(65, 'a') + "\n");
  EXPECT_DIAG(d, "s.yaml", 2, 9, "run.name", "invalid value");
  d = only_error("run:\n  time_step: weekly\n");
  EXPECT_DIAG(d, "s.yaml", 2, 14, "run.time_step", "invalid value");
  EXPECT_EQ(d.expected, "one of week, month");
  EXPECT_EQ(d.hint, "did you mean 'week'?");
  d = only_error("world:\n  generator:\n    kind: radial\n");
  EXPECT_DIAG(d, "s.yaml", 3, 11, "world.generator.kind", "invalid value");
}

TEST(ScenarioErrors, EndBeforeStart) {
  const Diagnostic d = only_error("run:\n  start: 2016-01\n  end: 2015-06\n");
  EXPECT_DIAG(d, "s.yaml", 3, 8, "run.end", "inconsistent values");
  EXPECT_EQ(d.expected, "a date after run.start (2016-01-01)");
  EXPECT_DIAG(only_error("run:\n  end: 2015-01-01\n"), "s.yaml", 2, 8, "run.end",
              "inconsistent values");  // the default start: an empty run
}

TEST(ScenarioErrors, BothEndAndSteps) {
  const Diagnostic d = only_error("run:\n  end: 2020-01\n  steps: 12\n");
  EXPECT_DIAG(d, "s.yaml", 3, 10, "run.steps", "inconsistent values");
  EXPECT_EQ(only_error("run:\n  steps: 12\n  end: 2020-01\n").key_path, "run.end");
  // Every error at once: an end before the start is reported as well.
  const Diagnostics both = testing::errors_of("run: {start: 2015-01, end: 2014-01, steps: 10}\n");
  ASSERT_EQ(both.size(), 2u) << both.format_all();
  EXPECT_EQ(both.items()[1].expected, "a date after run.start (2015-01-01)");
}

TEST(ScenarioErrors, ARunMustEndByTheYear9999) {
  // Dates have four-digit years: a run into 10000 was written as "10000-01-0".
  Diagnostic d = only_error("run:\n  start: 9999-01\n  steps: 12\n");
  EXPECT_DIAG(d, "s.yaml", 3, 10, "run.steps", "value out of range");
  EXPECT_EQ(d.found, "12 steps from 9999-01");
  EXPECT_EQ(d.expected, "a run that ends by 9999-12-31 (dates have four-digit years)");
  // The default number of steps is blamed on the start.
  EXPECT_EQ(only_error("run:\n  start: 9999-06\n").key_path, "run.start");
  EXPECT_NO_THROW(load_scenario_text("run: {start: 9999-01, steps: 11}\n", "s.yaml", {}));
}

TEST(ScenarioErrors, ATaggedValueIsRefusedNotReadAsText) {
  const Diagnostic d = only_error("run:\n  name: !!binary abc\n");
  EXPECT_DIAG(d, "s.yaml", 2, 9, "run.name", "wrong type");
  EXPECT_EQ(d.found, "!!binary abc");
  EXPECT_EQ(d.hint, "YAML tags are not read: write the value plainly");
  EXPECT_EQ(load_scenario_text("run:\n  name: !!str abc\n", "s.yaml", {}).run.name, "abc");
}

TEST(ScenarioErrors, OldMacLineEndingsAreLines) {
  // A CR-only file was one line: "run:\r  seed: unknown key".
  EXPECT_EQ(load_scenario_text("run:\r  seed: 5\r  name: cr\r", "s.yaml", {}).run.seed, 5u);
  EXPECT_EQ(load_scenario_text("run:\r\n  seed: 6\r\n", "s.yaml", {}).run.seed, 6u);
  EXPECT_DIAG(only_error("run:\r  sead: 5\r"), "s.yaml", 2, 3, "run.sead", "unknown key");
}

TEST(ScenarioErrors, ConflictNeedsGrievanceAndNoRelocation) {
  Diagnostic d = only_error("conflict:\n  enabled: true\n");
  EXPECT_DIAG(d, "s.yaml", 2, 12, "conflict.enabled", "inconsistent values");
  EXPECT_EQ(d.expected, "false while grievance.enabled is false");
  d = only_error("grievance: {enabled: true}\nconflict:\n  enabled: true\n  movement: true\n");
  EXPECT_DIAG(d, "s.yaml", 4, 13, "conflict.movement", "inconsistent values");
  EXPECT_EQ(d.expected, "false while relocation.enabled is true");
  load_ok("grievance: {enabled: true}\nconflict: {enabled: true, movement: true}\nrelocation: {enabled: false}\n");
  // A value out of range names the key, as everywhere.
  EXPECT_DIAG(only_error("conflict:\n  max_detention_steps: 300\n"), "s.yaml", 2, 24,
              "conflict.max_detention_steps", "value out of range");
}

TEST(ScenarioErrors, RadiiMustGrowOutwards) {
  Diagnostic d =
      only_error("world:\n  generator:\n    core_radius_km: 5\n    fringe_radius_km: 4\n");
  EXPECT_DIAG(d, "s.yaml", 4, 23, "world.generator.fringe_radius_km", "inconsistent values");
  EXPECT_EQ(d.expected, "at least world.generator.core_radius_km (5)");
  // Against a default: blame the key written.
  d = only_error("world:\n  generator:\n    fringe_radius_km: 20\n");
  EXPECT_DIAG(d, "s.yaml", 3, 23, "world.generator.fringe_radius_km", "inconsistent values");
  EXPECT_EQ(d.expected, "at most world.generator.suburb_radius_km (12)");
}

TEST(ScenarioErrors, CentreOutsideTheMap) {
  Diagnostic d = only_error("world:\n  width: 40\n  generator:\n    centre: [50, 10]\n");
  EXPECT_DIAG(d, "s.yaml", 4, 13, "world.generator.centre", "location outside the map");
  EXPECT_EQ(d.found, "[50, 10]");
  d = only_error("world:\n  generator:\n    centre: [-1, 10]\n");
  EXPECT_DIAG(d, "s.yaml", 3, 13, "world.generator.centre", "location outside the map");
  // Left out, the centre is the middle of whatever map is given: never off it.
  const Scenario wide = load_ok("world:\n  width: 200\n  height: 30\n");
  EXPECT_EQ(wide.world.generator.centre.x, 100);
  EXPECT_EQ(wide.world.generator.centre.y, 15);
}

TEST(ScenarioErrors, CentreMustBeTwoIntegers) {
  Diagnostic d = only_error("world:\n  generator:\n    centre: [1, 2, 3]\n");
  EXPECT_DIAG(d, "s.yaml", 3, 13, "world.generator.centre", "wrong type");
  d = only_error("world:\n  generator:\n    centre: [1, 2.5]\n");
  EXPECT_DIAG(d, "s.yaml", 3, 17, "world.generator.centre", "wrong type");
}

// A NUL byte means a binary (or UTF-16) file: said at the byte, not as the
// parser's "unknown escape character" further on.
TEST(ScenarioErrors, ANulByteIsNotAText) {
  const std::string text("run:\n  seed: 1\0\n", 16);
  const Diagnostic d = only_error(text);
  EXPECT_DIAG(d, "s.yaml", 2, 10, "", "not a text file: a NUL byte");
}

// Control characters in what the user wrote are shown as escapes: a NUL
// printed as is would end the message there.
TEST(ScenarioErrors, ControlCharactersAreEscapedInMessages) {
  const Diagnostic d = only_error("run:\n  name: \"a\\0b\"\n");
  EXPECT_EQ(d.found, std::string("\"a\0b\"", 5));
  const std::string shown = d.format();
  EXPECT_NE(shown.find("(found \"a\\x00b\", expected"), std::string::npos) << shown;
  EXPECT_EQ(shown.find('\0'), std::string::npos);
}

TEST(ScenarioErrors, YamlSyntaxError) {
  const Diagnostic d = only_error("run:\n  seed: 1\n  steps: [1, 2\nworld: {}\n");
  EXPECT_EQ(d.where.file, "s.yaml");
  EXPECT_EQ(d.message, "YAML syntax error");
  EXPECT_EQ(d.where.line, 4);
  EXPECT_EQ(d.where.column, 6);
  EXPECT_FALSE(d.hint.empty());
}

TEST(ScenarioErrors, BadIndentationIsASyntaxError) {
  const Diagnostic d = only_error("run:\n  seed: 1\n    steps: 2\n");
  EXPECT_EQ(d.message, "YAML syntax error");
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 10);
}

TEST(ScenarioErrors, DocumentMustBeOneMapping) {
  EXPECT_DIAG(only_error("5\n"), "s.yaml", 1, 1, "", "wrong type");
  EXPECT_DIAG(only_error("- a\n- b\n"), "s.yaml", 1, 1, "", "wrong type");
  EXPECT_DIAG(only_error("run: {}\n---\nrun: {}\n"), "s.yaml", 2, 1, "", "YAML syntax error");
}

// yaml-cpp 0.7 loops forever on these when read with LoadAll; they must be errors.
TEST(ScenarioErrors, StrayCommaIsAnError) {
  EXPECT_DIAG(only_error(","), "s.yaml", 1, 1, "", "YAML syntax error");
  EXPECT_DIAG(only_error(", the map\nrun: {}\n"), "s.yaml", 1, 1, "", "YAML syntax error");
  EXPECT_DIAG(only_error("run: {seed: 1}\n,\n"), "s.yaml", 2, 1, "", "YAML syntax error");
}

TEST(ScenarioErrors, SeveralErrorsReportedTogether) {
  const std::string text =
      "run:\n"
      "  sed: 1\n"
      "  steps: 0\n"
      "world:\n"
      "  width: abc\n"
      "  width: 3\n"
      "policy:\n"
      "  hukou.openness: 2\n";
  try {
    load_scenario_text(text, "s.yaml");
    FAIL() << "expected errors";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 5u);
    EXPECT_EQ(std::string(e.what()),
              "5 error(s) in scenario:\n"
              "s.yaml:2:3: error: run.sed: unknown key\n"
              "  hint: did you mean 'seed'?\n"
              "s.yaml:3:10: error: run.steps: value out of range (found 0, expected an integer "
              "in [1, 1000000])\n"
              "s.yaml:5:10: error: world.width: wrong type (found abc, expected an integer in "
              "[1, 10000])\n"
              "s.yaml:6:3: error: world.width: duplicate key\n"
              "  hint: first written at line 5, column 3\n"
              "s.yaml:8:19: error: policy.hukou.openness: value out of range (found 2, expected "
              "a number in [0, 1])\n");
  }
}

}  // namespace
}  // namespace zhili
