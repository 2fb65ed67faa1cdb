// Calibration files: loading, error reporting, and a small fit that must
// recover a known parameter (a fit that could fail if the machinery were broken).
#include "calibrate/calibration.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "calibrate/nelder_mead.hpp"
#include "core/calendar.hpp"
#include "engine/engine.hpp"
#include "model/model.hpp"
#include "scenario/load.hpp"
#include "scenario/diagnostics.hpp"

namespace zhili {

namespace {
// One folder per test: ctest runs tests in parallel.
std::string test_dir() {
  return std::string(ZHILI_BINARY_DIR) + "/calibration_test/" +
         ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

std::string write(const std::string& name, const std::string& text) {
  std::filesystem::create_directories(test_dir());
  const std::string path = test_dir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

// The Harris-Todaro test city: the equilibrium employment rate is W_R / W_U,
// so fitting rural_income to an observed p recovers it.
std::string ht_calibration(double observed_p) {
  write("targets.csv", "year,observable,column,value,tolerance,kind,source\n"
                       "2019,urban_employment_rate,," + std::to_string(observed_p) + ",0.01,absolute,test\n");
  return write("ht.yaml", "scenario: " + std::string(ZHILI_SOURCE_DIR) + "/tests/data/harris_todaro.yaml\n"
                          "overrides: [population.households=10000]\n"
                          "targets: targets.csv\n"
                          "max_evaluations: 40\n"
                          "parameters:\n  - {key: economy.rural_income, min: 1000, max: 2900}\n");
}
// The Harris-Todaro city at 2,000 households against the targets.csv
// written before, rural income free.
std::string small_ht_calibration() {
  return write("ht.yaml", "scenario: " + std::string(ZHILI_SOURCE_DIR) + "/tests/data/harris_todaro.yaml\n"
                          "overrides: [population.households=2000]\n"
                          "targets: targets.csv\n"
                          "parameters:\n  - {key: economy.rural_income, min: 1000, max: 2900}\n");
}
}  // namespace

TEST(Calibration, LoadsParametersWithTheirStartValues) {
  const auto spec = load_calibration(ht_calibration(0.6));
  ASSERT_EQ(spec.parameters.size(), 1u);
  EXPECT_EQ(spec.parameters[0].key, "economy.rural_income");
  EXPECT_DOUBLE_EQ(spec.parameters[0].start, 2000.0);  // the scenario's value
  ASSERT_EQ(spec.targets.size(), 1u);
  EXPECT_EQ(spec.targets[0].year, 2019);
}

TEST(Calibration, RecoversAKnownParameter) {
  // p* = W_R / W_U = 1800 / 3000 = 0.6 when W_R = 1800.
  const auto spec = load_calibration(ht_calibration(0.6));
  const auto objective = [&](const std::vector<double>& x) { return loss(evaluate(spec, x, 1)); };
  NelderMeadOptions opt;
  opt.max_evaluations = spec.max_evaluations;
  opt.initial_step = 0.2;
  const auto r = nelder_mead(objective, {spec.parameters[0].start}, {1000}, {2900}, opt);
  EXPECT_NEAR(r.x[0], 1800.0, 60.0);
  const auto results = evaluate(spec, r.x, 1);
  EXPECT_TRUE(results[0].met()) << results_table(results);
}

TEST(Calibration, ErrorsNameTheFileAndLine) {
  const auto path = write("bad.yaml", "scenario: nowhere.yaml\nparamters: []\ntargets: t.csv\n");
  try {
    load_calibration(path);
    FAIL();
  } catch (const ScenarioError& e) {
    const auto text = e.diagnostics().format_all();
    EXPECT_NE(text.find(path + ":2:1"), std::string::npos) << text;  // unknown key
    EXPECT_NE(text.find("parameters"), std::string::npos) << text;
  }
}

// Everything a fit could trip over is checked when the file is loaded, each
// at its file, line and column: not as a crash, a silent clamp or a NaN later.
namespace {
Diagnostics load_errors(const std::string& yaml, const std::string& targets_csv) {
  write("t.csv", targets_csv);
  const auto path = write("c.yaml", "scenario: " + std::string(ZHILI_SOURCE_DIR) +
                                        "/tests/data/harris_todaro.yaml\ntargets: t.csv\n" + yaml);
  try {
    load_calibration(path);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

constexpr const char* kGoodTargets = "year,observable,column,value,tolerance,kind\n2010,urban_employment_rate,,0.6,0.05,absolute\n";
constexpr const char* kGoodParameter = "parameters:\n  - {key: migration.ht_beta, min: 0.1, max: 5}\n";

// The one diagnostic's message, or all of them when there is not exactly one.
std::string only(const Diagnostics& d) {
  if (d.size() == 1) return d.items()[0].message;
  std::string all = "(not one diagnostic) ";
  all += d.format_all();
  return all;
}
}  // namespace

TEST(Calibration, AGoodFileLoads) { EXPECT_TRUE(load_errors(kGoodParameter, kGoodTargets).empty()); }

TEST(Calibration, ParameterErrors) {
  // A missing key or bound crashed ("internal error: invalid node").
  EXPECT_EQ(only(load_errors("parameters:\n  - {min: 0.1, max: 5}\n", kGoodTargets)), "missing key");
  EXPECT_EQ(only(load_errors("parameters:\n  - {key: migration.ht_beta, max: 5}\n", kGoodTargets)), "missing key");
  // A key that is not numeric crashed too ("bad conversion").
  EXPECT_EQ(only(load_errors("parameters:\n  - {key: run.name, min: 0.1, max: 5}\n", kGoodTargets)),
            "not a numeric key");
  const Diagnostics typo = load_errors("parameters:\n  - {key: migration.ht_bta, min: 0.1, max: 5}\n", kGoodTargets);
  ASSERT_EQ(typo.size(), 1u);
  EXPECT_EQ(typo.items()[0].hint, "did you mean 'migration.ht_beta'?");
  EXPECT_EQ(typo.items()[0].where.line, 4);
  // Bounds the scenario refuses, and a start outside the bounds (was clamped silently).
  EXPECT_EQ(only(load_errors("parameters:\n  - {key: migration.ht_beta, min: -1, max: 5}\n", kGoodTargets)),
            "not a value migration.ht_beta takes");
  EXPECT_NE(only(load_errors("parameters:\n  - {key: migration.ht_beta, min: 2.5, max: 5}\n", kGoodTargets))
                .find("lies outside [min, max]"),
            std::string::npos);
  EXPECT_EQ(only(load_errors("parameters:\n  - {key: migration.ht_beta, min: 0.1, max: 5, start: 1}\n", kGoodTargets)),
            "unknown key");
  EXPECT_EQ(only(load_errors(std::string(kGoodParameter) + "max_evaluations: 0\n", kGoodTargets)),
            "value out of range");
  // A key listed twice was accepted; NaN bounds gave "expected a number above nan".
  const Diagnostics twice = load_errors(
      "parameters:\n  - {key: migration.ht_beta, min: 0.1, max: 5}\n  - {key: migration.ht_beta, min: 0.2, max: 4}\n",
      kGoodTargets);
  EXPECT_EQ(only(twice), "parameter listed twice");
  EXPECT_EQ(twice.items()[0].hint, "first listed at line 4");
  const Diagnostics nan = load_errors("parameters:\n  - {key: migration.ht_beta, min: .nan, max: 5}\n", kGoodTargets);
  EXPECT_EQ(only(nan), "invalid value");
  EXPECT_EQ(nan.items()[0].key_path, "parameters[].min");
  EXPECT_EQ(nan.items()[0].expected, "a finite number");
}

TEST(Calibration, TargetErrors) {
  const std::string header = "year,observable,column,value,tolerance,kind\n";
  // Junk in a cell was read as its leading number ("0.3abc" as 0.3).
  Diagnostics d = load_errors(kGoodParameter, header + "2010,urban_employment_rate,,0.6abc,0.05,absolute\n");
  EXPECT_NE(d.format_all().find("t.csv:2:29: error: targets.value: invalid value (found 0.6abc"), std::string::npos)
      << d.format_all();
  // A tolerance of 0 or below gave an infinite loss.
  d = load_errors(kGoodParameter, header + "2010,urban_employment_rate,,0.6,0,absolute\n");
  EXPECT_NE(d.format_all().find("targets.tolerance"), std::string::npos) << d.format_all();
  // Years outside the run: compared with its first step, or NaN.
  for (const char* year : {"1990", "2030"}) {
    d = load_errors(kGoodParameter, header + year + ",urban_employment_rate,,0.6,0.05,absolute\n");
    EXPECT_EQ(only(d), "outside the run") << year;
  }
  // No rows: "0 of 0 targets met" before.
  d = load_errors(kGoodParameter, header);
  EXPECT_NE(d.format_all().find("no target rows"), std::string::npos) << d.format_all();
  // ... also when the calibration file has an error of its own (every error at once).
  d = load_errors(std::string(kGoodParameter) + "max_evaluations: 0\n", header);
  EXPECT_NE(d.format_all().find("no target rows"), std::string::npos) << d.format_all();
  EXPECT_NE(d.format_all().find("max_evaluations"), std::string::npos) << d.format_all();
  // An unknown observable, at its row of the targets file (was an error only when run).
  d = load_errors(kGoodParameter, header + "2010,no_such_series,,1,0.1,absolute\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].message, "not an observable of this scenario");
  EXPECT_EQ(d.items()[0].where.line, 2);
  EXPECT_NE(d.items()[0].where.file.find("t.csv"), std::string::npos);
}

}  // namespace zhili

namespace zhili {

// A target's kind chooses what of the year is compared: its last step, the
// mean of its steps, or its largest step; each checked against the series
// read from the engine directly.
TEST(Calibration, YearMeanAndLargestStep) {
  write("targets.csv", "year,observable,column,value,tolerance,kind,source\n"
                       "2000,urban_employment_rate,,1,1,absolute,end\n"
                       "2000,urban_employment_rate,,1,1,absolute_mean,mean\n"
                       "2000,urban_employment_rate,,1,1,absolute_max,largest\n");
  const std::string path = small_ht_calibration();
  const auto spec = load_calibration(path);
  ASSERT_EQ(spec.targets.size(), 3u);
  const auto results = evaluate(spec, {2000.0}, 1);

  std::vector<std::string> overrides = spec.overrides;
  overrides.push_back("economy.rural_income=2000");
  overrides.push_back("run.threads=1");
  const Scenario scenario = load_scenario(spec.scenario, overrides);
  Engine engine(scenario);
  const std::size_t column = *engine.model().column_of("urban_employment_rate", "");
  double sum = 0, largest = -1, last = 0;
  int steps = 0;
  while (!engine.done()) {
    const Date d = engine.calendar().date_of(engine.step_index());
    engine.step();
    if (d.year != 2000) continue;
    const double v = engine.observables()[column];
    sum += v;
    largest = std::max(largest, v);
    last = v;
    ++steps;
  }
  ASSERT_GT(steps, 1);
  EXPECT_DOUBLE_EQ(results[0].simulated, last);
  EXPECT_DOUBLE_EQ(results[1].simulated, sum / steps);
  EXPECT_DOUBLE_EQ(results[2].simulated, largest);
  EXPECT_NE(results[1].simulated, results[2].simulated) << "a year whose values never vary tests nothing";
}

// A held-out target is evaluated and checked, but the fit's loss leaves it
// out: the same target, fitted, adds its squared error.
TEST(Calibration, HeldOutTargetsAreCheckedNotFitted) {
  write("targets.csv", "year,observable,column,value,tolerance,kind,source\n"
                       "2000,urban_employment_rate,,0.5,0.01,absolute,fitted\n"
                       "2000,urban_employment_rate,,0.5,0.01,absolute_mean_held_out,held out\n");
  const std::string path = small_ht_calibration();
  const auto spec = load_calibration(path);
  ASSERT_EQ(spec.targets.size(), 2u);
  EXPECT_FALSE(spec.targets[0].held_out);
  EXPECT_TRUE(spec.targets[1].held_out);
  EXPECT_EQ(spec.targets[1].statistic, CalibrationTarget::Statistic::mean);
  auto results = evaluate(spec, {2000.0}, 1);
  ASSERT_FALSE(results[1].met()) << "p* = 2000 / 3000: 0.5 is far from it, so the check must fail";
  const double fitted_only = loss(results);
  EXPECT_GT(fitted_only, 0.0);
  results[1].target.held_out = false;
  const double z = results[1].error / results[1].allowed;
  EXPECT_DOUBLE_EQ(loss(results), fitted_only + z * z);
  EXPECT_NE(results_table(evaluate(spec, {2000.0}, 1)).find("(held out)"), std::string::npos);
}

TEST(Calibration, UnknownStatisticIsAnError) {
  write("targets.csv", "year,observable,column,value,tolerance,kind\n2019,urban_employment_rate,,1,1,absolute_median\n");
  const std::string path =
      write("c.yaml", "scenario: " + std::string(ZHILI_SOURCE_DIR) + "/tests/data/harris_todaro.yaml\n"
                      "targets: targets.csv\n"
                      "parameters:\n  - {key: economy.rural_income, min: 1000, max: 2900}\n");
  try {
    load_calibration(path);
    FAIL() << "absolute_median was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("_max"), std::string::npos) << e.what();
  }
}

}  // namespace zhili

namespace zhili {

// Each bound passes on its own (core at most the scenario's fringe of 8, fringe
// at least its core of 4), but core 7 with fringe 5 is a map the scenario
// refuses. The refusal names the calibration parameters and their values, not
// the "--set #2" the loader gave them inside.
TEST(Calibration, ARefusedCombinationNamesTheParameters) {
  write("targets.csv", "year,observable,column,value,tolerance,kind,source\n"
                       "2019,urban_employment_rate,,0.6,0.01,absolute,test\n");
  const auto path = write("radii.yaml", "scenario: " + std::string(ZHILI_SOURCE_DIR) +
                                            "/tests/data/harris_todaro.yaml\n"
                                            "overrides: [population.households=2000]\n"
                                            "targets: targets.csv\n"
                                            "parameters:\n"
                                            "  - {key: world.generator.core_radius_km, min: 2, max: 8}\n"
                                            "  - {key: world.generator.fringe_radius_km, min: 4, max: 11}\n");
  const auto spec = load_calibration(path);
  try {
    evaluate(spec, {7.0, 5.0}, 1);
    FAIL() << "core 7 km with fringe 5 km was accepted";
  } catch (const RefusedParameters& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("world.generator.core_radius_km=7, world.generator.fringe_radius_km=5"), std::string::npos)
        << what;
    EXPECT_NE(what.find("[calibration parameter world.generator.fringe_radius_km]"), std::string::npos) << what;
    EXPECT_EQ(what.find("--set #"), std::string::npos) << what;
  }
  EXPECT_NO_THROW(evaluate(spec, {5.0, 7.0}, 1));
}

}  // namespace zhili
