#include "model/metrics_services.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "world/accessibility.hpp"

namespace zhili {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A share that is undefined (NaN) when nothing was counted: no coverage is
// not the same as zero coverage.
double share(double part, double whole) { return whole > 0 ? part / whole : kNaN; }

std::vector<std::string> need_labels() { return {kNeedNames.begin(), kNeedNames.end()}; }

// Cases of the group closed during the step: completed, expired or refused.
double closed_of(const ServiceTally& t, std::size_t g) {
  return t.completed_group[g] + t.expired_group[g] + t.ineligible_group[g];
}

enum EntitySeries : std::size_t { e_arrivals, e_served, e_balked, e_carried, e_queue, e_utilisation, e_wait, e_windows, e_count };

}  // namespace

void ServiceMetrics::setup(const CellGrid& g) {
  // The first measurement's pages mapped now, at set-up (core/prefault.hpp).
  for (auto& km : access_km_) km.assign(g.size(), kNoOutlet);
  cell_people_.assign(g.size(), 0);
  scratch_.reserve(g.size());
}

void ServiceMetrics::measure_access(const World& w, const StepContext& ctx, const PublicServices& services) {
  const auto& g = w.grid;
  open_outlets_.clear();
  for (std::size_t o = 0; o < services.outlets().size(); ++o)
    if (services.outlet_open(o)) open_outlets_.push_back({services.outlet_cell(o), services.outlet_needs(o)});
  if (network_dirty_) {
    nearest_outlet_km_all(g, open_outlets_, ctx.exec, access_km_, scratch_);
    network_dirty_ = false;
  }
  cell_people_.assign(g.size(), 0);
  const auto& h = w.households;
  for (std::size_t i = 0; i < h.size_alive(); ++i) cell_people_[static_cast<std::size_t>(h.cell[i])] += h.size[i];
  double people = 0;
  for (std::int32_t p : cell_people_) people += p;
  const double minutes_per_km = 60.0 / std::max(ctx.scenario.services.travel_speed_kmh, 1e-9);
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    within_radius_[n] = share_within_km(access_km_[n], cell_people_, ctx.scenario.services.service_radius_km);
    double sum = 0;
    for (std::size_t c = 0; c < g.size(); ++c)
      if (cell_people_[c] > 0) sum += static_cast<double>(cell_people_[c]) * access_km_[n][c];
    mean_minutes_[n] = people > 0 ? sum / people * minutes_per_km : kNaN;
  }
}

std::vector<EntitySeriesSpec> ServiceMetrics::entity_specs(const PublicServices& services) {
  std::vector<std::string> names;
  for (const auto& o : services.outlets()) names.push_back(o.name);
  const auto spec = [&](const char* name, const char* unit, const char* description) {
    return EntitySeriesSpec{"outlets", name, unit, description, names};
  };
  return {
      spec("arrivals", "visits/step", "Visits to the outlet during the step (simulated cases)"),
      spec("served", "visits/step", "Visits served during the step"),
      spec("balked", "visits/step", "Visitors who left unserved because the wait exceeded their patience"),
      spec("carried_over", "visits/step", "Visitors still waiting at closing, who must come back"),
      spec("queue", "visitors", "Mean queue length while open (time average)"),
      spec("utilisation", "1", "Busy window-minutes over staffed window-minutes (NaN when closed)"),
      spec("wait", "minutes", "Mean wait of the visits during the step"),
      spec("windows", "windows", "Staffed windows, purchased ones included (0 when closed)"),
  };
}

EntityGroupSpec ServiceMetrics::outlet_group(const PublicServices& services) {
  EntityGroupSpec g;
  g.group = "outlets";
  g.description = "public service outlets: name, kind and map cell of each (column order of the series)";
  for (const auto& o : services.outlets()) {
    g.names.push_back(o.name);
    g.kinds.emplace_back(kOutletKindNames[static_cast<std::size_t>(o.kind)]);
    g.x.push_back(o.x);
    g.y.push_back(o.y);
  }
  return g;
}

void ServiceMetrics::declare(ObservableTable& table, const Scenario& s, const PublicServices& services) {
  services_ = &services;
  table.add(series_entries(), s, *this);
  table.add(map_entries(), s, *this);
}

