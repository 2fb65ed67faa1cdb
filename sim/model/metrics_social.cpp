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

bool grievance_on(const Scenario& s) { return s.grievance.enabled; }
bool channels_on(const Scenario& s) { return s.grievance.enabled && s.grievance.channels_enabled; }
bool disputes_on(const Scenario& s) { return s.disputes.enabled; }
bool conflict_on(const Scenario& s) { return s.conflict.enabled; }

}  // namespace

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

void SocialMetrics::declare(ObservableTable& table, const Scenario& s, const Grievance& g) {
  g_ = &g;
  table.add(series_entries(), s, *this);
  table.add(map_entries(), s, *this);
}

void SocialMetrics::compute(const StepContext& ctx) {
  years_per_step_ = ctx.years_per_step;
  scale_ = ctx.scenario.population.scale;
}

double SocialMetrics::per_10k_year(double count) const {
  return g_->residents() > 0 ? count / (g_->residents() / 1e4) / years_per_step_ : kNaN;
}

const std::vector<SeriesEntry<SocialMetrics>>& SocialMetrics::series_entries() {
  using S = SocialMetrics;
  using W = SeriesWriter;
  const std::vector<std::string> groups{"registered", "migrant"};
  const auto zones = labels(kZoneNames);
  const auto channels = labels(kChannelNames);
  const auto paths = labels(kDisputePathNames);
  const auto kinds = labels(kDisputeKindNames);
  // The answered share and the rates sum over channels and paths.
  static const std::vector<SeriesEntry<SocialMetrics>> entries{
      // Grievance and legitimacy (docs/MODEL.md 7.10).
      {{"hardship", "1", "Mean hardship H of the households", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(share(m.g_->sums().hardship, m.g_->sums().households)); }, grievance_on},
      {{"grievance", "1", "Mean grievance G = H (1 - L) of the households", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(share(m.g_->sums().grievance, m.g_->sums().households)); }, grievance_on},
      {{"grievance_by_group", "1", "Mean grievance of registered residents and of migrants", "group", groups, Better::lower},
       [](const S& m, W& out) {
         const GrievanceSums& sums = m.g_->sums();
         for (std::size_t i = 0; i < 2; ++i) out.put(share(sums.grievance_group[i], sums.households_group[i]));
       },
       grievance_on},
      {{"grievance_by_zone", "1", "Mean grievance by the zone of the home", "zone", zones, Better::lower},
       [](const S& m, W& out) {
         const GrievanceSums& sums = m.g_->sums();
         for (std::size_t z = 0; z < kZoneCount; ++z) out.put(share(sums.grievance_zone[z], sums.households_zone[z]));
       },
       grievance_on},
      {{"legitimacy", "1", "Legitimacy L, mean over households", "", {}, Better::higher},
       [](const S& m, W& out) {
         const GrievanceSums& sums = m.g_->sums();
         double weighted = 0;
         for (std::size_t z = 0; z < kZoneCount; ++z) weighted += m.g_->legitimacy()[z] * sums.households_zone[z];
         out.put(share(weighted, sums.households));
       },
       grievance_on},
      {{"legitimacy_by_zone", "1", "Legitimacy L of each zone", "zone", zones, Better::higher},
       [](const S& m, W& out) { out.put_each(m.g_->legitimacy()); }, grievance_on},
      {{"legitimacy_by_group", "1",
        "Legitimacy L of the home zone, mean over registered residents and over migrants", "group", groups, Better::higher},
       [](const S& m, W& out) {
         const GrievanceSums& sums = m.g_->sums();
         for (std::size_t i = 0; i < 2; ++i) out.put(share(sums.legitimacy_group[i], sums.households_group[i]));
       },
       grievance_on},

      // Expression channels (docs/MODEL.md 7.11).
      {{"complaints_filed", "complaints/step", "Complaints filed during the step, real", "channel", channels},
       [](const S& m, W& out) { out.put_each(m.g_->channels().tally().filed); }, channels_on},
      {{"complaints_answered", "complaints/step", "Complaints answered during the step, real", "channel", channels},
       [](const S& m, W& out) { out.put_each(m.g_->channels().tally().answered); }, channels_on},
      {{"complaints_ignored", "complaints/step",
        "Complaints left unanswered past the channel's response time during the step, real", "channel", channels, Better::lower},
       [](const S& m, W& out) { out.put_each(m.g_->channels().tally().ignored); }, channels_on},
      {{"complaint_backlog", "complaints", "Complaints waiting at the end of the step, real", "channel", channels, Better::lower},
       [](const S& m, W& out) { out.put_each(m.g_->channels().tally().backlog); }, channels_on},
      {{"answered_share", "1",
        "Complaints answered over complaints decided (answered or ignored) during the step", "", {}, Better::higher},
       [](const S& m, W& out) {
         const ChannelTally& t = m.g_->channels().tally();
         double answered = 0, ignored = 0;
         for (std::size_t c = 0; c < kChannelCount; ++c) {
           answered += t.answered[c];
           ignored += t.ignored[c];
         }
         out.put(share(answered, answered + ignored));
       },
       channels_on},
      {{"complaints_rate", "1/10k/year",
        "Complaints filed per 10,000 residents per year (this step's, annualised)", "channel", channels},
       [](const S& m, W& out) {
         for (double v : m.g_->channels().tally().filed) out.put(m.per_10k_year(v));
       },
       channels_on},

      // Disputes and their paths (docs/MODEL.md 7.12).
      {{"disputes_arising", "cases/step", "Disputes arising during the step, real", "kind", kinds},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().filed_kind); }, disputes_on},
      {{"disputes_filed", "cases/step",
        "Cases filed at each path during the step (failed mediations are filed at the court), real", "path", paths},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().filed); }, disputes_on},
      {{"disputes_concluded", "cases/step", "Cases concluded at each path during the step, real", "path", paths},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().concluded); }, disputes_on},
      {{"dispute_backlog", "cases", "Cases pending at each path at the end of the step, real", "path", paths, Better::lower},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().backlog); }, disputes_on},
      {{"dispute_days", "days",
        "Mean days from filing to settlement of the cases settled at the path this step: processing "
        "time, waiting for capacity and, at the court, a failed mediation before", "path", paths, Better::lower},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().days); }, disputes_on},
      {{"clearance_rate", "1",
        "Cases concluded over cases filed at the path over the trailing "
        "disputes.clearance_window_months", "path", paths, Better::higher},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().clearance); }, disputes_on},
      {{"disputes_settled_by_kind", "cases/step",
        "Disputes settled during the step (a mediation that succeeded or a judgment), real", "kind", kinds},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().settled_kind); }, disputes_on},
      {{"disputes_pending_by_kind", "cases", "Disputes filed and not settled at the end of the step, real", "kind",
        kinds, Better::lower},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().pending_kind); }, disputes_on},
      {{"dispute_days_by_kind", "days",
        "Mean days from filing to settlement of the disputes settled this step, by kind", "kind", kinds, Better::lower},
       [](const S& m, W& out) { out.put_each(m.g_->disputes().tally().days_kind); }, disputes_on},
      {{"internet_online_share", "1", "Share of the internet court's new cases filed online", "", {}},
       [](const S& m, W& out) {
         const DisputeTally& t = m.g_->disputes().tally();
         out.put(share(t.internet_online, t.filed[static_cast<std::size_t>(DisputePath::internet_court)]));
       },
       disputes_on},
      {{"disputes_rate", "1/10k/year",
        "Cases filed at each path per 10,000 residents per year (this step's, annualised)", "path", paths},
       [](const S& m, W& out) {
         for (double v : m.g_->disputes().tally().filed) out.put(m.per_10k_year(v));
       },
       disputes_on},

      // Conflict (docs/MODEL.md 7.13).
      {{"active_share", "1", "Share of households active (Epstein) during the step", "", {}, Better::lower},
       [](const S& m, W& out) {
         out.put(share(m.g_->conflict().tally().active, m.g_->sums().households * m.scale_));
       },
       conflict_on},
      {{"active", "households", "Active households during the step, real", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(m.g_->conflict().tally().active); }, conflict_on},
      {{"detained", "households", "Households detained during the step, real", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(m.g_->conflict().tally().detained); }, conflict_on},
      {{"officers", "persons", "Grid workers and community police on patrol, real", "", {}},
       [](const S& m, W& out) { out.put(m.g_->conflict().tally().officers); }, conflict_on},
      {{"incidents_started", "incidents/step", "Collective incidents that began during the step", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(static_cast<double>(m.g_->conflict().incidents().started())); },
       conflict_on},
      {{"incidents_in_progress", "incidents", "Collective incidents in progress at the step", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(static_cast<double>(m.g_->conflict().incidents().in_progress())); },
       conflict_on},
      {{"conflict_rate", "1/10k/year",
        "Collective incidents begun per 10,000 residents per year (this step's, annualised)", "", {}, Better::lower},
       [](const S& m, W& out) {
         out.put(m.per_10k_year(static_cast<double>(m.g_->conflict().incidents().started())));
       },
       conflict_on},
      {{"incident_month_rate", "1/10k/year",
        "Incident-months per 10,000 residents per year: collective incidents in progress during the "
        "step, each month it lasts (this step's, annualised)", "", {}, Better::lower},
       [](const S& m, W& out) {
         const double in_progress = static_cast<double>(m.g_->conflict().incidents().in_progress());
         out.put(m.per_10k_year(in_progress * m.years_per_step_ * 12.0));
       },
       conflict_on},
      {{"largest_incident", "households",
        "Real active households in the largest collective incident in progress during the step (its "
        "cells' actives; 0 when none)", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(m.g_->conflict().incidents().largest()); }, conflict_on},
      {{"participants", "persons", "Persons in active households during the step, real", "", {}, Better::lower},
       [](const S& m, W& out) { out.put(m.g_->conflict().tally().participants); }, conflict_on},
      {{"participation_rate", "1/10k/year",
        "Participant-months of unrest per 10,000 residents per year: persons in active households, "
        "each month they are active (this step's, annualised)", "", {}, Better::lower},
       [](const S& m, W& out) {
         out.put(m.per_10k_year(m.g_->conflict().tally().participants * m.years_per_step_ * 12.0));
       },
       conflict_on},

      {{"social_cost", "yuan/step", "Cost of answering complaints and settling disputes", "", {}, Better::lower},
       [](const S& m, W& out) {
         out.put(m.g_->channels().tally().cost + m.g_->disputes().tally().cost);
       },
       active},
  };
  return entries;
}

