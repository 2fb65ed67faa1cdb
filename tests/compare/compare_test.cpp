// Whole comparisons of the small test city (tests/data/small.yaml): an
// identical variant, a variant without a named schedule entry, and the
// files a comparison writes.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compare/arms.hpp"
#include "compare/effects_table.hpp"
#include "io/result_reader.hpp"

namespace zhili::compare {
namespace {

namespace fs = std::filesystem;

std::string read(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The small city for 24 months with its permit entry named "permits": it
// raises hukou.permit_coverage from 0.4 to 0.9 in January 2016.
std::string write_base(const fs::path& dir) {
  std::string text = read(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml");
  const std::string entry = "  - at: 2016-01\n";
  const auto at = text.find(entry);
  EXPECT_NE(at, std::string::npos);
  text.replace(at, entry.size(), "  - name: permits\n    at: 2016-01\n");
  const auto path = (dir / "base.yaml").string();
  std::ofstream(path) << text;
  return path;
}

CompareSpec spec_of(const fs::path& dir, const std::vector<Arm>& variants, int replicates) {
  CompareSpec spec;
  spec.dir = dir.string();
  spec.replicates = replicates;
  spec.seed = 5;
  const std::vector<std::string> shared{"run.steps=24", "output.map_every=0", "population.households=6000"};
  spec.arms.push_back({"base", "base", (dir / "base.yaml").string(), shared});
  for (auto v : variants) {
    v.overrides.insert(v.overrides.begin(), shared.begin(), shared.end());
    spec.arms.push_back(v);
  }
  return spec;
}

fs::path fresh(const std::string& name) {
  const auto d = fs::path(ZHILI_BINARY_DIR) / "compare_test" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// The small city has no economy: outcomes of migration and settlement.
const std::vector<std::string> kOutcomes{"migrant_share", "floating_population", "population_by_registration",
                                         "settlements", "households", "content_share"};

TEST(Compare, AnIdenticalVariantHasExactlyZeroEffect) {
  const auto dir = fresh("identical");
  const auto base = write_base(dir);
  const auto spec = spec_of(dir, {{"v1", "same", base, {}}}, 3);
  const auto done = run_arms(spec, 2, nullptr, {});
  EXPECT_EQ(done.ran, 6);
  const auto t = effect_table(spec, kOutcomes);
  ASSERT_EQ(t.years, (std::vector<int>{2015, 2016}));
  ASSERT_EQ(t.variants.size(), 1u);
  for (std::size_t y = 0; y < t.years.size(); ++y)
    for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
      const auto& e = t.variants[0].by_year[y][o];
      EXPECT_EQ(e.pairs, 3) << t.outcomes[o].header();
      EXPECT_EQ(e.effect, 0.0) << t.outcomes[o].header();
      EXPECT_EQ(e.low, 0.0) << t.outcomes[o].header();
      EXPECT_EQ(e.high, 0.0) << t.outcomes[o].header();
    }
}

// Common random numbers: switching off an entry that starts in 2016 leaves
// 2015 exactly as it was in every replicate, and changes 2016.
TEST(Compare, WithoutAnEntryTheYearsBeforeItStayInStep) {
  const auto dir = fresh("without");
  const auto base = write_base(dir);
  const auto spec = spec_of(dir, {{"v1", "--without permits", base, {"schedule.permits.enabled=false"}}}, 3);
  run_arms(spec, 2, nullptr, {});
  const auto t = effect_table(spec, kOutcomes);
  ASSERT_EQ(t.years, (std::vector<int>{2015, 2016}));
  bool changed_2016 = false;
  for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
    EXPECT_EQ(t.variants[0].by_year[0][o].effect, 0.0) << t.outcomes[o].header();
    EXPECT_EQ(t.variants[0].by_year[0][o].same_sign, 1.0) << t.outcomes[o].header();
    changed_2016 = changed_2016 || t.variants[0].by_year[1][o].effect != 0.0;
  }
  EXPECT_TRUE(changed_2016);
  // Replicates differ from each other (their seeds do), pairs share theirs.
  const ResultReader r1(run_path(spec, 0, 0)), r2(run_path(spec, 0, 1)), v1(run_path(spec, 1, 0));
  EXPECT_NE(r1.metadata().seed, r2.metadata().seed);
  EXPECT_EQ(r1.metadata().seed, v1.metadata().seed);
}

TEST(Compare, WritesTheTablesAndReusesCompleteRuns) {
  const auto dir = fresh("files");
  const auto base = write_base(dir);
  const auto spec = spec_of(dir, {{"v1", "--set policy.hukou.openness=0.9", base, {"policy.hukou.openness=0.9"}}}, 2);
  run_arms(spec, 1, nullptr, {});
  const auto again = run_arms(spec, 1, nullptr, {});
  EXPECT_EQ(again.ran, 0);
  EXPECT_EQ(again.reused, 4);
  const auto t = effect_table(spec, {"migrant_share", "population_by_registration/migrant_permit"});
  ASSERT_EQ(t.outcomes.size(), 2u);
  EXPECT_EQ(t.outcomes[1].header(), "population_by_registration/migrant_permit");
  const std::string csv = effects_csv(t);
  EXPECT_EQ(csv.rfind("variant,label,outcome,unit,year,pairs,base,variant_value,effect,low,high,same_sign,"
                      "budget_change,per_million_yuan,per_million_low,per_million_high\n", 0),
            0u);
  EXPECT_NE(csv.find("v1,--set policy.hukou.openness=0.9,migrant_share,1,2016,2,"), std::string::npos) << csv;
  const std::string md = effects_text(t, 2016, true);
  EXPECT_NE(md.find("| migrant_share | % (effect: pp) |"), std::string::npos) << md;
  write_effects_h5((dir / "compare.h5").string(), t, spec);
  EXPECT_TRUE(fs::exists(dir / "compare.h5"));
  EXPECT_THROW(effect_table(spec, {"no_such_outcome"}), std::invalid_argument);
}

// Variants branched from the base's checkpoints: every pair is the same run
// before the branch, so the effects of the year before are exactly 0, and
// the variants' files hold whole runs.
TEST(Compare, BranchedVariantsAreTheBaseBeforeTheBranch) {
  const auto dir = fresh("branch");
  write_base(dir);
  auto spec = spec_of(dir, {{"v1", "--without permits", (dir / "base.yaml").string(),
                             {"schedule.permits.enabled=false"}}},
                      2);
  spec.branch_at = Date{2016, 1, 1};
  const auto done = run_arms(spec, 2, nullptr, {});
  EXPECT_EQ(done.ran, 4);
  EXPECT_TRUE(fs::exists(dir / "runs" / "base-r01.2016-01-01.ckpt"));
  const ResultReader v(run_path(spec, 1, 0));
  EXPECT_EQ(v.metadata().branch_step, 12);
  EXPECT_EQ(v.metadata().first_step, 0);
  EXPECT_EQ(v.steps_done(), 24);
  const auto t = effect_table(spec, kOutcomes);
  ASSERT_EQ(t.years, (std::vector<int>{2015, 2016}));
  bool changed_2016 = false;
  for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
    EXPECT_EQ(t.variants[0].by_year[0][o].effect, 0.0) << t.outcomes[o].header();
    changed_2016 = changed_2016 || t.variants[0].by_year[1][o].effect != 0.0;
  }
  EXPECT_TRUE(changed_2016);
  // Run again: every file is found complete, the variants as branches.
  EXPECT_EQ(run_arms(spec, 2, nullptr, {}).reused, 4);
}

TEST(Compare, EffectPerMillionYuan) {
  PairedEffect e;
  e.effect = 2.0;
  e.low = 1.0;
  e.high = 3.0;
  const auto more = per_million_yuan(e, 4e6);  // 4 million yuan a year more
  EXPECT_DOUBLE_EQ(more.per_million, 0.5);
  EXPECT_DOUBLE_EQ(more.low, 0.25);
  EXPECT_DOUBLE_EQ(more.high, 0.75);
  const auto saved = per_million_yuan(e, -2e6);  // cheaper: the interval turns round
  EXPECT_DOUBLE_EQ(saved.per_million, -1.0);
  EXPECT_DOUBLE_EQ(saved.low, -1.5);
  EXPECT_DOUBLE_EQ(saved.high, -0.5);
  EXPECT_TRUE(std::isnan(per_million_yuan(e, 0.0).per_million));
}

}  // namespace
}  // namespace zhili::compare