void ServiceMetrics::compute(const World& w, const StepContext& ctx, PublicServices& services) {
  const bool changed = services.take_network_change();
  if (changed) network_dirty_ = true;
  const auto steps_per_year = std::max<std::int64_t>(1, std::llround(1.0 / ctx.years_per_step));
  if (changed || measured_step_ < 0 || ctx.step - measured_step_ >= steps_per_year) {
    measure_access(w, ctx, services);
    measured_step_ = ctx.step;
  }
  const ServiceTally& t = services.tally();
  Measured& m = at_;
  m = Measured{};
  m.scale = ctx.scenario.population.scale;
  for (std::size_t g = 0; g < kServiceGroups; ++g) {
    m.completed += t.completed_group[g];
    m.closed += closed_of(t, g);
    m.expired += t.expired_group[g];
    m.ineligible += t.ineligible_group[g];
  }
  // 90th percentile from the day histogram: the first day by which 90 % were done.
  m.p90_days = kNaN;
  if (m.completed > 0) {
    double cum = 0;
    for (int d = 0; d < ServiceTally::kDayBins; ++d) {
      cum += t.completion_days[static_cast<std::size_t>(d)];
      if (cum >= 0.9 * m.completed) {
        m.p90_days = d;
        break;
      }
    }
  }
  const auto& st = services.outlet_stats();
  for (std::size_t o = 0; o < st.arrivals.size(); ++o) {
    m.visits += st.arrivals[o];
    m.wait += st.wait_minutes[o];
    m.busy += st.busy_minutes[o];
    m.open += st.open_minutes[o];
  }
}

const std::vector<SeriesEntry<ServiceMetrics>>& ServiceMetrics::series_entries() {
  using S = ServiceMetrics;
  using W = SeriesWriter;
  const std::vector<std::string> groups{"registered", "migrant"};
  const std::vector<std::string> zones{kZoneNames.begin(), kZoneNames.end()};
  static const std::vector<SeriesEntry<ServiceMetrics>> entries{
      {{"needs_arising", "cases/step", "Service needs arising during the step, real cases", "need", need_labels()},
       [](const S& s, W& out) {
         for (const double v : s.services_->tally().arising_need) out.put(v * s.at_.scale);
       }},
      {{"coverage", "1",
        "Cases completed within their deadline over cases closed during the step (completed, expired or "
        "refused as ineligible); NaN when none closed", "", {}, Better::higher},
       [](const S& s, W& out) { out.put(share(s.at_.completed, s.at_.closed)); }},
      {{"coverage_by_group", "1", "Coverage of registered residents and of migrants", "group", groups, Better::higher},
       [](const S& s, W& out) {
         const ServiceTally& t = s.services_->tally();
         for (std::size_t g = 0; g < kServiceGroups; ++g) out.put(share(t.completed_group[g], closed_of(t, g)));
       }},
      {{"coverage_gap", "1", "Coverage of registered residents minus that of migrants", "", {}, Better::lower},
       [](const S& s, W& out) {
         const ServiceTally& t = s.services_->tally();
         out.put(share(t.completed_group[0], closed_of(t, 0)) - share(t.completed_group[1], closed_of(t, 1)));
       }},
      {{"coverage_by_zone", "1", "Coverage by the zone of the home where the need arose", "zone", zones, Better::higher},
       [](const S& s, W& out) {
         const ServiceTally& t = s.services_->tally();
         for (std::size_t z = 0; z < kZoneCount; ++z) out.put(share(t.completed_zone[z], t.closed_zone[z]));
       }},
      {{"coverage_by_need", "1", "Coverage by need type", "need", need_labels(), Better::higher},
       [](const S& s, W& out) {
         const ServiceTally& t = s.services_->tally();
         for (std::size_t n = 0; n < kNeedCount; ++n) out.put(share(t.completed_need[n], t.closed_need[n]));
       }},
      {{"cases_completed", "cases/step", "Cases completed within their deadline during the step, real cases", "",
        {}, Better::higher},
       [](const S& s, W& out) { out.put(s.at_.completed * s.at_.scale); }},
      {{"cases_expired", "cases/step", "Cases whose deadline passed unmet during the step, real cases", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(s.at_.expired * s.at_.scale); }},
      {{"cases_ineligible", "cases/step",
        "Migrants' needs refused during the step (equalization and residence permit), real cases", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(s.at_.ineligible * s.at_.scale); }},
      {{"unmet_needs", "cases", "Open cases at the end of the step (the stock of unmet needs), real cases", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(s.services_->tally().open_cases * s.at_.scale); }},
      {{"trips_per_case", "trips", "In-person trips per case completed during the step", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(share(s.services_->tally().trips_of_completed, s.at_.completed)); }},
      {{"one_trip_share", "1", "Share of the cases completed during the step that took at most one trip", "", {}, Better::higher},
       [](const S& s, W& out) { out.put(share(s.services_->tally().one_trip_completed, s.at_.completed)); }},
      {{"online_share", "1", "Share of the cases completed during the step that took no trip (online)", "", {}},
       [](const S& s, W& out) { out.put(share(s.services_->tally().online_completed, s.at_.completed)); }},
      {{"days_to_complete", "days", "Mean days from a need arising to its case's completion", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(share(s.services_->tally().days_to_complete, s.at_.completed)); }},
      {{"days_to_complete_p90", "days", "90th percentile of the days to completion", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(s.at_.p90_days); }},
      {{"online_filed", "cases/step", "Cases filed on the online platform during the step, real cases", "", {}},
       [](const S& s, W& out) { out.put(s.services_->tally().online_filed * s.at_.scale); }},
      {{"outlet_wait", "minutes", "Mean wait at outlets of the visits during the step", "", {}, Better::lower},
       [](const S& s, W& out) { out.put(share(s.at_.wait, s.at_.visits)); }},
      {{"outlet_utilisation", "1", "Busy window-minutes over staffed window-minutes, all outlets", "", {}},
       [](const S& s, W& out) { out.put(share(s.at_.busy, s.at_.open)); }},
      {{"service_cost", "yuan/step", "Cost of the step: staffed and purchased windows and the online platform", "",
        {}},
       [](const S& s, W& out) { out.put(s.services_->tally().cost); }},
      {{"cost_per_case", "yuan", "Cost of the step over the cases completed during it", "", {}},
       [](const S& s, W& out) { out.put(share(s.services_->tally().cost, s.at_.completed * s.at_.scale)); }},
      {{"purchased_windows", "windows", "Windows bought at social-organisation outlets (services.purchase_budget)",
        "", {}},
       [](const S& s, W& out) { out.put(s.services_->tally().purchased_windows); }},
      {{"share_within_radius", "1",
        "Share of residents within services.service_radius_km of an open outlet handling the need (maximal "
        "covering; updated when the network changes and yearly)", "need", need_labels(), Better::higher},
       [](const S& s, W& out) { out.put_each(s.within_radius_); }},
      {{"travel_minutes", "minutes",
        "Mean travel time of residents to the nearest open outlet handling the need, one way", "need",
        need_labels(), Better::lower},
       [](const S& s, W& out) { out.put_each(s.mean_minutes_); }},
      {{"visits_by_weekday", "visits/step",
        "Visits to outlets during the step by day of the week (day number mod 7; an outlet works days 0 to "
        "days_per_week - 1), real visits", "weekday", {"0", "1", "2", "3", "4", "5", "6"}},
       [](const S& s, W& out) {
         for (const double v : s.services_->tally().visits_weekday) out.put(v * s.at_.scale);
       }},
  };
  return entries;
}

