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
  struct Tally {
    std::array<double, kRegistrationCount> persons{};
    std::array<double, kRegistrationCount> income{};  // household incomes summed
    std::array<double, kRegistrationCount> force{};   // urban workers
    std::array<double, kRegistrationCount> unemployed{};
    std::array<double, kSectorCount> employed{};      // workers by sector
    double city_persons = 0, city_income = 0, rural_persons = 0, rural_income = 0;
    double city_rent = 0;  // rent of the city's households' homes, for the housing-cost burden
    std::array<double, kZoneCount> zone_persons{}, zone_income{}, zone_force{}, zone_unemployed{};
    std::array<double, kGiniBins> bin_persons{};
    std::array<double, kGiniBins> bin_income{};
  };
  std::vector<Tally> tallies_;
};

}  // namespace zhili
