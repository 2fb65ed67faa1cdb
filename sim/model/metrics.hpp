// Observables: what the model reports each step, and the per-cell maps.
//
// Counts are reported in real units (simulated households x population.scale).
// Sums over households use fixed-block reductions, so every value is identical
// for any thread count. The list of series is declared once (series_specs) and
// the row is filled in that order.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "model/demography.hpp"
#include "model/flows.hpp"
#include "model/labour_market.hpp"
#include "model/neighbourhood.hpp"
#include "model/relocation.hpp"
#include "model/rural_migration.hpp"
#include "model/step_context.hpp"
#include "model/metrics_economy.hpp"
#include "world/world.hpp"

namespace zhili {

// What the submodels counted during the step; economy parts are null when off.
struct MeasureInputs {
  const FlowCounts& flows;
  const RelocationCounts& moves;
  const LabourState* labour = nullptr;
  const RuralMigrationCounts* rural = nullptr;
  const DemographyCounts* demography = nullptr;
  // Neighbour counts kept current by relocation (sequential mode), else null
  // and Metrics counts them itself (setup_neighbours).
  const NeighbourCounts* neighbours = nullptr;
};

class Metrics {
 public:
  // The economy's series are present only when economy.enabled.
  static std::vector<SeriesSpec> series_specs(const Scenario& s);
  static std::vector<MapSpec> map_specs();

  void setup(const World& w);
  // Scratch for same_group_neighbour_share at this radius, needed when the
  // inputs bring no neighbour counts.
  void setup_neighbours(const World& w, int radius);
  // Fills `row` (layout order, observable_row_width() doubles).
  void compute(const World& w, const StepContext& ctx, const MeasureInputs& in, std::span<double> row);
  // Fills one map (width*height floats) with the current state.
  void fill_map(const World& w, const Scenario& s, std::size_t map_index, std::span<float> cells) const;

 private:
  // Persons by registration, by zone, and migrant persons by zone.
  struct Tally {
    std::array<std::int64_t, kRegistrationCount> by_registration{};
    std::array<std::int64_t, kZoneCount> by_zone{};
    std::array<std::int64_t, kZoneCount> migrants_by_zone{};
    std::int64_t children = 0, elderly = 0;                    // persons
    std::int64_t digital_households = 0, special_households = 0;
  };
  std::vector<Tally> tallies_;
  EconomyMetrics economy_;
  NeighbourCounts near_;  // for same_group_neighbour_share when relocation keeps none
};

}  // namespace zhili
