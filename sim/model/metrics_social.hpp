// Observables of grievance, expression channels, disputes and conflict
// (docs/MODEL.md 7.10-7.12, "Measures"): mean grievance and legitimacy by
// group and zone; complaints by channel; disputes by kind and path with
// backlog, time to resolution and clearance; active share, detentions and
// collective incidents (rate per 10,000 residents a year, and the event table
// /events/incidents); maps of grievance, activity and incidents. Only the
// parts a scenario switches on are reported.
#pragma once

#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "model/grievance.hpp"
#include "model/observables.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

class SocialMetrics {
 public:
  static bool active(const Scenario& s) { return s.grievance.enabled || s.disputes.enabled; }
  static std::vector<EventTableSpec> event_specs(const Scenario& s);

  // Adds the series and maps of the parts `s` switches on, reading `g`.
  void declare(ObservableTable& table, const Scenario& s, const Grievance& g);
  // Measures the step, for the entries to write.
  void compute(const StepContext& ctx);
  // Rows of /events/incidents for `records`, f(row) each, columns as
  // event_specs()'s; `width` is the map's; `in_progress` marks them all
  // ongoing (incidents still open, as at the end of a run).
  template <class F>
  static void each_incident_row(std::span<const IncidentRecord> records, int width, bool in_progress, F&& f);

 private:
  static const std::vector<SeriesEntry<SocialMetrics>>& series_entries();
  static const std::vector<MapEntry<SocialMetrics>>& map_entries();
  // A count during the step, per 10,000 residents per year.
  double per_10k_year(double count) const;

  const Grievance* g_ = nullptr;  // what the series and maps read
  double years_per_step_ = 0;
  double scale_ = 1;
};

template <class F>
void SocialMetrics::each_incident_row(std::span<const IncidentRecord> records, int width, bool in_progress, F&& f) {
  for (const auto& r : records) {
    const double row[] = {static_cast<double>(r.id),
                          static_cast<double>(r.start_step),
                          static_cast<double>(r.last_step - r.start_step + 1),
                          r.peak_actives,
                          static_cast<double>(r.peak_cells),
                          static_cast<double>(r.centre % width),
                          static_cast<double>(r.centre / width),
                          r.ongoing || in_progress ? 1.0 : 0.0};
    f(std::span<const double>(row));
  }
}

}  // namespace zhili
