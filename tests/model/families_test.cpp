// Split families and social insurance (docs/MODEL.md 7.15): a household left
// behind by a move and joined again is whole; on the default district, more
// open schooling (equalization) brings families together and leaves fewer
// children behind, and enforcement raises migrants' insurance and lowers the
// hardship of the injured; observables are the same for 1 and 2 threads.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "model/families.hpp"
#include "scenario/load.hpp"

namespace zhili {
namespace {

TEST(Families, LeftBehindMembersStayApartAndJoinAgain) {
  HouseholdStore h;
  h.reserve(8, 8);
  FamilySpec f;
  const auto make = [&h] {
    const std::size_t slot = h.append(0, Registration::migrant, 6, 0);
    h.workers[slot] = 3;
    h.children[slot] = 2;
    h.elderly[slot] = 1;
    return slot;
  };
  f.whole_family_share = 0.0;   // every move leaves them behind ...
  f.children_left_share = 1.0;  // ... every one of them
  f.elderly_left_share = 1.0;
  f.workers_left_share = 1.0;   // ... and every worker but the first
  const std::size_t a = make();
  split_on_move(h, a, f, 7, 3);
  EXPECT_EQ(h.size[a], 1);
  EXPECT_EQ(h.workers[a], 1) << "the first worker always goes";
  EXPECT_EQ(h.children[a], 0);
  EXPECT_EQ(h.elderly[a], 0);
  EXPECT_EQ(h.left_children[a], 2);
  EXPECT_EQ(h.left_elderly[a], 1);
  EXPECT_EQ(h.left_workers[a], 2);
  EXPECT_EQ(h.left_at_origin(a), 5);
  // Joining in the city brings the children and elderly; the workers keep the farm.
  reunite_in_city(h, a);
  EXPECT_EQ(h.size[a], 4);
  EXPECT_EQ(h.children[a], 2);
  EXPECT_EQ(h.elderly[a], 1);
  EXPECT_EQ(h.workers[a], 1);
  EXPECT_EQ(h.left_workers[a], 2);
  // Going home brings everyone.
  rejoin_at_origin(h, a);
  EXPECT_EQ(h.size[a], 6);
  EXPECT_EQ(h.workers[a], 3);
  EXPECT_EQ(h.left_at_origin(a), 0);

  f.whole_family_share = 1.0;  // every move is whole
  const std::size_t b = make();
  split_on_move(h, b, f, 7, 3);
  EXPECT_EQ(h.size[b], 6);
  EXPECT_EQ(h.left_at_origin(b), 0);
  f.enabled = false;
  f.whole_family_share = 0.0;
  split_on_move(h, b, f, 7, 3);
  EXPECT_EQ(h.size[b], 6) << "family.enabled = false: households move whole";

  // A household of one worker has no one to leave.
  f.enabled = true;
  const std::size_t c = h.append(0, Registration::migrant, 1, 0);
  h.workers[c] = 1;
  split_on_move(h, c, f, 7, 3);
  EXPECT_EQ(h.size[c], 1);
  EXPECT_EQ(h.workers[c], 1);
}

// The default district at a tenth of its households, 2015-2018, a lever held
// at `value` (its schedule entries removed), common random numbers.
// The engine keeps a reference to its scenario: the caller holds it.
Scenario district(const std::string& lever, double value, int threads = 2) {
  Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml",
                             {"population.households=20000", "population.scale=10", "run.end=2018-01",
                              "run.threads=" + std::to_string(threads), "output.map_every=0",
                              "policy." + lever + "=" + std::to_string(value)});
  std::erase_if(s.schedule, [&](const ScheduleEntry& e) { return lever_info(e.lever).path == lever; });
  return s;
}

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  int n = 0;
  for (double x : v)
    if (!std::isnan(x)) {
      sum += x;
      ++n;
    }
  return n > 0 ? sum / n : NAN;
}

std::vector<std::vector<double>> run_all(Engine& e) {
  std::vector<std::vector<double>> rows;
  while (!e.done()) {
    e.step();
    rows.emplace_back(e.observables().begin(), e.observables().end());
  }
  return rows;
}

double column_sum(const Engine& e, const std::vector<std::vector<double>>& rows, const std::string& name,
                  const std::string& label) {
  const std::size_t at = *e.model().column_of(name, label);
  double sum = 0;
  for (const auto& r : rows) sum += r[at];
  return sum;
}

double last(const Engine& e, const std::vector<std::vector<double>>& rows, const std::string& name,
            const std::string& label) {
  return rows.back()[*e.model().column_of(name, label)];
}

