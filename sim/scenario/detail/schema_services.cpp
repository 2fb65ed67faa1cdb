// Schema entries of public services (issue "Public services"): the section's
// switches and travel, the online platform, and the make-up of each need type.
// The outlets list is in outlets_yaml.cpp; the services levers (integration,
// online share per need, ...) are policy levers (levers.hpp), set under
// `policy.services.*`, which is why the platform's own settings are
// `services.platform.*` and not `services.online.*`.
#include <limits>

#include "scenario/detail/outlets_yaml.hpp"
#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr NumRange kShare{0.0, 1.0};
constexpr NumRange kRate{0.0, 100.0};  // cases per household (or member) and year

std::string need_label(std::size_t n) {
  std::string label = kNeedNames[n];
  for (char& c : label)
    if (c == '_') c = ' ';
  return label;
}

// The eleven keys of one need type, services.needs.<need>.<field>.
void add_need_rules(std::size_t n, std::vector<KeyRule>& rules) {
  const std::string p = "services.needs." + std::string(kNeedNames[n]) + ".";
  const std::string label = need_label(n);
  rules.push_back(number_key(
      p + "base_rate", "1/year", kRate, [n](auto& s) -> auto& { return s.services.needs[n].base_rate; },
      "Yearly " + label + " cases per household, before the per-member terms."));
  rules.push_back(number_key(
      p + "per_child", "1/year", kRate, [n](auto& s) -> auto& { return s.services.needs[n].per_child; },
      "Yearly " + label + " cases added per child in the household."));
  rules.push_back(number_key(
      p + "per_elderly", "1/year", kRate,
      [n](auto& s) -> auto& { return s.services.needs[n].per_elderly; },
      "Yearly " + label + " cases added per elderly member."));
  rules.push_back(number_key(
      p + "per_worker", "1/year", kRate,
      [n](auto& s) -> auto& { return s.services.needs[n].per_worker; },
      "Yearly " + label + " cases added per worker."));
  rules.push_back(number_key(
      p + "migrant_factor", "1", {0.0, 100.0},
      [n](auto& s) -> auto& { return s.services.needs[n].migrant_factor; },
      "Multiplies the yearly rate of " + label + " cases for migrant households."));
  rules.push_back(integer_key(
      p + "departments", "departments", {1, 8},
      [n](auto& s) -> auto& { return s.services.needs[n].departments; },
      "Departments (approvals) a " + label + " case goes through."));
  rules.push_back(number_key(
      p + "deadline_days", "days", {0.0, 3650.0, true},
      [n](auto& s) -> auto& { return s.services.needs[n].deadline_days; },
      "A " + label + " case not completed within this many days counts as unmet."));
  rules.push_back(number_key(
      p + "importance", "1", {0.0, 100.0},
      [n](auto& s) -> auto& { return s.services.needs[n].importance; },
      "Weight of " + label + " in weighted coverage and hardship."));
  rules.push_back(number_key(
      p + "service_minutes", "minutes", {0.0, 1440.0, true},
      [n](auto& s) -> auto& { return s.services.needs[n].service_minutes; },
      "Mean minutes at a window per department of a " + label + " case (at outlet speed 1)."));
  rules.push_back(number_key(
      p + "missing_document", "1", kShare,
      [n](auto& s) -> auto& { return s.services.needs[n].missing_document; },
      "Chance that a " + label + " visit finds a document missing (a return trip), before "
      "data sharing (policy.services.data_sharing) removes part of it."));
  rules.push_back(bool_key(
      p + "restricted", [n](auto& s) -> auto& { return s.services.needs[n].restricted; },
      "Whether migrants' access to " + label + " depends on equalization "
      "(policy.services.equalization) and a residence permit (services.permit_access); "
      "false = open to everyone."));
}

}  // namespace

std::vector<KeyRule> services_rules() {
  std::vector<KeyRule> rules{
      bool_key("services.enabled", [](auto& s) -> auto& { return s.services.enabled; },
               "Simulate public services: needs arising in households, outlets with queues, "
               "the online platform, trips and coverage."),
      number_key("services.travel_speed_kmh", "km/h", {0.0, 200.0, true},
                 [](auto& s) -> auto& { return s.services.travel_speed_kmh; },
                 "Door-to-door speed of a trip to an outlet (straight-line distance / time)."),
      number_key("services.service_radius_km", "km", {0.0, kInf, true},
                 [](auto& s) -> auto& { return s.services.service_radius_km; },
                 "Accessibility: the share of people living within this distance of an open "
                 "outlet able to handle a need is reported per need type (maximal covering)."),
      number_key("services.permit_access", "1", kShare,
                 [](auto& s) -> auto& { return s.services.permit_access; },
                 "Share of the gap left by policy.services.equalization that a residence permit "
                 "(居住证) closes for restricted needs."),
      number_key("services.trip_cost_minutes", "minutes", {0.0, 1440.0},
                 [](auto& s) -> auto& { return s.services.trip_cost_minutes; },
                 "Fixed time of a trip beyond travel (getting ready, finding the window), in the "
                 "households' choice of channel and outlet."),
      number_key("services.patience_minutes", "minutes", {0.0, 1440.0, true},
                 [](auto& s) -> auto& { return s.services.patience_minutes; },
                 "Mean of the longest wait a visitor accepts at an outlet (exponential); a visitor "
                 "whose wait would be longer leaves on arrival (balks) and comes back another day."),
      integer_key("services.online_days", "days", {1, 365},
                  [](auto& s) -> auto& { return s.services.online_days; },
                  "Days the online platform takes to process a case."),
      integer_key("services.return_days", "days", {1, 365},
                  [](auto& s) -> auto& { return s.services.return_days; },
                  "Mean days before a case not finished at a visit (another department, a missing "
                  "document, not served) comes back to an outlet: uniform over 1 to 2 x return_days - 1."),
      bool_key("services.platform.enabled",
               [](auto& s) -> auto& { return s.services.online.enabled; },
               "Whether the online platform (一网通办) exists; the share of each need type that "
               "can be done online is the lever policy.services.online.<need>."),
      number_key("services.platform.capacity_per_day", "cases/day", {0.0, 1e9},
                 [](auto& s) -> auto& { return s.services.online.capacity_per_day; },
                 "Simulated cases the platform can take a day; a case beyond it goes in person from the next day."),
      number_key("services.platform.failure_rate", "1", kShare,
                 [](auto& s) -> auto& { return s.services.online.failure_rate; },
                 "Chance that an online case fails and must be finished in person."),
      number_key("services.platform.cost_per_year", "yuan/year", {0.0, 1e12},
                 [](auto& s) -> auto& { return s.services.online.cost_per_year; },
                 "Yearly cost of running the platform."),
  };
  for (std::size_t n = 0; n < kNeedCount; ++n) add_need_rules(n, rules);
  rules.push_back(outlets_rule());
  return rules;
}

}  // namespace zhili::scenario_detail
