// Observables of public services (docs/MODEL.md 7.9, "Measures"): coverage
// overall, by group, zone and need type; unmet needs; trips per case and the
// share done in at most one trip; days to completion (mean, 90th percentile);
// online share; accessibility; cost. Per outlet: arrivals, served, balked,
// queue, utilisation, as entity series.
#pragma once

#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "model/services.hpp"
#include "model/step_context.hpp"
#include "world/accessibility.hpp"
#include "world/world.hpp"

namespace zhili {

class ServiceMetrics {
 public:
  static std::vector<SeriesSpec> series_specs();
  static std::size_t row_width();
  // Per-outlet series (group "outlets"), one column per outlet, by name.
  static std::vector<EntitySeriesSpec> entity_specs(const PublicServices& services);
  // What the outlets are: names, kinds and cells (the viewer's map markers).
  static EntityGroupSpec outlet_group(const PublicServices& services);

  static std::vector<MapSpec> map_specs();

  // Writes series_specs()'s values, in order, at the front of `row`.
  void compute(const World& w, const StepContext& ctx, PublicServices& services, std::span<double> row);
  // One entity series' values for the step just measured.
  void fill_entities(const PublicServices& services, std::size_t series, std::span<double> values) const;
  // One of map_specs()'s maps.
  void fill_map(const World& w, const Scenario& s, const PublicServices& services, std::size_t map,
                std::span<float> cells) const;

 private:
  void measure_access(const World& w, const StepContext& ctx, const PublicServices& services);

  // Accessibility (maximal covering): distances from every cell to the nearest
  // open outlet handling each need, recomputed when the outlet network
  // changes; the share of people within services.service_radius_km and their
  // mean travel time, recomputed then and once a year (people move).
  std::array<std::vector<float>, kNeedCount> access_km_;
  std::array<double, kNeedCount> within_radius_{};
  std::array<double, kNeedCount> mean_minutes_{};
  std::vector<std::int32_t> cell_people_;
  std::vector<OpenOutlet> open_outlets_;  // scratch: keeps its capacity between measurements
  std::int64_t measured_step_ = -1;
  bool network_dirty_ = true;
  AccessScratch scratch_;
};

}  // namespace zhili
