// Every lever of the live panel (kLeverTable) moves a headline outcome of the
// default district in the expected direction: two runs of each lever, low
// and high, with the same seed (common random numbers), at a tenth of the
// simulated households; the outcome is its mean over the run's steps (NaN
// steps left out), or its last value for a state.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/levers.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

struct LeverCase {
  std::string lever;        // path without "policy."
  double low, high;
  std::string outcome;      // observable
  std::string label;        // breakdown column, or ""
  int direction;            // +1: the outcome rises with the lever, -1: it falls
  bool last = false;        // compare the last step's value, not the mean
};

double outcome(const LeverCase& c, double value) {
  Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml",
                             {"population.households=5000", "population.scale=40", "run.end=2017-01",
                              "run.spinup=6", "run.threads=2", "output.map_every=0",
                              "policy." + c.lever + "=" + std::to_string(value)});
  // The schedule moves some levers later; a lever swept here keeps its value.
  std::erase_if(s.schedule, [&](const ScheduleEntry& e) { return lever_info(e.lever).path == c.lever; });
  Engine e(s);
  const auto at = e.model().column_of(c.outcome, c.label);
  EXPECT_TRUE(at.has_value()) << c.outcome << " " << c.label;
  double sum = 0, last = NAN;
  int n = 0;
  while (!e.done()) {
    e.step();
    const double v = e.observables()[at.value_or(0)];
    if (std::isnan(v)) continue;
    sum += v;
    last = v;
    ++n;
  }
  return c.last ? last : sum / n;
}

void expect_bites(const std::vector<LeverCase>& cases) {
  for (const auto& c : cases) {
    const double lo = outcome(c, c.low), hi = outcome(c, c.high);
    EXPECT_GT(c.direction * (hi - lo), 0.0) << c.lever << " " << c.low << " -> " << c.high << ": " << c.outcome
                                             << (c.label.empty() ? "" : "/" + c.label) << " " << lo << " -> " << hi;
  }
}

}  // namespace

TEST(LeversBite, Hukou) {
  expect_bites({{"hukou.openness", 0, 1, "urban_share_registration", "", +1, true},
                {"hukou.permit_coverage", 0, 1, "coverage_by_group", "migrant", +1},
                {"hukou.points_threshold", 0, 30, "settlements", "", -1}});
}

TEST(LeversBite, Services) {
  std::vector<LeverCase> cases = {{"services.integration", 0, 1, "trips_per_case", "", -1},
                                  {"services.data_sharing", 0, 1, "trips_per_case", "", -1},
                                  {"services.equalization", 0, 1, "coverage_by_group", "migrant", +1},
                                  {"services.digital_growth", 0, 1, "online_share", "", +1},
                                  {"services.purchase_budget", 0, 5e6, "days_to_complete", "", -1}};
  for (const char* need : kNeedNames)
    cases.push_back({std::string("services.online.") + need, 0, 1, "online_share", "", +1});
  expect_bites(cases);
}

TEST(LeversBite, GrievanceChannels) {
  expect_bites({{"grievance.hotline_capacity", 5, 200, "answered_share", "", +1},
                {"grievance.petition_capacity", 0, 50, "answered_share", "", +1},
                {"grievance.meeting_capacity", 2, 100, "answered_share", "", +1},
                {"grievance.response_factor", 0.1, 10, "answered_share", "", +1}});
}

TEST(LeversBite, Disputes) {
  expect_bites({{"disputes.mediators", 0.2, 20, "clearance_rate", "mediation", +1},
                {"disputes.court_capacity", 20, 10000, "clearance_rate", "court", +1},
                {"disputes.internet_court_capacity", 0, 1000, "disputes_rate", "court", -1}});
}

TEST(LeversBite, Conflict) {
  expect_bites({{"conflict.grid_workers", 0, 30, "participation_rate", "", -1},
                {"conflict.police", 0, 30, "participation_rate", "", -1},
                {"conflict.assistance", 0, 1, "participation_rate", "", -1},
                {"conflict.legitimacy_shock", 0, 0.3, "participation_rate", "", +1}});
}

TEST(LeversBite, Insurance) {
  expect_bites({{"insurance.enforcement", 0, 1, "pension_coverage_by_group", "migrant", +1, true}});
}

TEST(LeversBite, EveryLeverOfThePanelIsTested) {
  // The cases above, by lever: a lever added to kLeverTable without a case fails here.
  const std::set<std::string> tested = {
      "hukou.openness", "hukou.permit_coverage", "hukou.points_threshold", "services.integration",
      "services.data_sharing", "services.equalization", "services.digital_growth", "services.purchase_budget",
      "grievance.hotline_capacity", "grievance.petition_capacity", "grievance.meeting_capacity",
      "grievance.response_factor", "disputes.mediators", "disputes.court_capacity",
      "disputes.internet_court_capacity", "conflict.grid_workers", "conflict.police", "conflict.assistance",
      "conflict.legitimacy_shock", "insurance.enforcement"};
  for (const auto& l : kLeverTable) {
    const std::string path(l.path);
    if (path.rfind("services.online.", 0) == 0) continue;  // every need, in Services
    EXPECT_TRUE(tested.count(path)) << path << " has no case in LeversBite";
  }
}

}  // namespace zhili
