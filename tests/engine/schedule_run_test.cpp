// Schedule application through the engine: the lever values in force at every
// step are the ones the schedule prescribes (step changes and ramps), and the
// result file records them.
#include <gtest/gtest.h>

#include "engine/engine.hpp"
#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "scenario/load.hpp"

namespace zhili {

TEST(ScheduleRun, LeversInForceFollowStepsAndRamps) {
  // small.yaml: monthly from 2015-01; permit coverage set to 0.9 at 2016-01
  // (step 12); openness ramps 0.2 -> 0.8 from 2015-07 (step 6) to 2017-01 (step 24).
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                                   {"run.steps=30", "run.threads=2"});
  const std::string path = std::string(ZHILI_BINARY_DIR) + "/schedule_run.h5";
  run_scenario(s, RunRequest{path, nullptr, {}});
  const ResultReader r(path);
  const auto openness = r.read_lever("hukou.openness");
  const auto permit = r.read_lever("hukou.permit_coverage");
  ASSERT_EQ(openness.size(), 30u);
  ASSERT_EQ(permit.size(), 30u);
  EXPECT_DOUBLE_EQ(permit[11], 0.4);  // default until the change
  EXPECT_DOUBLE_EQ(permit[12], 0.9);
  EXPECT_DOUBLE_EQ(permit[29], 0.9);
  EXPECT_DOUBLE_EQ(openness[0], 0.2);
  EXPECT_DOUBLE_EQ(openness[6], 0.2);
  EXPECT_DOUBLE_EQ(openness[15], 0.2 + (0.8 - 0.2) * 9.0 / 18.0);
  EXPECT_DOUBLE_EQ(openness[24], 0.8);
  EXPECT_DOUBLE_EQ(openness[29], 0.8);
  const auto dates = r.dates();
  EXPECT_EQ(dates[12], "2016-01-01");
  EXPECT_EQ(dates[24], "2017-01-01");
}

TEST(ScheduleRun, PermitCoverageChangeShowsInArrivals) {
  // After the step change to 0.9 coverage most newcomers hold a permit: the
  // permit holders' share of migrants rises. (A lever that did nothing would fail this.)
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                                   {"run.steps=36", "run.threads=2"});
  Engine e(s);
  auto permit_share = [&] {
    std::int64_t with = 0, all = 0;
    for (auto reg : e.world().households.registration) {
      with += reg == Registration::migrant_permit;
      all += is_migrant(reg);
    }
    return static_cast<double>(with) / static_cast<double>(all);
  };
  while (e.step_index() < 12) e.step();
  const double before = permit_share();
  while (!e.done()) e.step();
  EXPECT_GT(permit_share(), before + 0.05);
}

}  // namespace zhili
