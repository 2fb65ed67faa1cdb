// Conflict responds to policy step by step on the default district, and the
// test tells a bistable rule apart (docs/MODEL.md 7.12; docs/VALIDATION.md,
// "The whole district"): the district's rule against Epstein's lattice rule
// (one shared threshold, no district response, k = 2.3, incidents as patches).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

struct Response {
  std::vector<double> participation;  // participant-months per 10,000 a year, mean over the run
  std::vector<double> peak_active;    // largest active share of any month
};

// The default district at a tenth of its simulated households (the same real
// population), 2015-2017, at each legitimacy shock.
Response sweep_shock(const std::vector<double>& shocks, const std::vector<std::string>& rule) {
  Response out;
  for (const double shock : shocks) {
    std::vector<std::string> o = {"population.households=5000", "population.scale=40", "run.end=2018-01",
                                  "run.threads=2", "output.map_every=0",
                                  "policy.conflict.legitimacy_shock=" + std::to_string(shock)};
    o.insert(o.end(), rule.begin(), rule.end());
    const Scenario scenario = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml", o);
    Engine e(scenario);
    const std::size_t rate = *e.model().column_of("participation_rate", "");
    const std::size_t share = *e.model().column_of("active_share", "");
    double sum = 0, peak = 0;
    int steps = 0;
    while (!e.done()) {
      e.step();
      sum += e.observables()[rate];
      peak = std::max(peak, e.observables()[share]);
      ++steps;
    }
    out.participation.push_back(sum / steps);
    out.peak_active.push_back(peak);
  }
  return out;
}

// Graded: rising at every step, no step carrying more than half of the total
// change.
bool graded(const std::vector<double>& v, std::string& why) {
  double largest = 0;
  for (std::size_t k = 1; k < v.size(); ++k) {
    const double step = v[k] - v[k - 1];
    if (!(step > 0)) {
      why = "falls or stays between values " + std::to_string(k - 1) + " and " + std::to_string(k);
      return false;
    }
    largest = std::max(largest, step);
  }
  const double total = v.back() - v.front();
  if (largest > 0.5 * total) {
    why = "one step carries " + std::to_string(100 * largest / total) + " % of the change";
    return false;
  }
  return true;
}

const std::vector<double> kShocks = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

}  // namespace

TEST(GradedConflict, TheDistrictRuleRespondsStepByStep) {
  const Response r = sweep_shock(kShocks, {});
  std::string why;
  EXPECT_TRUE(graded(r.participation, why)) << why;
  // Neither silence nor revolt at a moderate shock.
  EXPECT_GT(r.peak_active[0], 0.0005);
  EXPECT_LT(r.peak_active[0], 0.01);
  EXPECT_LT(r.peak_active[1], 0.05) << "a shock of 0.1 already puts a large share of households in revolt";
}

TEST(GradedConflict, TheLatticeRuleIsBistableOnADistrict) {
  // The same test on Epstein's lattice rule fails: the criteria can fail.
  const Response r = sweep_shock(kShocks, {"conflict.threshold_spread=0", "conflict.surge=0",
                                           "conflict.arrest_k=2.3", "conflict.incident_extent=patch",
                                           "conflict.incident_threshold=50"});
  std::string why;
  const bool participation_graded = graded(r.participation, why);
  EXPECT_FALSE(participation_graded && r.peak_active[1] < 0.05)
      << "peak active share at shock 0.1: " << r.peak_active[1];
}

}  // namespace zhili
