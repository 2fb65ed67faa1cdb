// Rural-urban migration of the map's own villagers, after Harris & Todaro
// (1970), with a network effect (Fu & Hao 2018) and destination choice after
// Flee (Suleimenova et al. 2017); and return migration after long unemployment.
//
// A household with rural registration living in a rural cell moves to the
// city at the yearly hazard rate
//     beta * max(0, p W_U - W_R - cost) / W_R * (1 + network * s_o)
// where p is the urban employment rate, W_U the expected urban wage, W_R the
// rural income, cost = moving cost + hukou barrier * (1 - hukou.openness), and
// s_o the share of its origin area's people already in the city as migrants.
// With frictions off, moving stops where p W_U = W_R + cost: the Harris-Todaro
// equilibrium (tested).
//
// Destination: the best of a few vacant city homes drawn at random, scored
// after Flee as pull x fill / (1 + distance / 10 km), where pull = the zone's
// jobs per home over the city's x (mean city rent / the cell's rent)^
// migration.rent_elasticity, and fill = the cell's free share of homes (the
// capacity multiplier). With economy.max_rent_share > 0, homes whose rent
// exceeds that share of the expected household income p W_U x workers are
// not taken.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/labour_market.hpp"
#include "model/step_context.hpp"
#include "world/vacancies.hpp"
#include "world/world.hpp"

namespace zhili {

struct RuralMigrationCounts {
  std::int64_t to_city = 0;  // households that moved from the countryside to the city
  std::int64_t returns = 0;  // migrants who went back to the countryside
  double expected_gain = 0;  // p W_U - W_R - cost, yuan/month per worker
};

class RuralMigration {
 public:
  // Origin areas for the network effect: square blocks of this many cells.
  static constexpr int kOriginBlock = 8;

  void setup(const World& w);
  void step(World& w, const StepContext& ctx, const LabourState& labour);
  const RuralMigrationCounts& counts() const { return counts_; }

 private:
  struct Mover {
    std::uint64_t order;
    std::uint32_t slot;
  };
  std::int32_t area_of(const CellGrid& g, std::int32_t cell) const;
  // What a newcomer weighs, fixed for the step.
  struct DestinationTerms {
    std::array<double, kCityZoneCount> job_pull{};  // zone's jobs per home over the city's
    double rent_elasticity = 0;
    double max_rent = 0;  // per worker; 0 = no affordability rule
  };
  std::int32_t choose_destination(const CellGrid& g, std::int32_t from, double workers,
                                  const DestinationTerms& terms, CounterRng& rng) const;
  void count_origins(const World& w);

  RuralMigrationCounts counts_;
  double mean_city_rent_ = 0;  // over the city's homes (rents are fixed)
  int areas_x_ = 1;
  std::vector<std::int32_t> area_villagers_;  // persons at home in each origin area
  std::vector<std::int32_t> area_migrants_;   // persons from each area living in the city
  std::vector<std::uint8_t> decision_;        // per slot: 1 = leaves for the city, 2 = goes home
  std::vector<Mover> movers_;
  std::vector<std::int64_t> block_counts_;
  VacancyIndex urban_homes_;
  VacancyIndex rural_homes_;
};

}  // namespace zhili
