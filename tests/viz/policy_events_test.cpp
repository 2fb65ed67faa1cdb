// The schedule's events as the viewer marks them (viz/data/policy_events):
// read back from the resolved scenario a run file stores, one event per
// entry and date, in time order; renewal projects listed for the runs panel
// but marked by their stages instead; files without a resolved scenario
// have none.
#include <gtest/gtest.h>

#include "data/names.hpp"
#include "data/policy_events.hpp"

namespace zhili::view {
namespace {

RunMetadata with_schedule() {
  RunMetadata m;
  m.resolved_scenario =
      "run: {start: 2016-01, end: 2020-01, description: \"A test district\"}\n"
      "services:\n"
      "  enabled: true\n"
      "  outlets: [{name: east, cell: [10, 10], kind: street_station, open_at_start: false}]\n"
      "schedule:\n"
      "  - {name: station, at: 2017-09, outlet: {name: east, open: true}}\n"
      "  - {name: hukou-reform, from: 2016-06, to: 2018-01, ramp: {hukou.openness: [0.2, 0.6]}}\n"
      "  - {at: 2017-03, set: {hukou.permit_coverage: 0.7, conflict.grid_workers: 15}}\n"
      "  - {name: east-village, at: 2018-01, renewal: {area: {zone: urban_village}}}\n";
  m.overrides = "policy.hukou.openness=0.3\nrun.seed=7\n";
  return m;
}

TEST(PolicyEvents, OneEventPerEntryInTimeOrder) {
  const std::vector<PolicyEvent> e = policy_events(with_schedule());
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].step, 5);  // 2016-06
  EXPECT_EQ(e[0].name, "hukou-reform");
  EXPECT_EQ(e[0].what.en, "hukou.openness 0.2 → 0.6 by 2018-01");
  EXPECT_EQ(e[0].label(), "hukou-reform");
  EXPECT_EQ(e[0].date, "2016-06");
  EXPECT_NEAR(e[0].t, 2016.0 + 152.0 / 366.0, 1e-9);  // 1 June of a leap year
  EXPECT_EQ(e[1].step, 14);  // 2017-03, unnamed: labelled by what it does
  EXPECT_EQ(e[1].label(), "hukou.permit_coverage → 0.7, conflict.grid_workers → 15");
  EXPECT_EQ(e[2].step, 20);
  EXPECT_EQ(e[2].what.en, "outlet east opens");
  EXPECT_EQ(e[2].label(), "station");
}

TEST(PolicyEvents, ChineseTextNamesTheLeversFromTheCatalogue) {
  const std::vector<PolicyEvent> e = policy_events(with_schedule());
  ASSERT_EQ(e.size(), 3u);
  const auto zh = [](const char* lever) { return std::string(find_name(NameKind::lever, lever)->name.zh); };
  EXPECT_EQ(e[0].what.zh, zh("hukou.openness") + " 0.2 → 0.6（至 2018-01）");
  EXPECT_EQ(e[1].label(true), zh("hukou.permit_coverage") + " → 0.7，" + zh("conflict.grid_workers") + " → 15");
  EXPECT_EQ(e[2].what.zh, "网点 east 开放");
  EXPECT_EQ(e[2].label(true), "station");  // a name the scenario gives stays as written
}

TEST(PolicyEvents, TheRunsPanelListsEntriesOverridesAndDescription) {
  const RunPolicy p = run_policy(with_schedule());
  EXPECT_EQ(p.description, "A test district");
  EXPECT_EQ(p.overrides, (std::vector<std::string>{"policy.hukou.openness=0.3", "run.seed=7"}));
  std::vector<std::string> en;
  for (const Wording& w : p.entries) en.push_back(w.en);
  EXPECT_EQ(en, (std::vector<std::string>{"hukou-reform 2016-06",
                                          "hukou.permit_coverage → 0.7, conflict.grid_workers → 15 2017-03",
                                          "station 2017-09", "east-village 2018-01"}));
  EXPECT_EQ(p.entries[3].zh, "east-village 2018-01");
}

TEST(PolicyEvents, FilesWithoutAResolvedScenarioHaveNone) {
  RunMetadata m;
  EXPECT_TRUE(policy_events(m).empty());
  m.resolved_scenario = "run: {steps: [1, 2]}\n";  // does not load: no events, no exception
  EXPECT_TRUE(policy_events(m).empty());
  EXPECT_TRUE(run_policy(m).entries.empty());
}

}  // namespace
}  // namespace zhili::view
