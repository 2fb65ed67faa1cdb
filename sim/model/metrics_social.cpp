#include "model/metrics_social.hpp"

#include <cmath>
#include <limits>

namespace zhili {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
double share(double part, double whole) { return whole > 0 ? part / whole : kNaN; }

template <std::size_t N>
std::vector<std::string> labels(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

bool channels_on(const Scenario& s) { return s.grievance.enabled && s.grievance.channels_enabled; }

}  // namespace

std::vector<SeriesSpec> SocialMetrics::series_specs(const Scenario& s) {
  const std::vector<std::string> groups{"registered", "migrant"};
  const auto zones = labels(kZoneNames);
  const auto channels = labels(kChannelNames);
  const auto paths = labels(kDisputePathNames);
  std::vector<SeriesSpec> out;
  if (s.grievance.enabled) {
    out.push_back({"hardship", "1", "Mean hardship H of the households", "", {}});
    out.push_back({"grievance", "1", "Mean grievance G = H (1 - L) of the households", "", {}});
    out.push_back({"grievance_by_group", "1", "Mean grievance of registered residents and of migrants",
                   "group", groups});
    out.push_back({"grievance_by_zone", "1", "Mean grievance by the zone of the home", "zone", zones});
    out.push_back({"legitimacy", "1", "Legitimacy L, mean over households", "", {}});
    out.push_back({"legitimacy_by_zone", "1", "Legitimacy L of each zone", "zone", zones});
    out.push_back({"legitimacy_by_group", "1",
                   "Legitimacy L of the home zone, mean over registered residents and over migrants", "group",
                   groups});
  }
  if (channels_on(s)) {
    out.push_back({"complaints_filed", "complaints/step", "Complaints filed during the step, real", "channel",
                   channels});
    out.push_back({"complaints_answered", "complaints/step", "Complaints answered during the step, real",
                   "channel", channels});
    out.push_back({"complaints_ignored", "complaints/step",
                   "Complaints left unanswered past the channel's response time during the step, real", "channel",
                   channels});
    out.push_back({"complaint_backlog", "complaints", "Complaints waiting at the end of the step, real", "channel",
                   channels});
    out.push_back({"answered_share", "1",
                   "Complaints answered over complaints decided (answered or ignored) during the step", "", {}});
    out.push_back({"complaints_rate", "1/10k/year",
                   "Complaints filed per 10,000 residents per year (this step's, annualised)", "channel", channels});
  }
  if (s.disputes.enabled) {
    out.push_back({"disputes_arising", "cases/step", "Disputes arising during the step, real", "kind",
                   labels(kDisputeKindNames)});
    out.push_back({"disputes_filed", "cases/step",
                   "Cases filed at each path during the step (failed mediations are filed at the court), real",
                   "path", paths});
    out.push_back({"disputes_concluded", "cases/step", "Cases concluded at each path during the step, real",
                   "path", paths});
    out.push_back({"dispute_backlog", "cases", "Cases pending at each path at the end of the step, real", "path",
                   paths});
    out.push_back({"dispute_days", "days",
                   "Mean days from filing to settlement of the cases settled at the path this step: processing "
                   "time, waiting for capacity and, at the court, a failed mediation before", "path", paths});
    out.push_back({"clearance_rate", "1",
                   "Cases concluded over cases filed at the path over the trailing "
                   "disputes.clearance_window_months", "path", paths});
    out.push_back({"disputes_settled_by_kind", "cases/step",
                   "Disputes settled during the step (a mediation that succeeded or a judgment), real", "kind",
                   labels(kDisputeKindNames)});
    out.push_back({"disputes_pending_by_kind", "cases", "Disputes filed and not settled at the end of the step, real",
                   "kind", labels(kDisputeKindNames)});
    out.push_back({"dispute_days_by_kind", "days", "Mean days from filing to settlement of the disputes settled "
                   "this step, by kind", "kind", labels(kDisputeKindNames)});
    out.push_back({"internet_online_share", "1", "Share of the internet court's new cases filed online", "",
                   {}});
    out.push_back({"disputes_rate", "1/10k/year",
                   "Cases filed at each path per 10,000 residents per year (this step's, annualised)", "path",
                   paths});
  }
  if (s.conflict.enabled) {
    out.push_back({"active_share", "1", "Share of households active (Epstein) during the step", "", {}});
    out.push_back({"active", "households", "Active households during the step, real", "", {}});
    out.push_back({"detained", "households", "Households detained during the step, real", "", {}});
    out.push_back({"officers", "persons", "Grid workers and community police on patrol, real", "", {}});
    out.push_back({"incidents_started", "incidents/step", "Collective incidents that began during the step", "",
                   {}});
    out.push_back({"incidents_in_progress", "incidents", "Collective incidents in progress at the step", "", {}});
    out.push_back({"conflict_rate", "1/10k/year",
                   "Collective incidents begun per 10,000 residents per year (this step's, annualised)", "", {}});
    out.push_back({"incident_month_rate", "1/10k/year",
                   "Incident-months per 10,000 residents per year: collective incidents in progress during the "
                   "step, each month it lasts (this step's, annualised)", "", {}});
    out.push_back({"largest_incident", "households",
                   "Real active households in the largest collective incident in progress during the step (its "
                   "cells' actives; 0 when none)", "", {}});
    out.push_back({"participants", "persons", "Persons in active households during the step, real", "", {}});
    out.push_back({"participation_rate", "1/10k/year",
                   "Participant-months of unrest per 10,000 residents per year: persons in active households, "
                   "each month they are active (this step's, annualised)", "", {}});
  }
  if (active(s))
    out.push_back({"social_cost", "yuan/step", "Cost of answering complaints and settling disputes", "", {}});
  return out;
}

std::size_t SocialMetrics::row_width(const Scenario& s) {
  std::size_t n = 0;
  for (const auto& spec : series_specs(s)) n += spec.width();
  return n;
}

std::vector<MapSpec> SocialMetrics::map_specs(const Scenario& s) {
  std::vector<MapSpec> maps;
  if (s.grievance.enabled) maps.push_back({"grievance", "1", "Mean grievance G of the cell's households"});
  if (s.conflict.enabled) {
    maps.push_back({"active_share", "1", "Share of the cell's households active during the step"});
    maps.push_back({"incidents", "incidents",
                    "Collective incidents begun with their patch centred on the cell, since the start"});
  }
  return maps;
}

std::vector<EventTableSpec> SocialMetrics::event_specs(const Scenario& s) {
  if (!s.conflict.enabled) return {};
  using T = EventColumn::Type;
  return {{"incidents",
           "Collective incidents: an 8-connected patch of cells whose vision holds at least "
           "conflict.incident_threshold real active households, followed from step to step",
           {{"id", T::int64, "", "Incident number, in order of starting"},
            {"start_step", T::int64, "step", "Step it began"},
            {"duration_steps", T::int64, "steps", "Steps it was in progress"},
            {"peak_active", T::float64, "households", "Real active households in its patch at the peak"},
            {"peak_cells", T::int64, "cells", "Cells of its patch at the peak"},
            {"x", T::int64, "cell", "Column of the patch's most active cell at the peak"},
            {"y", T::int64, "cell", "Row of the patch's most active cell at the peak"},
            {"ongoing", T::int64, "", "1: still in progress when the run ended"}}}};
}

void SocialMetrics::compute(const World& w, const StepContext& ctx, const Grievance& g,
                            std::span<double> row) const {
  (void)w;
  const Scenario& s = ctx.scenario;
  std::size_t k = 0;
  const auto put = [&](double v) { row[k++] = v; };
  // A count during the step, per 10,000 residents per year.
  const auto per_10k_year = [&](double count) {
    return g.residents() > 0 ? count / (g.residents() / 1e4) / ctx.years_per_step : kNaN;
  };
  const GrievanceSums& sums = g.sums();
  if (s.grievance.enabled) {
    put(share(sums.hardship, sums.households));
    put(share(sums.grievance, sums.households));
    for (std::size_t i = 0; i < 2; ++i) put(share(sums.grievance_group[i], sums.households_group[i]));
    for (std::size_t z = 0; z < kZoneCount; ++z) put(share(sums.grievance_zone[z], sums.households_zone[z]));
    double weighted = 0;
    for (std::size_t z = 0; z < kZoneCount; ++z) weighted += g.legitimacy()[z] * sums.households_zone[z];
    put(share(weighted, sums.households));
    for (std::size_t z = 0; z < kZoneCount; ++z) put(g.legitimacy()[z]);
    for (std::size_t i = 0; i < 2; ++i) put(share(sums.legitimacy_group[i], sums.households_group[i]));
  }
  if (channels_on(s)) {
    const ChannelTally& t = g.channels().tally();
    for (double v : t.filed) put(v);
    for (double v : t.answered) put(v);
    for (double v : t.ignored) put(v);
    for (double v : t.backlog) put(v);
    double answered = 0, ignored = 0;
    for (std::size_t c = 0; c < kChannelCount; ++c) {
      answered += t.answered[c];
      ignored += t.ignored[c];
    }
    put(share(answered, answered + ignored));
    for (double v : t.filed) put(per_10k_year(v));
  }
  if (s.disputes.enabled) {
    const DisputeTally& t = g.disputes().tally();
    for (double v : t.filed_kind) put(v);
    for (double v : t.filed) put(v);
    for (double v : t.concluded) put(v);
    for (double v : t.backlog) put(v);
    for (double v : t.days) put(v);
    for (double v : t.clearance) put(v);
    for (double v : t.settled_kind) put(v);
    for (double v : t.pending_kind) put(v);
    for (double v : t.days_kind) put(v);
    put(share(t.internet_online, t.filed[static_cast<std::size_t>(DisputePath::internet_court)]));
    for (double v : t.filed) put(per_10k_year(v));
  }
  if (s.conflict.enabled) {
    const ConflictTally& t = g.conflict().tally();
    const double households = sums.households * s.population.scale;
    put(share(t.active, households));
    put(t.active);
    put(t.detained);
    put(t.officers);
    const auto& inc = g.conflict().incidents();
    put(static_cast<double>(inc.started()));
    put(static_cast<double>(inc.in_progress()));
    put(per_10k_year(static_cast<double>(inc.started())));
    put(per_10k_year(static_cast<double>(inc.in_progress()) * ctx.years_per_step * 12.0));
    put(inc.largest());
    put(t.participants);
    put(per_10k_year(t.participants * ctx.years_per_step * 12.0));
  }
  if (active(s)) put(g.channels().tally().cost + g.disputes().tally().cost);
}

void SocialMetrics::fill_map(const World& w, const Scenario& s, const Grievance& g, std::size_t map,
                             std::span<float> cells) const {
  std::size_t index = map;
  if (s.grievance.enabled) {
    if (index == 0) {
      // Mean of the households' grievance, kept by the pass in 1/255 steps,
      // over the cell's households (the grid's counts, kept current).
      std::fill(cells.begin(), cells.end(), 0.0f);
      const auto& h = w.households;
      const auto& bytes = g.grievance_byte();
      for (std::size_t i = 0; i < h.size_alive() && i < bytes.size(); ++i)
        cells[static_cast<std::size_t>(h.cell[i])] += bytes[i] / 255.0f;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto households = static_cast<float>(w.grid.occupancy(static_cast<std::int32_t>(c)));
        cells[c] = households > 0 ? cells[c] / households : NAN;
      }
      return;
    }
    --index;
  }
  if (index == 0) {
    for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = g.conflict().cell_active_share(w.grid, c);
    return;
  }
  const auto& started = g.conflict().incidents().started_map();
  for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = started[c];
}

}  // namespace zhili