TEST(Families, EqualizationBringsFamiliesTogetherAndLeavesFewerChildrenBehind) {
  const Scenario s_closed = district("services.equalization", 0.1), s_open = district("services.equalization", 0.9);
  Engine closed(s_closed), open(s_open);
  const auto a = run_all(closed), b = run_all(open);
  const double joined_closed = column_sum(closed, a, "reunifications", "");
  const double joined_open = column_sum(open, b, "reunifications", "");
  EXPECT_GT(joined_open, 1.3 * joined_closed) << "reunifications 2015-2017: " << joined_closed << " at 0.1, "
                                              << joined_open << " at 0.9";
  const double left_closed = last(closed, a, "left_behind", "children");
  const double left_open = last(open, b, "left_behind", "children");
  EXPECT_LT(left_open, left_closed) << "children left behind at the end";
  EXPECT_GT(last(open, b, "migrant_children", "public_school"), last(closed, a, "migrant_children", "public_school"));
}

TEST(Families, EnforcementRaisesInsuranceAndLowersTheHardshipOfTheInjured) {
  const Scenario s_lax = district("insurance.enforcement", 0.0), s_strict = district("insurance.enforcement", 1.0);
  Engine lax(s_lax), strict(s_strict);
  const auto a = run_all(lax), b = run_all(strict);
  for (const char* scheme : {"pension_coverage_by_group", "medical_coverage_by_group", "work_injury_coverage_by_group"}) {
    const double before = last(lax, a, scheme, "migrant"), after = last(strict, b, scheme, "migrant");
    EXPECT_GT(after, before + 0.3) << scheme << " of migrants at the end: " << before << " -> " << after;
  }
  const std::size_t at = *lax.model().column_of("hardship_after_shock", "work_injury");
  std::vector<double> ha, hb;
  for (const auto& r : a) ha.push_back(r[at]);
  for (const auto& r : b) hb.push_back(r[at]);
  EXPECT_LT(mean_of(hb), mean_of(ha)) << "mean hardship after a work injury";
}

// The China scenario at 5,000 households (each 7,440 times larger: the same
// 1.34 billion people), with `extra` overrides.
Scenario china(std::vector<std::string> extra) {
  std::vector<std::string> o{"population.households=5000", "population.scale=74400", "run.threads=2",
                             "output.map_every=0"};
  o.insert(o.end(), extra.begin(), extra.end());
  return load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/china-1978-2014.yaml", o);
}

// Workers left on the farm take farming's room first, so more villagers at
// home work off the farm (本地农民工), and households that leave one are
// split (住户中外出): the whole-family share falls.
TEST(Families, WorkersLeftOnTheFarmMakeLocalMigrantWorkers) {
  const Scenario s_none = china({"run.steps=444", "family.workers_left_share=0"});
  const Scenario s_most = china({"run.steps=444", "family.workers_left_share=0.9"});
  Engine none(s_none), most(s_most);
  const auto a = run_all(none), b = run_all(most);
  EXPECT_EQ(last(none, a, "left_behind", "workers"), 0.0);
  EXPECT_GT(last(most, b, "left_behind", "workers"), 0.0);
  const double local_none = last(none, a, "migrant_workers", "local");
  const double local_most = last(most, b, "migrant_workers", "local");
  EXPECT_GT(local_most, 1.2 * local_none) << "local migrant workers in 2014: " << local_none << " and " << local_most;
  EXPECT_LT(last(most, b, "whole_family_share", ""), last(none, a, "whole_family_share", "") - 0.05);
}

// Projected to 2030, farming's room shrinks below the workers left on the
// farms; those beyond it work off the farm, so farming follows its ceiling
// (0.682 - 0.01075 a year since 1978: 11.3 % at the end of 2030) instead of
// staying at the share the workers left would give it.
TEST(Families, FarmingFollowsItsCeilingWhenTheWorkersLeftFillIt) {
  const Scenario s = china({});
  Engine e(s);
  const auto rows = run_all(e);
  const double years = 53.0 - 1.0 / 12.0;  // 1978-01 to the last step, 2030-12
  const double ceiling = s.economy.primary_share + s.economy.primary_shift * years;
  EXPECT_LT(last(e, rows, "employment_share", "primary"), ceiling + 0.01);
  EXPECT_GT(last(e, rows, "left_behind", "workers"), 0.0);
}

TEST(Families, TheSameForOneAndTwoThreads) {
  const Scenario s_one = district("insurance.enforcement", 0.5, 1), s_two = district("insurance.enforcement", 0.5, 2);
  Engine one(s_one), two(s_two);
  const auto a = run_all(one), b = run_all(two);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t t = 0; t < a.size(); ++t)
    for (std::size_t c = 0; c < a[t].size(); ++c)
      ASSERT_TRUE(a[t][c] == b[t][c] || (std::isnan(a[t][c]) && std::isnan(b[t][c])))
          << "step " << t << ", column " << c;
}

}  // namespace
}  // namespace zhili
