#include "model/flows.hpp"

#include <algorithm>
#include <array>

#include "core/prefault.hpp"
#include "core/rng.hpp"
#include "model/families.hpp"

namespace zhili {

void MigrationFlows::setup(const World& w) {
  reserve_touched(events_, w.households.capacity());  // core/prefault.hpp: one entry per household each step
  vacancies_.reserve(w.grid.size());
  block_events_.reserve(Executor::block_count(w.households.capacity()) + 1);
}

void MigrationFlows::depart_and_settle(World& w, const StepContext& ctx) {
  auto& h = w.households;
  auto& g = w.grid;
  const std::size_t n = h.size_alive();
  const auto& m = ctx.scenario.migration;
  const double p_leave = ctx.per_step(m.return_rate);
  const double p_settle = ctx.per_step(m.settlement_rate * ctx.lever(LeverId::hukou_openness));
  const auto min_steps = static_cast<std::int64_t>(m.settlement_min_years / ctx.years_per_step);
  const double threshold = ctx.lever(LeverId::hukou_points_threshold);
  const bool jobs_known = ctx.scenario.economy.enabled;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const StepHash leave_draw(seed, Stream::departures, step);
  const StepHash settle_draw(seed, Stream::settlement, step);

  // Decide in parallel; each block writes its leavers' slots, in increasing
  // order, at the start of its own range of events_, and its settlers' slots
  // at the end. Settlers change their own registration here; the shared cell
  // counts are updated serially below.
  events_.resize(n);  // within the reserve; only new elements are initialised
  const BlockEvents total = deterministic_reduce(
      ctx.exec, n, block_events_, BlockEvents{},
      [&](std::size_t b, std::size_t e) {
        std::uint32_t* leave = events_.data() + b;
        std::uint32_t* settle = events_.data() + e;
        // Only migrants leave or settle. Their slots are gathered first,
        // without a branch (a third of households, at random: a branch on it
        // mispredicts often), so the loop drawing their random numbers runs
        // without stalls.
        constexpr std::size_t kChunk = 1024;
        std::array<std::uint32_t, kChunk> migrants;
        for (std::size_t c = b; c < e; c += kChunk) {
          const std::size_t ce = std::min(e, c + kChunk);
          std::size_t k = 0;
          for (std::size_t i = c; i < ce; ++i) {
            migrants[k] = static_cast<std::uint32_t>(i);
            k += is_migrant(h.registration[i]);
          }
          for (std::size_t j = 0; j < k; ++j) {
            const std::uint32_t i = migrants[j];
            // Only migrants from outside the map leave it; the map's own
            // villagers who moved to the city go home by RuralMigration.
            if (h.origin[i] == kOutsideOrigin &&
                leave_draw.bernoulli(h.id[i], p_leave)) {
              *leave++ = i;
              continue;  // gone: does not settle
            }
            const std::int64_t stayed = ctx.step - h.arrival_step[i];
            if (stayed < min_steps) continue;
            // Points rule (积分落户): years in the city, a job, formal housing.
            // Points are never negative (stayed >= min_steps >= 0, points keys
            // >= 0), so a threshold <= 0 (the default) passes everyone and
            // the points need not be counted.
            if (threshold > 0) {
              const double points =
                  m.points_per_year * static_cast<double>(stayed) * ctx.years_per_step +
                  (jobs_known && h.sector[i] != Sector::none ? m.points_stable_job : 0.0) +
                  (g.zone[h.cell[i]] != Zone::urban_village ? m.points_housing : 0.0);
              if (points < threshold) continue;
            }
            if (settle_draw.bernoulli(h.id[i], p_settle)) {
              h.registration[i] = Registration::settled;
              *--settle = i;
            }
          }
        }
        return BlockEvents{leave - (events_.data() + b), (events_.data() + e) - settle};
      },
      [](BlockEvents a, const BlockEvents& b) {
        return BlockEvents{a.leavers + b.leavers, a.settlers + b.settlers};
      });
  counts_.departures = total.leavers;
  counts_.settlements = total.settlers;
  if (total.leavers == 0 && total.settlers == 0) return;

  const std::size_t blocks = Executor::block_count(n);
  // Settlers count as registered from now on (integer counts: order is free).
  if (total.settlers > 0) {
    for (std::size_t blk = 0; blk < blocks; ++blk) {
      const std::uint32_t* last = events_.data() + std::min(n, (blk + 1) * Executor::kBlock);
      for (auto k = block_events_[blk].settlers; k > 0; --k) {
        const std::int32_t c = h.cell[*(last - k)];
        --g.migrants[c];
        ++g.registered[c];
      }
    }
  }
  // Remove from the back so that the household swapped into a freed slot has
  // already been visited (and is staying): the leavers in descending slot
  // order, block by block from the last; order independent of threads.
  for (std::size_t blk = blocks; blk-- > 0;) {
    const std::uint32_t* first = events_.data() + blk * Executor::kBlock;
    for (auto k = static_cast<std::size_t>(block_events_[blk].leavers); k-- > 0;) {
      --g.migrants[h.cell[first[k]]];
      h.remove(first[k]);
    }
  }
}

void MigrationFlows::arrive(World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const auto& sc = ctx.scenario;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);

  // How many: Poisson with the yearly inflow spread over the step. The draw
  // uses a counter no household id can take.
  const double mean = sc.migration.inflow_rate * ctx.years_per_step * static_cast<double>(h.size_alive());
  const auto wanted = CounterRng(seed, Stream::arrivals, step, ~std::uint64_t{0}).poisson(mean);
  counts_.arrivals = 0;
  if (wanted == 0) return;

  // Newcomers from outside come to the city, not to its villages.
  vacancies_.rebuild(g, VacancyIndex::Zones::urban, ctx.exec);
  if (vacancies_.homes() == 0) return;

  const double permit = ctx.lever(LeverId::hukou_permit_coverage);
  const double mean_size = sc.population.mean_household_size;
  constexpr int kTries = 8;  // a full city turns arrivals away rather than looping

  // Serial on purpose: arrivals compete for the same vacancies and are few
  // (a fraction of a percent of households per step).
  for (std::uint64_t j = 0; j < wanted; ++j) {
    CounterRng rng(seed, Stream::arrivals, step, j);
    std::int32_t cell = -1;
    for (int t = 0; t < kTries && cell < 0; ++t) {
      // Two random vacant homes, take the cheaper: newcomers look for low rent.
      const std::int32_t a = vacancies_.draw(rng);
      const std::int32_t b = vacancies_.draw(rng);
      const std::int32_t pick = g.rent[b] < g.rent[a] ? b : a;
      if (g.occupancy(pick) < g.capacity[pick]) cell = pick;
    }
    if (cell < 0) continue;
    const Registration reg = rng.bernoulli(permit) ? Registration::migrant_permit : Registration::migrant;
    const auto persons = static_cast<std::uint8_t>(
        std::min<std::uint64_t>(1 + rng.poisson(std::max(0.0, mean_size - 1.0)), 255));
    const std::size_t slot = h.append(cell, reg, persons, static_cast<std::int32_t>(ctx.step));
    draw_household_makeup(h, slot, sc, rng);
    split_on_move(h, slot, sc.family, seed, ctx.step);  // some members may stay at home
    ++g.migrants[cell];
    ++counts_.arrivals;
  }
}

}  // namespace zhili
