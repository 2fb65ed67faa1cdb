// No input may crash the loader or make it throw anything but ScenarioError.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "scenario/load.hpp"

namespace zhili {
namespace {

// True if it loaded; false on ScenarioError; fails the test on anything else.
bool loads(const std::string& text, const std::vector<std::string>& overrides = {}) {
  try {
    load_scenario_text(text, "s.yaml", overrides);
    return true;
  } catch (const ScenarioError& e) {
    EXPECT_FALSE(e.diagnostics().empty());
    return false;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "unexpected exception " << e.what() << " for:\n" << text;
  } catch (...) {
    ADD_FAILURE() << "unexpected exception for:\n" << text;
  }
  return false;
}

TEST(ScenarioRobustness, OddDocuments) {
  const std::vector<std::string> inputs = {
      "~",
      "[]",
      "[1, 2]",
      "\"text\"",
      "\t",
      std::string("\0\xff\xfe garbage", 11),
      "run: ~",
      "run: []",
      "run: {steps: .nan}",
      ": 5",
      "? [a, b]\n: 1",
      "? {a: 1}\n: 1",
      "run: &a {steps: 3}\nworld: *a",
      "output: {path: !!binary aGVsbG8=}",
      "--- !tag\na: 1",
      "%YAML 1.2\n---\nrun: {}",
      "run: {steps: !!int 5}",
      "run: {steps: !!str 5}",
      "policy: {hukou: 5}",
      "policy: {hukou: {openness: {a: 1}}}",
      "world: {generator: {centre: [1e400, -99999999999999999999]}}",
      "world: {generator: {centre: [~, {}]}}",
      "world: {generator: {centre: {x: 1}}}",
      "run: {start: 0000-01, end: 9999-12}",
      "run: {start: 2015-01, end: 9999-12, time_step: week}",
      "schedule: [~, 5, {}, {at: ~}, {set: ~}, {at: 2016-01, set: {}}, "
      "{from: 2016-01, to: 2015-01, ramp: {hukou.openness: 5}}, "
      "{at: 2016-01, set: {hukou: {openness: [1]}}}, {from: ~, to: ~, ramp: ~}, "
      "{from: 2016-01, to: 2017-01, ramp: {hukou.openness: [~, [1]]}}]",
      std::string(100000, '['),
      std::string(20000, '{'),
      "a: " + std::string(5000, '-'),
      "run: {name: " + std::string(1000000, 'a') + "}",
      "run: {description: \"" + std::string(1000000, 'x') + "\"}",
  };
  for (const auto& text : inputs) loads(text);
}

TEST(ScenarioRobustness, OddOverrides) {
  for (const std::string o :
       {"", "=", "==", "a=b=c", "run.seed==1", "run.seed=1\n---\n2", "run.seed=[", "run.seed={",
        "run.seed=&a", "run.seed=*a", "run.steps=\t", ".=1", "run.=1", "..=1",
        "world.generator.centre=[1,2,3]"})
    loads("", {o});
}

// Every file made by deleting or replacing one character of the default
// scenario either loads or reports errors.
// Every third position; under AddressSanitizer every ninth, where a load is
// about twenty times slower (the whole sweep took 500 s there, the longest
// test of `make sanitize` and near its 600 s limit).
#ifdef __SANITIZE_ADDRESS__
constexpr std::size_t kMutationStride = 9;
#else
constexpr std::size_t kMutationStride = 3;
#endif

TEST(ScenarioRobustness, MutationsOfTheDefaultScenario) {
  std::ifstream in(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  ASSERT_FALSE(text.empty());
  for (std::size_t i = 0; i < text.size(); i += kMutationStride) {
    std::string cut = text;
    cut.erase(i, 1);
    loads(cut);
    for (char c : {':', '[', '-', ' ', '\n', '9', '"'}) {
      std::string changed = text;
      changed[i] = c;
      loads(changed);
    }
  }
}

}  // namespace
}  // namespace zhili
