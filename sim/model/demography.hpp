// Natural change (when demography.enabled): births, deaths, ageing and
// household formation. Rates are per person per year, turned into per-step
// chances; each household draws its own events (counter-based, so thread
// count does not matter), then dissolved households leave and new ones take
// vacant homes serially, in slot order.
//
// A household may end with no workers (all elderly); it then earns nothing and
// is outside the labour market (pensions are not modelled).
#pragma once

#include <cstdint>
#include <vector>

#include "model/step_context.hpp"
#include "world/vacancies.hpp"
#include "world/world.hpp"

namespace zhili {

struct DemographyCounts {
  std::int64_t births = 0;     // persons
  std::int64_t deaths = 0;     // persons
  std::int64_t dissolved = 0;  // households whose last member died
  std::int64_t formed = 0;     // new households split off
};

class Demography {
 public:
  void setup(const World& w);
  // Births, deaths, ageing; households left empty are removed. Before recount_cells.
  void change(World& w, const StepContext& ctx);
  // Households flagged to split take vacant homes. After recount_cells.
  void form_households(World& w, const StepContext& ctx);
  const DemographyCounts& counts() const { return counts_; }

 private:
  struct Tally {
    std::int64_t births = 0, deaths = 0, dissolved = 0, splits = 0;
  };
  DemographyCounts counts_;
  std::vector<std::uint8_t> split_;  // per slot: wants to split off a new household
  std::vector<Tally> tallies_;
  VacancyIndex city_homes_;
  VacancyIndex rural_homes_;
};

}  // namespace zhili
