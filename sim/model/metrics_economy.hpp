// Observables of the economy and of rural-urban migration: urbanization by
// residence and by registration, unemployment and incomes by group, the
// urban/rural income ratio, the Gini coefficient, employment by sector.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "model/family_tally.hpp"
#include "model/labour_market.hpp"
#include "model/observables.hpp"
#include "model/rural_migration.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

class EconomyMetrics {
 public:
  void setup(const World& w);
  // Adds the economy's series to `table`.
  void declare(ObservableTable& table, const Scenario& s) const;
  // Measures the step, for the entries to write.
  void compute(const World& w, const StepContext& ctx, const LabourState& labour,
               const RuralMigrationCounts& rural);

  // Per-capita income bins for the Gini coefficient: log-spaced over six
  // decades around the step's rural income (1/1000 to 1000 times it).
  // Incomes within a bin (5.5 % wide) are taken as equal; tests/model/gini_test.cpp
  // checks the result stays within 0.01 of the exact Gini.
  static constexpr int kGiniBins = 256;

  // The split families' tally of this step, added in the same pass (null
  // when the scenario has neither split families nor insurance).
  const FamilyTally* family_tally() const { return families_counted_ ? &family_ : nullptr; }

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
    FamilyTally family;
  };
  // What compute() measured, read by the entries: the tallies summed over
  // the classes, and the labour market's and migration's own figures.
  struct Measured {
    double scale = 1;
    std::array<double, kRegistrationCount> persons_r{}, income_r{}, force_r{}, unemployed_r{};
    std::array<double, kSectorCount> employed_s{};
    std::array<double, kZoneCount> zone_persons{}, zone_income{}, zone_force{}, zone_unemployed{};
    double city_persons = 0, city_income = 0, city_rent = 0, rural_persons = 0, rural_income = 0;
    double persons = 0, urban_registered = 0, employed = 0;
    double gini = 0;
    const LabourState* labour = nullptr;  // the labour market's, current for this step
    RuralMigrationCounts rural;
  };
  static const std::vector<SeriesEntry<EconomyMetrics>>& series_entries();
  Measured at_;
  std::vector<Tally> tallies_;
  FamilyTally family_;
  bool families_counted_ = false;
};

}  // namespace zhili
