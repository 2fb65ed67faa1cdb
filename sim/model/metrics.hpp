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
#include "model/flows.hpp"
#include "model/relocation.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

class Metrics {
 public:
  static std::vector<SeriesSpec> series_specs();
  static std::vector<MapSpec> map_specs();

  void setup(const World& w);
  // Fills `row` (layout order, observable_row_width() doubles).
  void compute(const World& w, const StepContext& ctx, const FlowCounts& flows,
               const RelocationCounts& moves, std::span<double> row);
  // Fills one map (width*height floats) with the current state.
  void fill_map(const World& w, const Scenario& s, std::size_t map_index, std::span<float> cells) const;

 private:
  // Persons by registration, by zone, and migrant persons by zone.
  struct Tally {
    std::array<std::int64_t, kRegistrationCount> by_registration{};
    std::array<std::int64_t, kZoneCount> by_zone{};
    std::array<std::int64_t, kZoneCount> migrants_by_zone{};
  };
  std::vector<Tally> tallies_;
};

}  // namespace zhili
