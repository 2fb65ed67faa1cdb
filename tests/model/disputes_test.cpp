// Disputes (docs/VALIDATION.md, "Disputes"): the Pudong-like district court
// of scenarios/disputes/pudong-court.yaml against the domain brief's figures
// for the first half of 2017 (72,753 cases received, 71,580 concluded: a
// clearance rate of 98.4 %), and the internet court of
// scenarios/disputes/internet-court.yaml (Hangzhou: 7,372 cases accepted by
// 15 April 2018, 96 % filed online). And the queue arithmetic: a path short of
// capacity concludes what it can and its backlog grows.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

// Per step, per path: filed, concluded, backlog, days, clearance.
struct PathSeries {
  std::vector<std::array<double, kDisputePathCount>> filed, concluded, backlog, days, clearance;
  std::vector<double> online_share;
};

PathSeries run_disputes(const std::string& file, std::vector<std::string> overrides = {}) {
  overrides.push_back("run.threads=2");
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/disputes/" + file, overrides);
  Engine e(s);
  PathSeries out;
  const auto read = [&](const char* name) {
    std::array<double, kDisputePathCount> v{};
    for (std::size_t p = 0; p < kDisputePathCount; ++p)
      v[p] = e.observables()[e.model().column_of(name, kDisputePathNames[p]).value()];
    return v;
  };
  while (!e.done()) {
    e.step();
    out.filed.push_back(read("disputes_filed"));
    out.concluded.push_back(read("disputes_concluded"));
    out.backlog.push_back(read("dispute_backlog"));
    out.days.push_back(read("dispute_days"));
    out.clearance.push_back(read("clearance_rate"));
    out.online_share.push_back(e.observables()[e.model().column_of("internet_online_share").value()]);
  }
  return out;
}

double total(const std::vector<std::array<double, kDisputePathCount>>& v, std::size_t path, std::size_t from,
             std::size_t to) {
  double s = 0;
  for (std::size_t k = from; k < to; ++k) s += v[k][path];
  return s;
}

constexpr std::size_t kMediation = 0, kCourt = 1, kInternet = 2;

}  // namespace

TEST(Disputes, PudongCourtClearsNearNinetyEightPercentWithAStableBacklog) {
  const PathSeries r = run_disputes("pudong-court.yaml");
  ASSERT_EQ(r.filed.size(), 30u);  // 2015-01 .. 2017-06
  // January to June 2017 are steps 24..29.
  const double received = total(r.filed, kCourt, 24, 30), concluded = total(r.concluded, kCourt, 24, 30);
  EXPECT_NEAR(received, 72753, 0.05 * 72753);
  EXPECT_NEAR(concluded, 71580, 0.05 * 71580);
  EXPECT_NEAR(concluded / received, 71580.0 / 72753.0, 0.015);
  EXPECT_DOUBLE_EQ(r.clearance[29][kCourt], concluded / received);  // the series' six-month window
  // Stable backlog: about two months of filings, in 2016 as in 2017.
  const double ratio_2016 = r.backlog[17][kCourt] / (total(r.filed, kCourt, 12, 18) / 6);
  const double ratio_2017 = r.backlog[29][kCourt] / (total(r.filed, kCourt, 24, 30) / 6);
  EXPECT_GT(ratio_2016, 1.5);
  EXPECT_LT(ratio_2016, 3.0);
  EXPECT_NEAR(ratio_2017, ratio_2016, 0.2 * ratio_2016);
  // A court case takes its 75 days, more after a failed mediation; mediation its 20.
  EXPECT_GT(r.days[29][kCourt], 75);
  EXPECT_LT(r.days[29][kCourt], 100);
  EXPECT_DOUBLE_EQ(r.days[29][kMediation], 20);
}

TEST(Disputes, EveryDisputeIsSettledOrPendingByKind) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/disputes/pudong-court.yaml",
                                   {"run.threads=2", "policy.disputes.court_capacity=9000"});
  Engine e(s);
  std::array<double, kDisputeKindCount> arisen{}, settled{}, pending{};
  double days_labour = 0;
  while (!e.done()) {
    e.step();
    for (std::size_t k = 0; k < kDisputeKindCount; ++k) {
      const auto at = [&](const char* name) {
        return e.observables()[e.model().column_of(name, kDisputeKindNames[k]).value()];
      };
      arisen[k] += at("disputes_arising");
      settled[k] += at("disputes_settled_by_kind");
      pending[k] = at("disputes_pending_by_kind");
      if (k == 0) days_labour = at("dispute_days_by_kind");
    }
  }
  for (std::size_t k = 0; k < kDisputeKindCount; ++k) {
    EXPECT_GT(arisen[k], 1000) << kDisputeKindNames[k];
    EXPECT_DOUBLE_EQ(arisen[k], settled[k] + pending[k]) << kDisputeKindNames[k];
    EXPECT_GT(pending[k], 0) << kDisputeKindNames[k];  // the court is short of capacity
  }
  EXPECT_GT(days_labour, 20);  // mediation's 20 days at the least
}

TEST(Disputes, InternetCourtFilesOnlineAndResolvesFaster) {
  const PathSeries r = run_disputes("internet-court.yaml");
  // Steps 7..15: August 2017 to April 2018. Before August there is none.
  EXPECT_EQ(total(r.filed, kInternet, 0, 7), 0);
  const double accepted = total(r.filed, kInternet, 7, 16);
  // 7,372 by 15 April: 8.5 of these 9 months.
  EXPECT_NEAR(accepted * 8.5 / 9.0, 7372, 0.1 * 7372);
  double online = 0;
  for (std::size_t k = 7; k < 16; ++k) online += r.online_share[k] * r.filed[k][kInternet];
  EXPECT_NEAR(online / accepted, 0.96, 0.02);
  for (std::size_t k = 7; k < 16; ++k) EXPECT_LT(r.days[k][kInternet], 0.5 * r.days[k][kCourt]) << k;
}

TEST(Disputes, APathShortOfCapacityBuildsABacklog) {
  // The Pudong court at 6,000 cases a month, half of its caseload.
  const PathSeries r = run_disputes("pudong-court.yaml", {"policy.disputes.court_capacity=6000"});
  for (std::size_t k = 3; k < r.filed.size(); ++k) EXPECT_NEAR(r.concluded[k][kCourt], 6000, 5.0) << k;
  EXPECT_GT(r.backlog[29][kCourt], r.backlog[17][kCourt] + 50000);
  EXPECT_LT(r.clearance[29][kCourt], 0.6);
  EXPECT_GT(r.days[29][kCourt], 200);  // waiting for the court, not processing
}

}  // namespace zhili