const std::vector<MapEntry<ServiceMetrics>>& ServiceMetrics::map_entries() {
  using S = ServiceMetrics;
  static const std::vector<MapEntry<ServiceMetrics>> entries{
      {{"service_access_minutes", "minutes",
        "Travel time, one way, to the nearest open outlet for the worst-served need type (all needs "
        "are within it)", Better::lower},
       [](const S& s, const MapInputs& in, std::span<float> cells) {
         const auto minutes_per_km =
             static_cast<float>(60.0 / std::max(in.scenario.services.travel_speed_kmh, 1e-9));
         for (std::size_t c = 0; c < cells.size(); ++c) {
           float worst = 0;
           for (std::size_t n = 0; n < kNeedCount; ++n)
             worst = std::max(worst, s.access_km_[n].empty() ? kNoOutlet : s.access_km_[n][c]);
           cells[c] = std::isinf(worst) ? NAN : worst * minutes_per_km;
         }
       }},
      {{"unmet_needs", "cases", "Open service cases of the cell's households, real cases", Better::lower},
       [](const S& s, const MapInputs& in, std::span<float> cells) {
         std::fill(cells.begin(), cells.end(), 0.0f);
         const auto scale = static_cast<float>(in.scenario.population.scale);
         const auto& cases = s.services_->cases();
         for (std::size_t i = 0; i < cases.size(); ++i) cells[static_cast<std::size_t>(cases.home[i])] += scale;
       }},
  };
  return entries;
}

void ServiceMetrics::fill_entities(const PublicServices& services, std::size_t series,
                                   std::span<double> values) const {
  const auto& st = services.outlet_stats();
  for (std::size_t o = 0; o < values.size(); ++o) {
    const double open_minutes = st.open_minutes[o];
    const double windows = st.windows[o];
    double v = 0;
    switch (series) {
      case e_arrivals: v = st.arrivals[o]; break;
      case e_served: v = st.served[o]; break;
      case e_balked: v = st.balked[o]; break;
      case e_carried: v = st.carried_over[o]; break;
      // Queue: waiting minutes over the minutes the outlet was open (open
      // window-minutes / windows).
      case e_queue: v = windows > 0 ? share(st.queue_minutes[o], open_minutes / windows) : kNaN; break;
      case e_utilisation: v = share(st.busy_minutes[o], open_minutes); break;
      case e_wait: v = share(st.wait_minutes[o], st.arrivals[o]); break;
      case e_windows: v = windows; break;
      default: v = kNaN;
    }
    values[o] = v;
  }
}

}  // namespace zhili
