// Public services (docs/MODEL.md 7.9): bookkeeping of cases, eligibility,
// trips at integrated and single-function outlets, deterministic choice, the
// schedule opening an outlet, and thread-count independence.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

OutletSpec outlet(const std::string& name, int x, int y, OutletKindSpec kind, int windows) {
  OutletSpec o;
  o.name = name;
  o.x = x;
  o.y = y;
  o.kind = kind;
  o.windows = windows;
  return o;
}

// tests/data/small.yaml (30,000 households on 60 x 50 cells of 0.5 km) with
// services on and the given outlets; the online platform off unless asked.
Scenario with_services(std::vector<OutletSpec> outlets, std::vector<std::string> overrides = {}) {
  overrides.push_back("run.threads=2");
  Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml", overrides);
  s.services.enabled = true;
  s.services.outlets = std::move(outlets);
  s.services.online.enabled = false;
  return s;
}

double value(Engine& e, const std::string& name, const std::string& label = "") {
  const auto at = e.model().column_of(name, label);
  EXPECT_TRUE(at.has_value()) << "no series " << name << " " << label;
  return e.observables()[at.value_or(0)];
}

double sum_of(Engine& e, const std::string& name, const std::vector<std::string>& labels) {
  double total = 0;
  for (const auto& l : labels) total += value(e, name, l);
  return total;
}

const std::vector<std::string> kNeeds{kNeedNames.begin(), kNeedNames.end()};

// Makes every case finish in one visit at an integrating outlet: no missing
// documents, no processing errors.
void no_return_trips(Scenario& s) {
  for (auto& n : s.services.needs) n.missing_document = 0;
  for (auto& o : s.services.outlets) o.error_rate = 0;
}

}  // namespace

TEST(Services, EveryNeedArisingIsCompletedExpiredRefusedOrStillOpen) {
  Scenario s = with_services({outlet("centre", 30, 25, OutletKindSpec::district_centre, 6),
                              outlet("east", 45, 25, OutletKindSpec::street_station, 2),
                              outlet("window", 31, 25, OutletKindSpec::department_window, 1)});
  s.services.online.enabled = true;
  s.services.online.capacity_per_day = 50;
  Engine e(s);
  double arising = 0, completed = 0, expired = 0, ineligible = 0;
  while (!e.done()) {
    e.step();
    arising += sum_of(e, "needs_arising", kNeeds);
    completed += value(e, "cases_completed");
    expired += value(e, "cases_expired");
    ineligible += value(e, "cases_ineligible");
  }
  const double open = value(e, "unmet_needs");
  EXPECT_GT(arising, 1000.0);
  EXPECT_GT(completed, 0.0);
  EXPECT_GT(expired, 0.0);     // three outlets cannot serve a 150,000-household district in time
  EXPECT_GT(ineligible, 0.0);  // equalization 0.5 refuses some migrants' needs
  EXPECT_DOUBLE_EQ(arising, completed + expired + ineligible + open);
}

TEST(Services, FullEqualizationRefusesNobodyAndNoneRefusesMigrantsRestrictedNeeds) {
  const auto refused_share = [](const char* equalization, const char* permit_access) {
    Scenario s = with_services({outlet("centre", 30, 25, OutletKindSpec::district_centre, 50)},
                               {std::string("policy.services.equalization=") + equalization});
    s.services.permit_access = std::stod(permit_access);
    Engine e(s);
    double arising = 0, refused = 0;
    while (!e.done()) {
      e.step();
      arising += sum_of(e, "needs_arising", kNeeds);
      refused += value(e, "cases_ineligible");
    }
    return refused / arising;
  };
  EXPECT_EQ(refused_share("1", "0"), 0.0);
  // Nothing for migrants: every restricted need of theirs is refused - about
  // a third of households are migrants and most need types are restricted.
  const double none = refused_share("0", "0");
  EXPECT_GT(none, 0.1);
  EXPECT_LT(none, 0.5);
  EXPECT_LT(refused_share("0.5", "0.5"), 0.5 * none);
}

TEST(Services, IntegratedOutletFinishesACaseInOneTripSingleDepartmentWindowsNeedOnePerDepartment) {
  const auto trips = [](OutletKindSpec kind) {
    Scenario s = with_services({outlet("only", 30, 25, kind, 400)}, {"policy.services.integration=1",
                                                                    "policy.services.equalization=1"});
    for (auto& n : s.services.needs) n.departments = 3;
    no_return_trips(s);
    Engine e(s);
    double completed = 0, trips_total = 0;
    while (!e.done()) {
      e.step();
      const double c = value(e, "cases_completed");
      if (c > 0) trips_total += value(e, "trips_per_case") * c;
      completed += c;
    }
    return trips_total / completed;
  };
  EXPECT_NEAR(trips(OutletKindSpec::district_centre), 1.0, 1e-12);
  EXPECT_NEAR(trips(OutletKindSpec::department_window), 3.0, 1e-12);
}

