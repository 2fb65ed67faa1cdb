#include "engine/plausibility.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/schedule.hpp"
#include "world/outlet_layout.hpp"

namespace zhili {

namespace {

template <class... Numbers>
std::string format(const char* fmt, Numbers... values) {
  char buf[600];
  std::snprintf(buf, sizeof buf, fmt, static_cast<double>(values)...);
  return buf;
}

// The in-person window workload expected in a year, in window-minutes, from
// the households as placed and the levers in force at the start: every need's
// cases, less those the platform finishes, each taking its departments'
// minutes plus the returns a missing document causes. Migrants' refused needs
// are counted too (an upper bound within the share refused).
double yearly_window_minutes(const Scenario& s, const World& w, const LeverValues& levers) {
  const auto& h = w.households;
  const auto& needs = s.services.needs;
  double digital = 0;
  std::array<double, kNeedCount> cases{};
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    digital += h.digital[i];
    const bool migrant = is_migrant(h.registration[i]);
    for (std::size_t k = 0; k < kNeedCount; ++k) {
      const NeedSpec& n = needs[k];
      const double rate =
          n.base_rate + n.per_child * h.children[i] + n.per_elderly * h.elderly[i] + n.per_worker * h.workers[i];
      cases[k] += rate * (migrant ? n.migrant_factor : 1.0);
    }
  }
  const double n_households = static_cast<double>(h.size_alive());
  const double digital_share = n_households > 0 ? digital / n_households : 0.0;
  const double data_sharing = levers[static_cast<std::size_t>(LeverId::services_data_sharing)];
  double minutes = 0;
  for (std::size_t k = 0; k < kNeedCount; ++k) {
    const NeedSpec& n = needs[k];
    const double online =
        s.services.online.enabled
            ? levers[static_cast<std::size_t>(LeverId::services_online_registration) + k] * digital_share *
                  (1.0 - s.services.online.failure_rate)
            : 0.0;
    minutes += cases[k] * (1.0 - online) * n.service_minutes * n.departments *
               (1.0 + n.missing_document * (1.0 - data_sharing));
  }
  return minutes * s.population.scale;
}

double yearly_window_capacity_minutes(const std::vector<OutletSpec>& outlets) {
  double minutes = 0;
  for (const auto& o : outlets)
    if (o.open_at_start)
      minutes += o.windows * (o.close_hour - o.open_hour) * 60.0 * o.days_per_week * (365.25 / 7.0) / o.speed;
  return minutes;
}

}  // namespace

std::vector<std::string> plausibility_warnings(const Scenario& s, const World& w) {
  std::vector<std::string> out;
  const LeverValues levers = levers_at(s.policy, s.schedule, 0);
  const double years = static_cast<double>(s.run.steps) * (s.run.step_unit == TimeStep::month ? 1.0 / 12.0 : 7.0 / 365.25);

  if (s.services.enabled) {
    const auto outlets = resolve_outlets(s, w.grid);
    const double need = yearly_window_minutes(s, w, levers);
    const double have = yearly_window_capacity_minutes(outlets);
    int windows = 0;
    for (const auto& o : outlets) windows += o.open_at_start ? o.windows : 0;
    const double load = have > 0 ? need / have : INFINITY;
    if (load > kWarnWindowLoad)
      out.push_back(format(
          "services: the expected in-person workload is %.0f %% of what the %.0f windows open at the start "
          "can serve (%.0f window-hours a day needed, %.0f open): queues will grow and many visitors leave "
          "without service; add windows (services.outlets[].windows), outlets, online shares "
          "(policy.services.online.*) or integration",
          load * 100.0, windows, need / 60.0 / 365.25, have / 60.0 / 365.25));
  }

  const auto& h = w.households;
  const bool villagers = std::any_of(h.registration.begin(), h.registration.end(),
                                     [](Registration r) { return r == Registration::registered_rural; });
  if (s.economy.enabled && villagers) {
    // Harris-Todaro at the start, for a farming villager (7.6), without the
    // network pull (so a lower bound on the hazard).
    const EconomySpec& e = s.economy;
    const double p = std::min(1.0, e.jobs_per_worker);
    const double urban = (1.0 - e.tertiary_share) * e.wage_secondary + e.tertiary_share * e.wage_tertiary;
    const double cost = s.migration.ht_moving_cost +
                        s.migration.ht_hukou_barrier * (1.0 - levers[static_cast<std::size_t>(LeverId::hukou_openness)]);
    const double gain = p * urban - e.rural_income - cost;
    const double hazard = e.rural_income > 0 ? s.migration.ht_beta * std::max(0.0, gain) / e.rural_income : 0.0;
    const double leaving = -std::expm1(-hazard * years);
    if (leaving > kWarnRuralExodus)
      out.push_back(format(
          "villages: farming villagers would move to the city at about %.2f a year at the start "
          "(migration.ht_beta %.3g x an expected gain of %.0f yuan a month over a rural income of %.0f): "
          "%.0f %% of them gone over the run, more with the network pull; lower migration.ht_beta, "
          "raise migration.ht_hukou_barrier, or let villagers work off the farm (economy.primary_share)",
          hazard, s.migration.ht_beta, gain, e.rural_income, leaving * 100.0));
  }

  double city_homes = 0, city_taken = 0;
  for (std::size_t c = 0; c < w.grid.size(); ++c)
    if (w.grid.zone[c] != Zone::rural) {
      city_homes += w.grid.capacity[c];
      city_taken += w.grid.occupancy(static_cast<std::int32_t>(c));
    }
  if (s.migration.enabled && city_homes > 0 && city_taken / city_homes > kWarnCityOccupancy)
    out.push_back(format(
        "housing: %.1f %% of the city's homes are taken at the start (%.0f of %.0f): arrivals and villagers "
        "moving to the city will find almost no room; raise world.capacity or lower population.households",
        100.0 * city_taken / city_homes, city_taken, city_homes));

  // A renewal project that never starts within the run, or whose area has
  // nobody and no homes to renew.
  for (const RenewalProject& p : s.renewal.projects) {
    const std::string name = "'" + renewal_project_name(s, p) + "'";
    if (p.notice_step >= s.run.steps)
      out.push_back("renewal: project " + name + " gives notice after the run ends: it changes nothing; move "
                    "its date (at) or run.end");
    else if (p.build.homes == 0)
      out.push_back("renewal: project " + name + " builds no homes (build.homes: 0): its area stays empty "
                    "after demolition");
  }
  return out;
}

std::vector<std::string> override_warnings(const Scenario& s) {
  std::vector<std::string> out;
  const Calendar cal(s.run.start, s.run.step_unit);
  for (const auto& o : s.overrides) {
    const auto eq = o.find('=');
    if (o.rfind("policy.", 0) != 0 || eq == std::string::npos) continue;
    const auto lever = find_lever(std::string_view(o).substr(7, eq - 7));
    if (!lever) continue;
    for (const auto& e : s.schedule) {  // sorted by start: the first to change it
      if (e.lever != *lever || e.from_step >= s.run.steps) continue;
      const auto k = static_cast<std::size_t>(e.order);
      const std::string name = k < s.schedule_names.size() ? s.schedule_names[k] : "";
      out.push_back("--set " + o + " holds only until " + format_date(cal.date_of(e.from_step)) +
                    ": a schedule entry" + (name.empty() ? "" : " ('" + name + "')") + " changes policy." +
                    std::string(lever_info(*lever).path) + " then" +
                    (name.empty() ? "" : "; switch it off with --without " + name + " (schedule." + name +
                                             ".enabled=false)"));
      break;
    }
  }
  return out;
}

}  // namespace zhili
