// Epstein's civil violence model in zhili (docs/VALIDATION.md, "Conflict"):
// scenarios/conflict/epstein-rebellion.yaml, the NetLogo "Rebellion"
// defaults with migration and services off.
//  - Punctuated equilibrium: collective incidents come in bursts separated by
//    long quiet spells; the waiting times between them have a coefficient of
//    variation above 1 (a Poisson stream has 1).
//  - A sudden legitimacy drop produces a larger outburst than the same drop
//    spread over time (Epstein 2002, "legitimacy shocks").
//  - Grievance is G = H (1 - L), deterrence lowers activity, assistance
//    lowers special populations' activity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

const std::string kEpstein = std::string(ZHILI_SOURCE_DIR) + "/scenarios/conflict/epstein-rebellion.yaml";

struct ConflictRun {
  std::vector<double> active;           // real active households per step
  std::vector<std::int64_t> starts;     // incident start steps (incidents peaking at >= min_peak)
  double hardship = 0, grievance = 0;   // means at the first step
};

ConflictRun run(Scenario s, double min_peak = 0) {
  Engine e(s);
  ConflictRun r;
  const auto column = [&](const char* name) { return e.model().column_of(name).value(); };
  const std::size_t active = column("active");
  while (!e.done()) {
    e.step();
    if (e.step_index() == 1) {
      r.hardship = e.observables()[column("hardship")];
      r.grievance = e.observables()[column("grievance")];
    }
    r.active.push_back(e.observables()[active]);
    e.model().drain_events(e.done(), [&](std::size_t, std::span<const double> row) {
      if (row[3] >= min_peak) r.starts.push_back(static_cast<std::int64_t>(row[1]));
    });
  }
  std::sort(r.starts.begin(), r.starts.end());
  r.starts.erase(std::unique(r.starts.begin(), r.starts.end()), r.starts.end());
  return r;
}

Scenario epstein(std::vector<std::string> overrides) {
  overrides.push_back("run.threads=1");
  return load_scenario(kEpstein, overrides);
}

double coefficient_of_variation(const std::vector<std::int64_t>& starts) {
  std::vector<double> waits;
  for (std::size_t i = 1; i < starts.size(); ++i) waits.push_back(static_cast<double>(starts[i] - starts[i - 1]));
  const double mean = std::accumulate(waits.begin(), waits.end(), 0.0) / static_cast<double>(waits.size());
  double var = 0;
  for (double w : waits) var += (w - mean) * (w - mean);
  return std::sqrt(var / static_cast<double>(waits.size())) / mean;
}

double sum(const std::vector<double>& v, std::size_t from, std::size_t to) {
  return std::accumulate(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(to), 0.0);
}
double peak(const std::vector<double>& v, std::size_t from, std::size_t to) {
  return *std::max_element(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(to));
}

}  // namespace

TEST(Conflict, GrievanceIsHardshipTimesIllegitimacy) {
  // H ~ U(0,1) of each household's own, L = 0.82: mean H 1/2, mean G 0.09.
  const ConflictRun r = run(epstein({"run.steps=1"}));
  EXPECT_NEAR(r.hardship, 0.5, 0.03);  // 1,120 households: standard error 0.009
  EXPECT_NEAR(r.grievance, 0.5 * (1 - 0.82), 0.03 * 0.18);
  EXPECT_NEAR(r.grievance / r.hardship, 1 - 0.82, 1e-6);
}

TEST(Conflict, PunctuatedEquilibriumHasBurstyWaitingTimes) {
  // Incidents with at least 50 active households at their peak: long quiet
  // spells and bursts. Over 6,000 steps each seed gives 60-120 of them.
  for (int seed : {1, 2, 3}) {
    const ConflictRun r = run(epstein({"run.steps=6000", "run.seed=" + std::to_string(seed)}), 50);
    ASSERT_GT(r.starts.size(), 30u) << "seed " << seed;
    const double cv = coefficient_of_variation(r.starts);
    EXPECT_GT(cv, 1.0) << "seed " << seed << ": " << r.starts.size() << " incidents";
    // Quiet most of the time: the median step has few actives.
    std::vector<double> a = r.active;
    std::nth_element(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(a.size() / 2), a.end());
    EXPECT_LT(a[a.size() / 2], 20.0) << "seed " << seed;
    EXPECT_GT(*std::max_element(r.active.begin(), r.active.end()), 200.0) << "seed " << seed;
  }
}

TEST(Conflict, SuddenLegitimacyDropGivesLargerOutburstThanGradualOne) {
  // L = 0.9, then 0.2 lower: at once at step 100, or by a ramp over steps 100-300.
  const auto shock = [](bool sudden, int seed) {
    Scenario s = epstein({"run.steps=300", "grievance.legitimacy=0.9", "run.seed=" + std::to_string(seed)});
    const auto lever = LeverId::conflict_legitimacy_shock;
    if (sudden)
      s.schedule.push_back({ScheduleEntry::Kind::set, lever, 100, 100, 0.2, 0.2, 0});
    else
      s.schedule.push_back({ScheduleEntry::Kind::ramp, lever, 100, 300, 0.0, 0.2, 0});
    return run(s).active;
  };
  for (int seed : {1, 2, 3}) {
    const auto sudden = shock(true, seed), gradual = shock(false, seed);
    EXPECT_LT(peak(sudden, 0, 100), 20.0);  // quiet before the shock
    // The first outburst: within 50 steps of the drop.
    EXPECT_GT(peak(sudden, 100, 150), 5 * std::max(peak(gradual, 100, 150), 10.0)) << "seed " << seed;
    // And over the whole transition.
    EXPECT_GT(sum(sudden, 100, 300), 1.5 * sum(gradual, 100, 300)) << "seed " << seed;
  }
}

TEST(Conflict, OfficersDeterAndAssistanceCalmsSpecialPopulations) {
  const auto mean_active = [](std::vector<std::string> o) {
    o.push_back("run.steps=300");
    const ConflictRun r = run(epstein(o));
    return sum(r.active, 0, r.active.size()) / static_cast<double>(r.active.size());
  };
  const double fewer = mean_active({"policy.conflict.grid_workers=300"});
  const double more = mean_active({"policy.conflict.grid_workers=900"});
  EXPECT_GT(fewer, 2 * more);
  // Half the households in a special population: without assistance their
  // risk aversion is halved and their hardship raised.
  const double without = mean_active({"population.special_share=0.5", "policy.conflict.assistance=0",
                                      "policy.conflict.grid_workers=900"});
  const double with = mean_active({"population.special_share=0.5", "policy.conflict.assistance=1",
                                   "policy.conflict.grid_workers=900"});
  EXPECT_GT(without, 1.5 * with);
}

}  // namespace zhili
