// The urban labour market: jobs by sector, separations, deterministic hiring,
// wages and household incomes. Villagers (rural registration, rural cells)
// farm and earn the rural income; everyone living in the city's zones is in
// the urban labour market.
//
// Labour demand is exogenous: urban jobs grow at economy.job_growth a year
// and shift towards the tertiary sector at economy.tertiary_shift a year
// (structural change, domain brief "Concepts"). Jobs and workers are counted
// in simulated workers (a household brings `workers` of them).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

struct LabourState {
  double jobs_secondary = 0;   // simulated workers' jobs
  double jobs_tertiary = 0;
  double wage_secondary = 0;   // yuan/month per worker
  double wage_tertiary = 0;
  double rural_income = 0;     // yuan/month per farm worker
  double employment_rate = 1;  // p: employed urban workers / urban labour force
  std::int64_t labour_force = 0;  // urban workers (simulated)
  std::int64_t hires = 0;         // households hired this step
  std::int64_t separations = 0;   // households that lost their job this step

  // Expected wage of an urban job, weighting the sectors by their jobs.
  double mean_urban_wage() const;
};

class LabourMarket {
 public:
  void setup(const World& w, const Scenario& s);
  void step(World& w, const StepContext& ctx);
  const LabourState& state() const { return state_; }

 private:
  struct Seeker {
    std::uint64_t order;  // hash: the hiring order
    std::uint32_t slot;
  };
  struct Tally {
    std::int64_t force = 0;
    std::array<std::int64_t, kSectorCount> employed{};  // workers by sector (urban only)
    std::int64_t separations = 0;
    std::int64_t villagers = 0;    // workers of villager households
    std::int64_t all_workers = 0;  // every household's workers
    std::int64_t seekers = 0;      // city households without a job after separations
  };

  double initial_jobs_ = 0;
  LabourState state_;
  std::vector<Tally> tallies_;
  std::vector<Seeker> seekers_;
  std::vector<std::size_t> offsets_;  // per block: where its seekers go
};

}  // namespace zhili
