// The urban labour market: jobs by sector, separations, deterministic hiring,
// wages and household incomes. Villagers (rural registration, rural cells)
// farm and earn the rural income; everyone living in the city's zones is in
// the urban labour market.
//
// Labour demand is exogenous: urban jobs grow at economy.job_growth a year
// (or follow the logistic path) and shift towards the tertiary sector at
// economy.tertiary_shift a year (structural change, domain brief "Concepts").
// They are spread over the city's zones by homes x economy.job_weight, each
// zone's weight growing at its own economy.zone_job_growth (the trajectory by
// zone), with a zone-specific sector mix. Each job is located in a zone: a
// job-seeker takes an open job in the zone it lives in, or, failing that and
// with chance economy.commute_acceptance, in the zone with the most open jobs.
// With economy.matching_efficiency, hiring is limited by search frictions
// (a Cobb-Douglas matching function), so unemployment keeps a frictional
// floor even when jobs are plentiful. Earnings within a sector are spread
// log-normally around its wage (model/earnings.hpp).
// Jobs and workers are counted in simulated workers (a household brings
// `workers` of them).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/earnings.hpp"
#include "model/hiring_queue.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

// The city's zones are the zones before Zone::rural.
inline constexpr std::size_t kCityZoneCount = static_cast<std::size_t>(Zone::rural);
static_assert(kCityZoneCount + 1 == kZoneCount, "Zone::rural must be the last zone");

struct LabourState {
  double jobs_secondary = 0;   // simulated workers' jobs, city total
  double jobs_tertiary = 0;
  std::array<double, kCityZoneCount> zone_jobs_secondary{};  // by the zone the job is in
  std::array<double, kCityZoneCount> zone_jobs_tertiary{};
  std::array<double, kCityZoneCount> jobs_per_home{};  // zone's jobs over its homes
  double city_jobs_per_home = 0;                       // the same over all the city's homes
  std::int64_t commuters = 0;     // households hired this step into a zone they do not live in
  double wage_secondary = 0;   // yuan/month per worker
  double wage_tertiary = 0;
  double rural_income = 0;     // yuan/month per farm worker
  // The workers migrants left on the map's farms (model/families.hpp): the
  // share of them farming, within farming's room; the rest work off the farm
  // nearby, as villagers beyond that room do, at the off-farm wage, in
  // services by the tertiary share.
  double left_farming_share = 1;
  double nonfarm_wage = 0;     // yuan/month per worker
  double tertiary_share = 0;
  double employment_rate = 1;  // p: employed urban workers / urban labour force
  std::int64_t labour_force = 0;  // urban workers (simulated)
  std::int64_t hires = 0;         // households hired this step
  std::int64_t separations = 0;   // households that lost their job this step
  EarningsTable urban_earnings;   // wage multiplier by earnings bin (model/earnings.hpp)
  EarningsTable rural_earnings;   // villagers' income multiplier by the same bin

  // Expected wage of an urban job, weighting the sectors by their jobs.
  double mean_urban_wage() const;
};

class LabourMarket {
 public:
  void setup(const World& w, const Scenario& s);
  void step(World& w, const StepContext& ctx);
  const LabourState& state() const { return state_; }

 private:
  struct Tally {
    std::int64_t force = 0;
    std::array<std::int64_t, kSectorCount> employed{};  // workers by sector (urban only)
    // Workers in urban jobs by the job's zone: [zone][0] secondary, [zone][1] tertiary.
    std::array<std::array<std::int64_t, 2>, kCityZoneCount> employed_zone{};
    std::int64_t separations = 0;
    std::int64_t villagers = 0;    // workers of villager households
    std::int64_t left_farmers = 0; // workers left on the map's farms by migrant households (model/families.hpp)
    std::int64_t all_workers = 0;  // every household's workers, and those left on the map's farms
  };

  static Tally add(Tally a, const Tally& b);

  // The step's stages, in order (labour_market.cpp); each reads what the
  // earlier ones left in terms_ and state_.
  // 1. Wages and the rural income of the year.
  void set_prices(const StepContext& ctx);
  // 2. Who is employed, by sector and job zone, before separations.
  Tally count_employment(const World& w, const StepContext& ctx);
  // 3. Jobs by zone and sector, the villagers' off-farm share, and the
  //    chance of losing a job in each zone and sector.
  void plan_jobs(const StepContext& ctx, const Tally& before);
  // 4. Separations, every household's income and spell, and the seekers.
  Tally separate_and_pay(World& w, const StepContext& ctx);
  // 5. Hiring the seekers in lottery order.
  void hire(World& w, const StepContext& ctx, const Tally& before, const Tally& after);
  // Whether earnings vary between households (else every multiplier is 1
  // and the passes skip the rank hash).
  bool earnings_spread() const { return !state_.urban_earnings.flat() || !state_.rural_earnings.flat(); }
  // Sets the step's jobs by zone and sector from the city totals.
  void place_jobs(const EconomySpec& e, double jobs, double tertiary, double years);

  // What the first stages of a step decide for the later ones.
  struct StepTerms {
    double tertiary = 0;       // share of urban jobs in the tertiary sector
    double nonfarm_share = 0;  // share of villagers' workers off the farm
    double nonfarm_wage = 0;   // their wage, yuan/month
    double benefit = 0;        // unemployment benefit per worker, yuan/month
    std::uint64_t year_index = 0;  // whole years since the start, as a stream key
    // Chance of losing a job this step by the job's zone: [zone][0]
    // secondary, [1] tertiary (turnover, plus layoffs where a sector has
    // more workers than jobs).
    std::array<std::array<double, 2>, kCityZoneCount> lose{};
  };
  StepTerms terms_;

  double initial_jobs_ = 0;
  std::array<double, kCityZoneCount> zone_homes_{};  // homes in each city zone
  LabourState state_;
  std::vector<Tally> tallies_;
  HiringQueue queue_;
};

}  // namespace zhili
