#include "scenario/suggest.hpp"

#include <gtest/gtest.h>

#include "scenario/detail/key_tree.hpp"

namespace zhili::scenario_detail {
namespace {

TEST(ScenarioSuggest, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("seed", "seed"), 0u);
  EXPECT_EQ(edit_distance("sed", "seed"), 1u);
  EXPECT_EQ(edit_distance("stpes", "steps"), 1u);  // a swap is one edit
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(ScenarioSuggest, ClosestMatchOnlyForLikelyTypos) {
  const std::vector<std::string> keys = {"seed", "steps", "start", "name"};
  EXPECT_EQ(closest_match("sede", keys), "seed");
  EXPECT_EQ(closest_match("stat", keys), "start");
  EXPECT_FALSE(closest_match("population", keys));
  EXPECT_FALSE(closest_match("x", {"at"}));
}

TEST(ScenarioSuggest, DidYouMean) {
  EXPECT_EQ(did_you_mean({}), "");
  EXPECT_EQ(did_you_mean({"a"}), "did you mean 'a'?");
  EXPECT_EQ(did_you_mean({"a", "b", "c"}), "did you mean 'a', 'b' or 'c'?");
}

TEST(ScenarioSuggest, KeyTreeSuggestsSiblingsThenSameNameElsewhere) {
  const KeyTree tree({"run.seed", "run.steps", "migration.enabled", "relocation.enabled"});
  EXPECT_EQ(tree.suggestion("run", "sed"), "did you mean 'seed'?");
  EXPECT_EQ(tree.suggestion("run", "sed", true), "did you mean 'run.seed'?");
  EXPECT_EQ(tree.suggestion("", "seed"), "did you mean 'run.seed'?");
  EXPECT_EQ(tree.suggestion("run", "enabled"),
            "did you mean 'migration.enabled' or 'relocation.enabled'?");
  EXPECT_EQ(tree.suggestion("run", "zzzzzz"), "");
  EXPECT_EQ(tree.enclosing_section("run.sed"), "run");
  EXPECT_EQ(tree.enclosing_section("nothing.here"), "");
}

}  // namespace
}  // namespace zhili::scenario_detail
