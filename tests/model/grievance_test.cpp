// Grievance and the expression channels (docs/MODEL.md 7.10) on the small
// test city with services: refused needs make migrants more aggrieved;
// channels that answer lower grievance and raise legitimacy, channels that
// cannot answer escalate complaints to the petition office; the bookkeeping
// of complaints adds up.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

struct GrievanceFigures {
  double grievance_registered = 0, grievance_migrant = 0, legitimacy = 0, answered_share = 0;
  double filed = 0, answered = 0, ignored = 0, backlog = 0, petitions = 0;
};

GrievanceFigures run_city(std::vector<std::string> overrides) {
  for (const char* o : {"run.steps=24", "run.threads=2", "services.enabled=true", "grievance.enabled=true",
                        "disputes.enabled=true"})
    overrides.emplace_back(o);
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml", overrides);
  Engine e(s);
  const auto at = [&](const char* name, const char* label = "") {
    return e.observables()[e.model().column_of(name, label).value()];
  };
  GrievanceFigures f;
  double answered_share = 0;
  int shares = 0;
  while (!e.done()) {
    e.step();
    for (const char* c : {"hotline", "petition", "meeting"}) {
      f.filed += at("complaints_filed", c);
      f.answered += at("complaints_answered", c);
      f.ignored += at("complaints_ignored", c);
    }
    f.petitions += at("complaints_filed", "petition");
    if (const double a = at("answered_share"); !std::isnan(a)) {
      answered_share += a;
      ++shares;
    }
  }
  for (const char* c : {"hotline", "petition", "meeting"}) f.backlog += at("complaint_backlog", c);
  f.grievance_registered = at("grievance_by_group", "registered");
  f.grievance_migrant = at("grievance_by_group", "migrant");
  f.legitimacy = at("legitimacy");
  f.answered_share = shares > 0 ? answered_share / shares : NAN;
  return f;
}

}  // namespace

TEST(Grievance, RefusedServicesMakeMigrantsMoreAggrieved) {
  const GrievanceFigures equal = run_city({"policy.services.equalization=1", "services.permit_access=1"});
  const GrievanceFigures refused = run_city({"policy.services.equalization=0", "services.permit_access=0"});
  EXPECT_GT(refused.grievance_migrant, equal.grievance_migrant + 0.01);
  EXPECT_GT(refused.grievance_migrant - refused.grievance_registered,
            equal.grievance_migrant - equal.grievance_registered + 0.01);
}

TEST(Grievance, ChannelsThatAnswerCalmAndThoseThatDoNotEscalate) {
  const std::vector<std::string> none{"policy.grievance.hotline_capacity=0", "policy.grievance.petition_capacity=0",
                                      "policy.grievance.meeting_capacity=0"};
  const std::vector<std::string> ample{"policy.grievance.hotline_capacity=10000",
                                       "policy.grievance.petition_capacity=10000",
                                       "policy.grievance.meeting_capacity=10000"};
  const GrievanceFigures silent = run_city(none), heard = run_city(ample);
  EXPECT_GT(silent.filed, 1000);
  EXPECT_EQ(silent.answered, 0);
  EXPECT_NEAR(silent.answered_share, 0.0, 1e-12);
  EXPECT_GT(silent.petitions, 0.2 * silent.filed);  // ignored complaints escalate to petitions
  EXPECT_GT(heard.answered_share, 0.99);
  EXPECT_LT(heard.petitions, 0.05 * heard.filed);
  EXPECT_GT(heard.legitimacy, silent.legitimacy + 0.05);
  EXPECT_LT(heard.grievance_migrant, silent.grievance_migrant);
  EXPECT_LT(heard.grievance_registered, silent.grievance_registered);
  // Every complaint filed is answered, ignored or still waiting.
  for (const auto* f : {&silent, &heard}) EXPECT_NEAR(f->filed, f->answered + f->ignored + f->backlog, 1e-6);
}

}  // namespace zhili
