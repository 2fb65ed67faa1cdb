// Observables: what the model reports each step, and the per-cell maps.
//
// Counts are reported in real units (simulated households x population.scale).
// Sums over households use fixed-block reductions, so every value is identical
// for any thread count. Each series and map is declared once, as an entry
// beside the computation (model/observables.hpp); compute() measures the step
// and the entries write the row from what it measured.
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
#include "model/observables.hpp"
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
  void setup(const World& w);
  // Scratch for same_group_neighbour_share at this radius, needed when the
  // inputs bring no neighbour counts.
  void setup_neighbours(const World& w, int radius);
  // Adds to `table`, in row order: the core series, the economy's when it is
  // on, the demography's when it is on; and the core maps.
  void declare(ObservableTable& table, const Scenario& s) const;
  // Measures the step, for the entries to write.
  void compute(const World& w, const StepContext& ctx, const MeasureInputs& in);
  // The economy's measures (computed only with the economy on).
  const EconomyMetrics& economy() const { return economy_; }

  // What compute() measured, in real persons, for the budget (metrics_budget.hpp).
  double residents() const { return static_cast<double>(at_.persons) * at_.scale; }
  double persons(Registration r) const {
    return static_cast<double>(at_.tally.by_registration[static_cast<std::size_t>(r)]) * at_.scale;
  }
  // Persons of the households settled during the step, at the mean household size.
  double settled_persons() const {
    return at_.households == 0 ? 0.0
                               : at_.flows.settlements * at_.scale * static_cast<double>(at_.persons) /
                                     static_cast<double>(at_.households);
  }

 private:
  static const std::vector<SeriesEntry<Metrics>>& series_entries();
  static const std::vector<SeriesEntry<Metrics>>& demography_entries();
  static const std::vector<MapEntry<Metrics>>& map_entries();

  // Persons by registration, by zone, and migrant persons by zone.
  struct Tally {
    std::array<std::int64_t, kRegistrationCount> by_registration{};
    std::array<std::int64_t, kZoneCount> by_zone{};
    std::array<std::int64_t, kZoneCount> migrants_by_zone{};
    std::int64_t children = 0, elderly = 0;                    // persons
    std::int64_t digital_households = 0, special_households = 0;
  };
  // What compute() measured, read by the entries.
  struct Measured {
    double scale = 1;  // real households per simulated one
    Tally tally;
    std::int64_t persons = 0, migrant_persons = 0;
    std::size_t households = 0;
    FlowCounts flows;
    RelocationCounts moves;
    DemographyCounts demography;
    std::int64_t occupied = 0, capacity = 0;  // homes
    double dissimilarity = 0, same_group_share = 0;
  };
  Measured at_;
  std::vector<Tally> tallies_;
  EconomyMetrics economy_;
  NeighbourCounts near_;  // for same_group_neighbour_share when relocation keeps none
};

}  // namespace zhili
