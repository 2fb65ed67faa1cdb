#include "model/rural_migration.hpp"

#include <algorithm>
#include <cmath>

#include "core/prefault.hpp"
#include "core/rng.hpp"
#include "model/families.hpp"

namespace zhili {

namespace {

// Flee's distance softening, in km: nearby places are preferred, but not
// overwhelmingly.
constexpr double kSofteningKm = 10.0;
constexpr int kCandidates = 3;

}  // namespace

std::int32_t RuralMigration::area_of(const CellGrid& g, std::int32_t cell) const {
  return (g.y_of(cell) / kOriginBlock) * areas_x_ + g.x_of(cell) / kOriginBlock;
}

void RuralMigration::setup(const World& w) {
  const auto& g = w.grid;
  areas_x_ = (g.width + kOriginBlock - 1) / kOriginBlock;
  const int areas_y = (g.height + kOriginBlock - 1) / kOriginBlock;
  area_villagers_.assign(static_cast<std::size_t>(areas_x_) * areas_y, 0);
  area_migrants_.assign(area_villagers_.size(), 0);
  reserve_touched(decision_, w.households.capacity());  // core/prefault.hpp: one per household each step
  movers_.reserve(w.households.capacity());
  block_counts_.reserve(Executor::block_count(w.households.capacity()) + 1);
  urban_homes_.reserve(g.size());
  rural_homes_.reserve(g.size());
  double rent = 0, homes = 0;
  for (std::size_t c = 0; c < g.size(); ++c) {
    if (g.zone[c] == Zone::rural) continue;
    rent += static_cast<double>(g.rent[c]) * g.capacity[c];
    homes += g.capacity[c];
  }
  mean_city_rent_ = homes > 0 ? rent / homes : 0.0;
}

void RuralMigration::count_origins(const World& w) {
  std::fill(area_villagers_.begin(), area_villagers_.end(), 0);
  std::fill(area_migrants_.begin(), area_migrants_.end(), 0);
  const auto& h = w.households;
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    if (h.origin[i] < 0) continue;
    const auto a = static_cast<std::size_t>(area_of(w.grid, h.origin[i]));
    if (h.registration[i] == Registration::registered_rural) area_villagers_[a] += h.size[i];
    else if (is_migrant(h.registration[i])) area_migrants_[a] += h.size[i];
  }
}