const std::vector<MapEntry<SocialMetrics>>& SocialMetrics::map_entries() {
  using S = SocialMetrics;
  static const std::vector<MapEntry<SocialMetrics>> entries{
      {{"grievance", "1", "Mean grievance G of the cell's households", Better::lower},
       [](const S& m, const MapInputs& in, std::span<float> cells) {
         // Mean of the households' grievance, kept by the pass in 1/255 steps,
         // over the cell's households (the grid's counts, kept current).
         std::fill(cells.begin(), cells.end(), 0.0f);
         const auto& h = in.world.households;
         const auto& bytes = m.g_->grievance_byte();
         for (std::size_t i = 0; i < h.size_alive() && i < bytes.size(); ++i)
           cells[static_cast<std::size_t>(h.cell[i])] += bytes[i] / 255.0f;
         for (std::size_t c = 0; c < cells.size(); ++c) {
           const auto households = static_cast<float>(in.world.grid.occupancy(static_cast<std::int32_t>(c)));
           cells[c] = households > 0 ? cells[c] / households : NAN;
         }
       },
       grievance_on},
      {{"active_share", "1", "Share of the cell's households active during the step", Better::lower},
       [](const S& m, const MapInputs& in, std::span<float> cells) {
         for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = m.g_->conflict().cell_active_share(in.world.grid, c);
       },
       conflict_on},
      {{"incidents", "incidents", "Collective incidents begun with their patch centred on the cell, since the start", Better::lower},
       [](const S& m, const MapInputs&, std::span<float> cells) {
         const auto& started = m.g_->conflict().incidents().started_map();
         for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = started[c];
       },
       conflict_on},
  };
  return entries;
}

}  // namespace zhili
