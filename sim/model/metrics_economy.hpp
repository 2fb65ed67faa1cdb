// Observables of the economy and of rural-urban migration: urbanization by
// residence and by registration, unemployment and incomes by group, the
// urban/rural income ratio, the Gini coefficient, employment by sector.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "model/labour_market.hpp"
#include "model/rural_migration.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

class EconomyMetrics {
 public:
  static std::vector<SeriesSpec> series_specs();
  static std::size_t row_width();  // doubles compute() writes
  void setup(const World& w);
  // Writes series_specs()'s values, in order, at the front of `row`.
  void compute(const World& w, const StepContext& ctx, const LabourState& labour,
               const RuralMigrationCounts& rural, std::span<double> row);

  // Per-capita income bins for the Gini coefficient: log-spaced over six
  // decades around the step's rural income (1/1000 to 1000 times it).
  // Incomes within a bin (5.5 % wide) are taken as equal; tests/model/gini_test.cpp
  // checks the result stays within 0.01 of the exact Gini.
  static constexpr int kGiniBins = 256;

 private:
  // Households by class (registration x zone of the home x sector): every
  // tally of the row is a sum over classes, so the pass adds each household
  // into one class instead of into a dozen tallies.
  static constexpr std::size_t kClasses = kRegistrationCount * kZoneCount * kSectorCount;
  static constexpr std::size_t class_of(std::size_t registration, std::size_t zone, std::size_t sector) {
    return (registration * kZoneCount + zone) * kSectorCount + sector;
  }
  struct Tally {
    std::array<double, kClasses> persons{}, income{}, workers{};
    std::array<double, kClasses> rent{};  // of the homes (the housing-cost burden reads the city's)
    std::array<double, kGiniBins> bin_persons{};
    std::array<double, kGiniBins> bin_income{};
  };
  std::vector<Tally> tallies_;
};

}  // namespace zhili
