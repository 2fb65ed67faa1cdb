// Calibration files: loading, error reporting, and a small fit that must
// recover a known parameter (a fit that could fail if the machinery were broken).
#include "calibrate/calibration.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "calibrate/nelder_mead.hpp"
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

TEST(Calibration, UnknownObservableIsAClearError) {
  write("targets2.csv", "year,observable,column,value,tolerance,kind\n2010,no_such_series,,1,0.1,absolute\n");
  const auto path = write("unknown.yaml", "scenario: " + std::string(ZHILI_SOURCE_DIR) +
                                              "/tests/data/harris_todaro.yaml\ntargets: targets2.csv\n"
                                              "parameters:\n  - {key: migration.ht_beta, min: 0, max: 5}\n");
  const auto spec = load_calibration(path);
  EXPECT_THROW(evaluate(spec, {1.0}, 1), std::runtime_error);
}

}  // namespace zhili
