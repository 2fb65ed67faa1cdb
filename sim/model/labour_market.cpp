#include "model/labour_market.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/rng.hpp"

namespace zhili {

namespace {

// Seekers ahead whose households the hiring loop fetches.
constexpr std::size_t kHireAhead = 16;

bool in_city(const CellGrid& g, std::int32_t cell) { return g.zone[cell] != Zone::rural; }

double grown(double start, double yearly_rate, double years) {
  return start * std::pow(1.0 + yearly_rate, years);
}

}  // namespace

double LabourState::mean_urban_wage() const {
  const double jobs = jobs_secondary + jobs_tertiary;
  if (jobs <= 0) return wage_secondary;
  return (jobs_secondary * wage_secondary + jobs_tertiary * wage_tertiary) / jobs;
}

void LabourMarket::setup(const World& w, const Scenario& s) {
  const auto& h = w.households;
  std::int64_t force = 0;
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    if (in_city(w.grid, h.cell[i])) force += h.workers[i];
  initial_jobs_ = s.economy.jobs_per_worker * static_cast<double>(force);
  zone_homes_.fill(0.0);
  for (std::size_t c = 0; c < w.grid.size(); ++c)
    if (in_city(w.grid, static_cast<std::int32_t>(c)))
      zone_homes_[static_cast<std::size_t>(w.grid.zone[c])] += w.grid.capacity[c];
  tallies_.reserve(Executor::block_count(h.capacity()) + 1);
  queue_.reserve(h.capacity());
  state_.urban_earnings = EarningsTable(s.economy.wage_dispersion);
  state_.rural_earnings = EarningsTable(s.economy.rural_income_dispersion);
}

void LabourMarket::place_jobs(const EconomySpec& e, double jobs, double tertiary, double years) {
  // A zone's share: homes x job weight, the weight growing at the zone's own
  // rate. Zones given no weight at all fall back to homes alone.
  std::array<double, kCityZoneCount> weight{};
  double total = 0;
  for (std::size_t z = 0; z < kCityZoneCount; ++z) {
    weight[z] = zone_homes_[z] * e.job_weight[z] * std::pow(1.0 + e.zone_job_growth[z], years);
    total += weight[z];
  }
  if (!(total > 0)) {
    weight = zone_homes_;
    total = 0;
    for (double v : weight) total += v;
  }
  // Re-centre the zones' tertiary offsets so the city total keeps `tertiary`.
  double mean_offset = 0;
  for (std::size_t z = 0; z < kCityZoneCount; ++z)
    if (total > 0) mean_offset += weight[z] / total * e.zone_tertiary[z];
  state_.jobs_secondary = 0;
  state_.jobs_tertiary = 0;
  double homes = 0;
  for (double v : zone_homes_) homes += v;
  state_.city_jobs_per_home = homes > 0 ? jobs / homes : 0.0;
  for (std::size_t z = 0; z < kCityZoneCount; ++z) {
    const double zone_jobs = total > 0 ? jobs * weight[z] / total : 0.0;
    const double t = std::clamp(tertiary + e.zone_tertiary[z] - mean_offset, 0.0, 1.0);
    state_.zone_jobs_secondary[z] = zone_jobs * (1.0 - t);
    state_.zone_jobs_tertiary[z] = zone_jobs * t;
    state_.jobs_per_home[z] = zone_homes_[z] > 0 ? zone_jobs / zone_homes_[z] : 0.0;
    state_.jobs_secondary += state_.zone_jobs_secondary[z];
    state_.jobs_tertiary += state_.zone_jobs_tertiary[z];
  }
}

void LabourMarket::step(World& w, const StepContext& ctx) {
  set_prices(ctx);
  const Tally before = count_employment(w, ctx);
  plan_jobs(ctx, before);
  const Tally after = separate_and_pay(w, ctx);
  state_.separations = after.separations;
  state_.labour_force = before.force;
  hire(w, ctx, before, after);
}

LabourMarket::Tally LabourMarket::add(Tally a, const Tally& b) {
  a.force += b.force;
  for (std::size_t s = 0; s < kSectorCount; ++s) a.employed[s] += b.employed[s];
  for (std::size_t z = 0; z < kCityZoneCount; ++z) {
    a.employed_zone[z][0] += b.employed_zone[z][0];
    a.employed_zone[z][1] += b.employed_zone[z][1];
  }
  a.separations += b.separations;
  a.villagers += b.villagers;
  a.left_farmers += b.left_farmers;
  a.all_workers += b.all_workers;
  return a;
}

void LabourMarket::set_prices(const StepContext& ctx) {
  const auto& e = ctx.scenario.economy;
  const double years = ctx.years();  // since run.start: wages and jobs are given at the start
  state_.wage_secondary = grown(e.wage_secondary, e.wage_growth, years);
  state_.wage_tertiary = grown(e.wage_tertiary, e.wage_growth, years);
  state_.rural_income = grown(e.rural_income, e.rural_income_growth, years);
}

LabourMarket::Tally LabourMarket::count_employment(const World& w, const StepContext& ctx) {
  const auto& h = w.households;
  const auto& g = w.grid;
  return deterministic_reduce(
      ctx.exec, h.size_alive(), tallies_, Tally{},
      [&](std::size_t b, std::size_t en) {
        Tally t;
        for (std::size_t i = b; i < en; ++i) {
          const std::int64_t left_farmers = (h.origin[i] >= 0) * static_cast<std::int64_t>(h.left_workers[i]);
          t.left_farmers += left_farmers;
          t.all_workers += h.workers[i] + left_farmers;
          if (!in_city(g, h.cell[i])) {
            if (h.registration[i] == Registration::registered_rural) t.villagers += h.workers[i];
            continue;
          }
          const Sector s = h.sector[i];
          const std::int64_t workers = h.workers[i];
          t.force += workers;
          t.employed[static_cast<std::size_t>(s)] += workers;
          // Without branches: the sector is as good as random from one
          // household to the next, and the tests mispredicted (bench/README.md,
          // "Figures from the code"). job_zone is always a city zone.
          auto& by_sector = t.employed_zone[h.job_zone[i]];
          by_sector[0] += workers * (s == Sector::secondary);
          by_sector[1] += workers * (s == Sector::tertiary);
        }
        return t;
      },
      add);
}

void LabourMarket::plan_jobs(const StepContext& ctx, const Tally& before) {
  const auto& e = ctx.scenario.economy;
  const double years = ctx.years();
  StepTerms& t = terms_;
  t.tertiary = std::clamp(e.tertiary_share + e.tertiary_shift * years, 0.0, 1.0);
  double jobs = grown(initial_jobs_, e.job_growth, years);
  if (e.demand == EconomySpec::Demand::logistic) {
    const double logit = e.logit_intercept + e.logit_slope * years + e.logit_curvature * years * years;
    jobs = static_cast<double>(before.all_workers) / (1.0 + std::exp(-logit));
  }
  place_jobs(e, jobs, t.tertiary, years);

  // Villagers: farming employs at most primary_share of all workers; the
  // others work off the farm nearby. Who does is drawn afresh each year and
  // kept for the year: a draw fixed for good would let migration (which
  // takes farmers first: they earn less) skew who is left behind. This needs
  // only the tally above, so it is done in the separations pass. Workers a
  // migrant household left on its farm farm it: they take their room first,
  // and those beyond it work off the farm too.
  const double primary = std::clamp(e.primary_share + e.primary_shift * years, 0.0, 1.0);
  const double left = static_cast<double>(before.left_farmers);
  const double all_room = primary * static_cast<double>(before.force + before.villagers + before.left_farmers);
  const double farm_room = all_room - left;
  t.nonfarm_share = before.villagers > 0 ? std::clamp(1.0 - farm_room / before.villagers, 0.0, 1.0) : 0.0;
  t.nonfarm_wage = e.rural_nonfarm_wage * state_.wage_secondary;
  state_.left_farming_share = left > 0 ? std::clamp(all_room / left, 0.0, 1.0) : 1.0;
  state_.nonfarm_wage = t.nonfarm_wage;
  state_.tertiary_share = t.tertiary;
  // Years since the start (negative in the spin-up), as a stream key.
  t.year_index = static_cast<std::uint64_t>(static_cast<std::int64_t>(std::floor(years + 1e-9)));
  t.benefit = e.unemployment_benefit * state_.wage_secondary;

  // Layoffs by the zone the job is in: demand shifting between zones (or
  // sectors) lays off where it left.
  const double turnover = ctx.per_step(e.separation_rate);
  const auto excess = [](double employed, double jobs_s) {
    return employed > jobs_s && employed > 0 ? (employed - jobs_s) / employed : 0.0;
  };
  for (std::size_t z = 0; z < kCityZoneCount; ++z) {
    t.lose[z][0] = 1.0 - (1.0 - turnover) *
                             (1.0 - excess(before.employed_zone[z][0], state_.zone_jobs_secondary[z]));
    t.lose[z][1] = 1.0 - (1.0 - turnover) *
                             (1.0 - excess(before.employed_zone[z][1], state_.zone_jobs_tertiary[z]));
  }
}

// The same pass sets every household's income and unemployment spell as they
// stand after separations (only hiring changes them again, and it fixes up
// the households it hires), and writes each block's seekers into the hiring
// queue at the block's own place.
LabourMarket::Tally LabourMarket::separate_and_pay(World& w, const StepContext& ctx) {
  auto& h = w.households;
  const auto& g = w.grid;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const double nonfarm_share = terms_.nonfarm_share;
  const double nonfarm_wage = terms_.nonfarm_wage;
  const double tertiary = terms_.tertiary;
  const double benefit = terms_.benefit;
  const auto lose = terms_.lose;
  const double wage_secondary = state_.wage_secondary;
  const double wage_tertiary = state_.wage_tertiary;
  const double rural_income = state_.rural_income;
  const std::size_t n = h.size_alive();
  queue_.prepare(n);
  // Every household answers one of these each step: cheap hashes, not Philox.
  const StepHash off_farm_draw(seed, Stream::rural_nonfarm, terms_.year_index);
  const StepHash sector_draw(seed, Stream::rural_sector, terms_.year_index);
  const StepHash separation_draw(seed, Stream::job_separation, step);
  const StepHash hiring_order(seed, Stream::job_matching, step);
  const StepHash earnings_rank(seed, Stream::earnings, 0);
  const EarningsTable& urban_x = state_.urban_earnings;
  const EarningsTable& rural_x = state_.rural_earnings;
  const bool spread = earnings_spread();
  return deterministic_reduce(
      ctx.exec, n, tallies_, Tally{},
      [&](std::size_t b, std::size_t en) {
        Tally t;
        HiringQueue::Seeker* const start = queue_.block_start(b / Executor::kBlock);
        HiringQueue::Seeker* out = start;
        for (std::size_t i = b; i < en; ++i) {
          if (!in_city(g, h.cell[i])) {
            const std::uint8_t bin = spread ? earnings_bin(earnings_rank, h.id[i]) : 0;
            if (h.registration[i] == Registration::registered_rural) {
              const std::uint64_t id = h.id[i];
              const bool off_farm = off_farm_draw.bernoulli(id, nonfarm_share);
              h.sector[i] = !off_farm ? Sector::primary
                            : sector_draw.bernoulli(id, tertiary) ? Sector::tertiary : Sector::secondary;
              h.income[i] =
                  static_cast<float>((off_farm ? nonfarm_wage : rural_income) * rural_x[bin] * h.workers[i]);
              continue;
            }
            double per_worker = benefit;
            switch (h.sector[i]) {
              case Sector::primary: per_worker = rural_income * rural_x[bin]; break;
              case Sector::secondary: per_worker = wage_secondary * urban_x[bin]; break;
              case Sector::tertiary: per_worker = wage_tertiary * urban_x[bin]; break;
              default: break;
            }
            h.income[i] = static_cast<float>(per_worker * h.workers[i]);
            continue;
          }
          Sector s = h.sector[i];
          if (s == Sector::primary) s = Sector::none;  // came from the farm
          // The branches on being employed and on seeking mispredict too, but
          // without them every city household would draw and hash a seeker
          // entry: 47 more instructions each (cachegrind), for at most 0.45
          // mispredictions saved; not kept.
          const std::size_t sector_column = s == Sector::tertiary ? 1 : 0;
          if (s == Sector::secondary || s == Sector::tertiary) {
            const double p = lose[h.job_zone[i]][sector_column];
            if (separation_draw.bernoulli(h.id[i], p)) {
              s = Sector::none;
              ++t.separations;
            } else {
              t.employed_zone[h.job_zone[i]][sector_column] += h.workers[i];
            }
          }
          h.sector[i] = s;
          t.employed[static_cast<std::size_t>(s)] += h.workers[i];
          if (s == Sector::none) {
            *out++ = {static_cast<std::uint32_t>(hiring_order.bits(h.id[i]) >> 32), static_cast<std::uint32_t>(i),
                      static_cast<std::uint8_t>(g.zone[h.cell[i]]), h.workers[i]};
            h.income[i] = static_cast<float>(benefit * h.workers[i]);
            if (h.unemployed_steps[i] < 0xFFFF) ++h.unemployed_steps[i];
          } else {
            const float x = spread ? urban_x[earnings_bin(earnings_rank, h.id[i])] : 1.0f;
            h.income[i] = static_cast<float>((s == Sector::secondary ? wage_secondary : wage_tertiary) * x *
                                             h.workers[i]);
            h.unemployed_steps[i] = 0;
            t.force += h.workers[i];  // employed after separations
          }
        }
        queue_.set_block_count(b / Executor::kBlock, static_cast<std::size_t>(out - start));
        return t;
      },
      add);
}

void LabourMarket::hire(World& w, const StepContext& ctx, const Tally& before, const Tally& after) {
  auto& h = w.households;
  const auto& e = ctx.scenario.economy;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const double wage_secondary = state_.wage_secondary;
  const double wage_tertiary = state_.wage_tertiary;
  const StepHash earnings_rank(seed, Stream::earnings, 0);
  const EarningsTable& urban_x = state_.urban_earnings;
  const bool spread = earnings_spread();

  // Job-seekers are served in the order of a hash of (seed, step, id) - a
  // lottery no thread timing can change. Each takes the sector with more open
  // jobs in the zone it lives in, while a whole household's workers fit;
  // failing that, with chance commute_acceptance, the zone and sector with
  // the most open jobs (lowest index on ties).
  std::array<std::array<double, 2>, kCityZoneCount> open{};
  double open_total = 0;
  for (std::size_t z = 0; z < kCityZoneCount; ++z) {
    open[z][0] = state_.zone_jobs_secondary[z] - static_cast<double>(after.employed_zone[z][0]);
    open[z][1] = state_.zone_jobs_tertiary[z] - static_cast<double>(after.employed_zone[z][1]);
    open_total += std::max(0.0, open[z][0]) + std::max(0.0, open[z][1]);
  }
  const auto most_open = [&open]() -> std::pair<std::size_t, std::size_t> {
    std::pair<std::size_t, std::size_t> best{0, 0};
    for (std::size_t z = 0; z < kCityZoneCount; ++z)
      for (std::size_t k = 0; k < 2; ++k)
        if (open[z][k] > open[best.first][best.second]) best = {z, k};
    return best;
  };
  const double commute = e.commute_acceptance;
  // Search frictions: at most A min(U, sqrt(U V)) workers hired this step (U
  // the seekers' workers, V the open jobs), with A per month: Cobb-Douglas
  // matching, and a seeker's chance of a job at most A a month however many
  // jobs are open (the search itself takes time). Not at the first
  // step, which hands out the jobs held when the run starts: the labour
  // market is then in its steady state rather than everyone searching at once.
  double hire_room = std::numeric_limits<double>::infinity();
  if (e.matching_efficiency > 0 && ctx.step > 0) {
    const double seekers = static_cast<double>(before.force - after.force);
    const double u = std::max(0.0, seekers);
    hire_room = e.matching_efficiency * ctx.years_per_step * 12.0 * std::min(u, std::sqrt(u * open_total));
  }
  double hired_workers = 0;
  // The queue: only its head is ordered (hiring_queue.hpp).
  queue_.order(static_cast<std::size_t>(open_total) + 64, ctx.exec);
  std::int64_t hires = 0;
  std::int64_t commuters = 0;
  std::int64_t employed_workers = after.force;
  for (std::size_t q = 0; q < queue_.size(); ++q) {
    const auto [best_zone, best_sector] = most_open();
    if (open[best_zone][best_sector] < 1.0) break;  // no job left anywhere
    if (hired_workers >= hire_room) break;          // the step's matches are made
    // The household fields a later seeker's hire writes, fetched ahead: at
    // the first step, which hires a whole city, each was a cache miss.
    if (const HiringQueue::Seeker* ahead = queue_.ordered(q + kHireAhead)) {
      __builtin_prefetch(&h.id[ahead->slot]);
      __builtin_prefetch(&h.sector[ahead->slot]);
      __builtin_prefetch(&h.job_zone[ahead->slot]);
      __builtin_prefetch(&h.income[ahead->slot]);
      __builtin_prefetch(&h.unemployed_steps[ahead->slot]);
    }
    const HiringQueue::Seeker& sk = queue_.at(q, ctx.exec);
    const double need = sk.workers;
    const std::size_t home = sk.home_zone;
    std::size_t zone = home;
    std::size_t sector = open[home][0] >= open[home][1] ? 0 : 1;
    if (open[zone][sector] < need) {
      if (open[best_zone][best_sector] < need) continue;  // a smaller household may still fit
      if (commute < 1.0 && !CounterRng(seed, Stream::commute, step, h.id[sk.slot]).bernoulli(commute))
        continue;
      zone = best_zone;
      sector = best_sector;
      ++commuters;
    }
    const bool secondary = sector == 0;
    h.sector[sk.slot] = secondary ? Sector::secondary : Sector::tertiary;
    h.job_zone[sk.slot] = static_cast<std::uint8_t>(zone);
    // The hired: income and spell as the separations pass would have set them.
    const float x = spread ? urban_x[earnings_bin(earnings_rank, h.id[sk.slot])] : 1.0f;
    h.income[sk.slot] = static_cast<float>((secondary ? wage_secondary : wage_tertiary) * x * sk.workers);
    hired_workers += need;
    h.unemployed_steps[sk.slot] = 0;
    employed_workers += sk.workers;
    open[zone][sector] -= need;
    ++hires;
  }
  state_.commuters = commuters;
  state_.hires = hires;

  state_.employment_rate =
      before.force > 0 ? static_cast<double>(employed_workers) / static_cast<double>(before.force) : 1.0;
}

}  // namespace zhili