TEST(Services, EqualOutletsAtEqualDistanceGoToTheLowerIndex) {
  // Two identical outlets in the same cell, too big to queue (so the waits
  // people expect stay equal at zero): every visit goes to the first.
  Scenario s = with_services({outlet("first", 30, 25, OutletKindSpec::district_centre, 2000),
                              outlet("second", 30, 25, OutletKindSpec::district_centre, 2000)},
                             {"run.steps=3"});
  Engine e(s);
  std::vector<double> arrivals(2);
  while (!e.done()) {
    e.step();
    for (std::size_t k = 0; k < 2; ++k) {
      std::vector<double> v(2);
      e.model().fill_entities(0, v);  // entity series 0 = arrivals
      arrivals[k] += v[k];
    }
  }
  EXPECT_GT(arrivals[0], 100.0);
  EXPECT_EQ(arrivals[1], 0.0);
}

TEST(Services, ScheduleOpensAnOutlet) {
  OutletSpec later = outlet("new-station", 45, 25, OutletKindSpec::street_station, 4);
  later.open_at_start = false;
  Scenario s = with_services({outlet("centre", 30, 25, OutletKindSpec::district_centre, 6), later},
                             {"run.steps=12"});
  OutletEvent open;
  open.kind = OutletEvent::Kind::open;
  open.step = 6;
  open.outlet = "new-station";
  s.services.events.push_back(open);
  Engine e(s);
  while (!e.done()) {
    e.step();
    std::vector<double> arrivals(2), windows(2);
    e.model().fill_entities(0, arrivals);
    e.model().fill_entities(7, windows);  // entity series 7 = windows
    if (e.step_index() <= 6) {
      EXPECT_EQ(arrivals[1], 0.0) << "step " << e.step_index();
      EXPECT_EQ(windows[1], 0.0);
    } else {
      EXPECT_GT(arrivals[1], 0.0) << "step " << e.step_index();
      EXPECT_EQ(windows[1], 4.0);
    }
  }
}

// Windows bought with the purchase budget staff a social organisation that
// has none of its own: it becomes a candidate when the budget buys it
// windows and stops being one when the budget is withdrawn (the candidates
// are rebuilt when an outlet's staffing flips, and only then).
TEST(Services, BoughtWindowsStaffAnOutletWithNoneOfItsOwn) {
  OutletSpec ngo = outlet("ngo", 45, 25, OutletKindSpec::social_organisation, 0);
  ngo.operated_by = OutletOperator::social_organisation;
  ngo.cost_per_window = 100000.0;
  Scenario s = with_services({outlet("centre", 30, 25, OutletKindSpec::district_centre, 6), ngo}, {"run.steps=12"});
  const auto budget = [](std::int64_t step, double yuan) {
    ScheduleEntry e;
    e.lever = LeverId::services_purchase_budget;
    e.from_step = e.to_step = step;
    e.to_value = yuan;
    e.order = static_cast<int>(step);
    return e;
  };
  s.schedule = {budget(4, 450000.0), budget(8, 0.0)};  // 4 windows from step 4, none from step 8
  Engine e(s);
  while (!e.done()) {
    const auto k = e.step_index();
    e.step();
    std::vector<double> arrivals(2), windows(2);
    e.model().fill_entities(0, arrivals);
    e.model().fill_entities(7, windows);  // entity series 7 = windows
    const bool staffed = k >= 4 && k < 8;
    EXPECT_EQ(windows[1], staffed ? 4.0 : 0.0) << "step " << k;
    if (staffed)
      EXPECT_GT(arrivals[1], 0.0) << "step " << k;
    else
      EXPECT_EQ(arrivals[1], 0.0) << "step " << k;
  }
}

TEST(Services, ResultsDoNotDependOnTheThreadCount) {
  const auto run = [](const char* threads) {
    Scenario s = with_services({outlet("centre", 30, 25, OutletKindSpec::district_centre, 6),
                                outlet("east", 45, 25, OutletKindSpec::street_station, 2)},
                               {"run.steps=6"});
    s.services.online.enabled = true;
    s.run.threads = std::stoi(threads);
    Engine e(s);
    std::vector<double> all;
    while (!e.done()) {
      e.step();
      all.insert(all.end(), e.observables().begin(), e.observables().end());
    }
    return all;
  };
  const auto one = run("1"), two = run("2"), eight = run("8");
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t k = 0; k < one.size(); ++k) {
    if (std::isnan(one[k])) {
      EXPECT_TRUE(std::isnan(two[k]) && std::isnan(eight[k])) << k;
      continue;
    }
    EXPECT_EQ(one[k], two[k]) << k;
    EXPECT_EQ(one[k], eight[k]) << k;
  }
}

}  // namespace zhili
