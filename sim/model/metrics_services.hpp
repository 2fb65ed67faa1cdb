// Observables of public services (docs/MODEL.md 7.9, "Measures"): coverage
// overall, by group, zone and need type; unmet needs; trips per case and the
// share done in at most one trip; days to completion (mean, 90th percentile);
// online share; accessibility; cost. Per outlet: arrivals, served, balked,
// queue, utilisation, as entity series.
#pragma once

#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "model/observables.hpp"
#include "model/services.hpp"
#include "model/step_context.hpp"
#include "world/accessibility.hpp"
#include "world/world.hpp"

namespace zhili {

class ServiceMetrics {
 public:
  // Per-outlet series (group "outlets"), one column per outlet, by name.
  static std::vector<EntitySeriesSpec> entity_specs(const PublicServices& services);
  // What the outlets are: names, kinds and cells (the viewer's map markers).
  static EntityGroupSpec outlet_group(const PublicServices& services);

  // Sizes the per-cell buffers for the map, writing them now rather than at the
  // first measurement (core/prefault.hpp).
  void setup(const CellGrid& g);
  // Adds the services' series and maps to `table`, reading `services`.
  void declare(ObservableTable& table, const Scenario& s, const PublicServices& services);
  // Measures the step, for the entries to write.
  void compute(const World& w, const StepContext& ctx, PublicServices& services);
  // One entity series' values for the step just measured.
  void fill_entities(const PublicServices& services, std::size_t series, std::span<double> values) const;

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
 private:
  static const std::vector<SeriesEntry<ServiceMetrics>>& series_entries();
  static const std::vector<MapEntry<ServiceMetrics>>& map_entries();
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

  // What compute() measured, read by the entries.
  struct Measured {
    double scale = 1;
    double completed = 0, closed = 0, expired = 0, ineligible = 0;  // simulated cases
    double p90_days = 0;
    double visits = 0, wait = 0, busy = 0, open = 0;  // all outlets: visits and minutes
  };
  Measured at_;
  const PublicServices* services_ = nullptr;  // what the series and maps read
};

}  // namespace zhili