std::int32_t RuralMigration::choose_destination(const CellGrid& g, std::int32_t from, double workers,
                                                const DestinationTerms& terms, CounterRng& rng) const {
  // Best of a few random vacant homes by Flee's score: attraction over
  // (softening + distance), times a capacity multiplier falling to 0 as the
  // place fills.
  std::int32_t best = -1;
  double best_score = -1.0;
  for (int k = 0; k < kCandidates; ++k) {
    const std::int32_t c = urban_homes_.draw(rng);
    const std::int32_t free = g.capacity[c] - g.occupancy(c);
    if (free <= 0) continue;
    const double rent = g.rent[c];
    if (terms.max_rent > 0 && rent > terms.max_rent * workers) continue;  // unaffordable
    double pull = terms.job_pull[static_cast<std::size_t>(g.zone[c])];
    if (terms.rent_elasticity > 0 && mean_city_rent_ > 0)
      pull *= std::pow(mean_city_rent_ / std::max(rent, 0.01 * mean_city_rent_), terms.rent_elasticity);
    const double km = std::hypot(g.x_of(c) - g.x_of(from), g.y_of(c) - g.y_of(from)) * g.cell_km;
    const double fill = static_cast<double>(free) / g.capacity[c];
    const double score = pull * fill / (1.0 + km / kSofteningKm);
    if (score > best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

void RuralMigration::step(World& w, const StepContext& ctx, const LabourState& labour) {
  auto& h = w.households;
  auto& g = w.grid;
  const auto& m = ctx.scenario.migration;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const StepHash move_draw(seed, Stream::rural_migration, step);
  const StepHash return_draw(seed, Stream::return_migration, step);
  const StepHash claim_order(seed, Stream::claim_tiebreak, step);

  // Costs are given in yuan/month at the start and move with rural income, so
  // a barrier keeps its weight over decades of growth.
  const double start_income = ctx.scenario.economy.rural_income;
  const double index = start_income > 0 ? labour.rural_income / start_income : 1.0;
  const double cost =
      index * (m.ht_moving_cost + m.ht_hukou_barrier * (1.0 - ctx.lever(LeverId::hukou_openness)));
  const double expected_urban = labour.employment_rate * labour.mean_urban_wage();
  const double gain = expected_urban - labour.rural_income - cost;
  counts_ = RuralMigrationCounts{0, 0, gain};
  const auto return_steps = static_cast<int>(std::ceil(m.ht_return_after_months / (12.0 * ctx.years_per_step)));
  const double p_return = ctx.per_step(m.ht_return_rate);

  // With earnings dispersion a household expects its own urban wage: the
  // mean times its multiplier (its rank is fixed, model/earnings.hpp).
  const StepHash earnings_rank(seed, Stream::earnings, 0);
  const EarningsTable& urban_x = labour.urban_earnings;

  count_origins(w);
  decision_.resize(h.size_alive());
  const std::int64_t deciding = deterministic_reduce(
      ctx.exec, h.size_alive(), block_counts_, std::int64_t{0},
      [&](std::size_t b, std::size_t e) {
        std::int64_t k = 0;
        for (std::size_t i = b; i < e; ++i) {
          decision_[i] = 0;
          const Registration r = h.registration[i];
          if (r == Registration::registered_rural && g.zone[h.cell[i]] == Zone::rural) {
            // Each household weighs the city against what it earns now
            // (farming or a local off-farm job), per worker.
            const double own = h.income[i] > 0 ? h.income[i] / h.workers[i] : labour.rural_income;
            const double expected =
                urban_x.flat() ? expected_urban : expected_urban * urban_x[earnings_bin(earnings_rank, h.id[i])];
            const double own_gain = expected - own - cost;
            if (own_gain <= 0 || own <= 0) continue;
            const double base = m.ht_beta * own_gain / own;
            const auto a = static_cast<std::size_t>(area_of(g, h.cell[i]));
            const double people = area_villagers_[a] + area_migrants_[a];
            const double share = people > 0 ? area_migrants_[a] / people : 0.0;
            // The HT flow is a rate: a yearly hazard, so a large gain gives a
            // fast but never instantaneous exodus.
            const double hazard = base * (1.0 + m.ht_network * share);
            const double p_move = -std::expm1(-hazard * ctx.years_per_step);
            if (move_draw.bernoulli(h.id[i], p_move))
              decision_[i] = 1;
          } else {
            // Tested without branches: migrants and residents are mixed at
            // random in the store, so the chain of tests mispredicted; few
            // may return (bench/README.md, "Figures from the code").
            const bool may_return = is_migrant(r) & (h.origin[i] >= 0) & (h.sector[i] == Sector::none) &
                                    (h.unemployed_steps[i] >= return_steps);
            if (may_return && return_draw.bernoulli(h.id[i], p_return)) decision_[i] = 2;
          }
          k += decision_[i] != 0;
        }
        return k;
      },
      [](std::int64_t a, std::int64_t b) { return a + b; });
  if (deciding == 0) return;

  // Movers compete for homes: served in hash order, serially.
  movers_.clear();
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    if (decision_[i])
      movers_.push_back({claim_order.bits(h.id[i]), static_cast<std::uint32_t>(i)});
  std::sort(movers_.begin(), movers_.end(), [](const Mover& a, const Mover& b) {
    return a.order != b.order ? a.order < b.order : a.slot < b.slot;
  });
  urban_homes_.rebuild(g, VacancyIndex::Zones::urban, ctx.exec);
  rural_homes_.rebuild(g, VacancyIndex::Zones::rural, ctx.exec);
  const double permit = ctx.lever(LeverId::hukou_permit_coverage);
  DestinationTerms terms;
  for (std::size_t z = 0; z < kCityZoneCount; ++z)
    terms.job_pull[z] = labour.city_jobs_per_home > 0 ? labour.jobs_per_home[z] / labour.city_jobs_per_home : 1.0;
  terms.rent_elasticity = m.rent_elasticity;
  if (ctx.scenario.economy.max_rent_share > 0)
    terms.max_rent = ctx.scenario.economy.max_rent_share * expected_urban;

  for (const Mover& mv : movers_) {
    const std::size_t i = mv.slot;
    const std::int32_t from = h.cell[i];
    CounterRng rng(seed, Stream::rural_destination, step, h.id[i]);
    if (decision_[i] == 1) {
      if (urban_homes_.homes() == 0) continue;
      const std::int32_t to = choose_destination(g, from, h.workers[i], terms, rng);
      if (to < 0) continue;
      --g.registered[from];
      ++g.migrants[to];
      h.cell[i] = to;
      h.origin[i] = from;
      h.registration[i] = rng.bernoulli(permit) ? Registration::migrant_permit : Registration::migrant;
      h.sector[i] = Sector::none;
      h.unemployed_steps[i] = 0;
      h.arrival_step[i] = static_cast<std::int32_t>(ctx.step);
      split_on_move(h, i, ctx.scenario.family, seed, ctx.step);  // some members may stay in the village
      ++counts_.to_city;
    } else {
      // Home to the village of origin if there is room, else any vacant rural home.
      std::int32_t to = h.origin[i];
      if (g.occupancy(to) >= g.capacity[to]) {
        if (rural_homes_.homes() == 0) continue;
        to = -1;
        for (int k = 0; k < kCandidates && to < 0; ++k) {
          const std::int32_t c = rural_homes_.draw(rng);
          if (g.occupancy(c) < g.capacity[c]) to = c;
        }
        if (to < 0) continue;
      }
      --g.migrants[from];
      ++g.registered[to];
      h.cell[i] = to;
      h.origin[i] = to;
      h.registration[i] = Registration::registered_rural;
      h.sector[i] = Sector::primary;
      rejoin_at_origin(h, i);  // back with the members left behind
      h.unemployed_steps[i] = 0;
      ++counts_.returns;
    }
  }
}

}  // namespace zhili
