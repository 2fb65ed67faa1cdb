#include "model/relocation.hpp"

#include <algorithm>
#include <type_traits>

#include "core/rng.hpp"
#include "core/step_sequence.hpp"
#include "scenario/load.hpp"
#include "scenario/diagnostics.hpp"

namespace zhili {

namespace {

// Households ahead whose cell record, and whose id, the decide pass fetches.
constexpr std::size_t kCellAhead = 16;
constexpr std::size_t kIdAhead = 64;

// The affordable share of income, or 0 when the rule is off: it needs
// incomes, which only the economy submodel sets.
double affordable_share(const Scenario& s) {
  return s.economy.enabled ? s.economy.max_rent_share : 0.0;
}

// Working sets above this size are fetched ahead (about the L2 cache of one core).
constexpr std::size_t kCacheBytes = std::size_t{1} << 20;

// Sequential activation lists every vacant home (8 bytes each): refuse maps
// with more than this many (1 GiB) rather than fail to allocate.
constexpr std::int64_t kMaxVacantHomes = std::int64_t{1} << 27;

void check_vacant_homes(const Scenario& s, std::int64_t homes) {
  if (homes <= kMaxVacantHomes) return;
  Diagnostics d;
  d.add(Diagnostic{key_location(s, "relocation.activation"), "relocation.activation", "too many vacant homes for sequential activation",
                   std::to_string(homes) + " homes to list",
                   "at most " + std::to_string(kMaxVacantHomes) + " (one list entry of 8 bytes per home)",
                   "lower world.capacity.<zone> or use activation: synchronous"});
  throw ScenarioError(std::move(d));
}

// What a discontented household does on its turn in sequential mode: the
// rare path, kept out of line so that the loop over households stays small.
struct Mover {
  CellGrid& grid;
  HouseholdStore& households;
  std::vector<std::uint64_t>& vacant;  // one per vacant home: padded cell << 32 | grid cell
  NeighbourCounts& near;
  StepSequence activation;
  StepSequence choice;
  double p_move;
  double rent_share;  // affordability: 0 = off
  std::int64_t claims = 0;
  std::int64_t moves = 0;

  // `agent`: slot << 32 | padded cell << 1 | migrant. Returns it as it is after the turn.
  [[gnu::noinline]] std::uint64_t act(std::uint64_t agent) {
    if (vacant.empty()) return agent;
    if (p_move < 1.0 && !(p_move > 0.0 && activation.bernoulli(p_move))) return agent;
    ++claims;
    // Move at once to a vacant home drawn uniformly; the home left becomes
    // vacant in the drawn entry's place.
    const auto at = static_cast<std::int32_t>(static_cast<std::uint32_t>(agent) >> 1);
    const bool migrant = (agent & 1u) != 0;
    const auto slot = static_cast<std::size_t>(agent >> 32);
    auto pick = static_cast<std::size_t>(choice.below(vacant.size()));
    if (rent_share > 0) {  // the first of a few draws it can afford, or stay
      const double max_rent = rent_share * households.income[slot];
      int draws = 1;
      while (grid.rent[static_cast<std::uint32_t>(vacant[pick])] > max_rent) {
        if (draws++ == Relocation::kAffordableDraws) return agent;
        pick = static_cast<std::size_t>(choice.below(vacant.size()));
      }
    }
    const std::int32_t from = households.cell[slot];
    const std::uint64_t home = vacant[pick];
    const auto to = static_cast<std::int32_t>(home & 0xffffffffu);
    const auto to_at = static_cast<std::int32_t>(home >> 32);
    vacant[pick] = (static_cast<std::uint64_t>(at) << 32) | static_cast<std::uint32_t>(from);
    households.cell[slot] = to;
    if (migrant) {
      --grid.migrants[from];
      ++grid.migrants[to];
    } else {
      --grid.registered[from];
      ++grid.registered[to];
    }
    near.move(at, to_at, migrant);
    ++moves;
    return (agent & ~std::uint64_t{0xffffffffu}) | (static_cast<std::uint64_t>(to_at) << 1) |
           (migrant ? 1u : 0u);
  }
};

}  // namespace

void Relocation::setup(const World& w, const Scenario& s, bool sole_mover) {
  width_ = w.grid.width;
  height_ = w.grid.height;
  // Sequential state is kept only while the relocation phase runs to update it.
  sequential_ = s.relocation.enabled && s.relocation.activation == RelocationActivation::sequential;
  sole_mover_ = sole_mover;
  state_current_ = false;
  if (sequential_) {
    // One entry per vacant home: at most all homes when households may leave.
    const std::int64_t homes = w.grid.total_capacity();
    const std::int64_t households = static_cast<std::int64_t>(w.households.size_alive());
    const std::int64_t listed = sole_mover ? std::max<std::int64_t>(0, homes - households) : homes;
    check_vacant_homes(s, listed);
    free_.reserve(static_cast<std::size_t>(listed));
    agents_.reserve(w.households.capacity());
    near_.setup(width_, height_, s.relocation.radius);
    rebuild_sequential(w);
    return;
  }
  sum_width_ = width_ + 1;
  const auto sums = static_cast<std::size_t>(sum_width_) * (height_ + 1);
  sum_registered_.assign(sums, 0);
  sum_migrants_.assign(sums, 0);
  near_cell_.assign(w.grid.size(), NearCell{});
  vacancies_.reserve(w.grid.size());
  claims_.reserve(w.households.capacity());
  tallies_.reserve(Executor::block_count(w.households.capacity()) + 1);
}

void Relocation::rebuild_sequential(const World& w) {
  const auto& g = w.grid;
  const auto& h = w.households;
  near_.rebuild(g);
  free_.clear();
  for (std::size_t c = 0; c < g.size(); ++c) {
    const auto cell = static_cast<std::int32_t>(c);
    const std::int32_t vacant = g.capacity[c] - g.occupancy(cell);
    if (vacant <= 0 || g.zone[c] == Zone::rural) continue;  // moves within the city
    const auto entry =
        (static_cast<std::uint64_t>(near_.padded(cell)) << 32) | static_cast<std::uint32_t>(cell);
    for (std::int32_t k = 0; k < vacant; ++k) free_.push_back(entry);
  }
  // Slot order; the visiting order is shuffled from here each step.
  // Villagers stay out of the city's sorting (they count as content).
  agents_.clear();
  villagers_ = 0;
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    if (h.registration[i] == Registration::registered_rural) {
      ++villagers_;
      continue;
    }
    agents_.push_back((static_cast<std::uint64_t>(i) << 32) |
                      (static_cast<std::uint64_t>(near_.padded(h.cell[i])) << 1) |
                      (is_migrant(h.registration[i]) ? 1u : 0u));
  }
  state_current_ = true;
}

void Relocation::step(World& w, const StepContext& ctx) {
  if (sequential_)
    step_sequential(w, ctx);
  else
    step_synchronous(w, ctx);
}

void Relocation::step_sequential(World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const auto& spec = ctx.scenario.relocation;
  const auto step = static_cast<std::uint64_t>(ctx.step);
  // Other submodels may have moved, added, removed or regrouped households
  // since the last step: start from the world as it is.
  if (!state_current_ || !sole_mover_) rebuild_sequential(w);

  const std::size_t n = agents_.size();
  const double min_share = spec.min_same_share;
  const bool share_rule = min_share > 0.0;  // same >= 0 * total always holds
  const std::int64_t min_count = spec.min_same_count;
  StepSequence order(ctx.seed(), Stream::relocation_order, step);
  Mover mover{g,
              h,
              free_,
              near_,
              StepSequence(ctx.seed(), Stream::relocation_activation, step),
              StepSequence(ctx.seed(), Stream::relocation_choice, step),
              spec.move_probability,
              affordable_share(ctx.scenario)};
  const double rent_share = mover.rent_share;
  std::int64_t content = villagers_;
  std::int64_t burdened = 0;

  // A forward Fisher-Yates shuffle, each household acting as soon as its
  // place in the order is drawn: a uniformly random visiting order.
  const auto draw_place = [&](std::size_t k) { return k + static_cast<std::size_t>(order.below(n - k)); };
  // On maps larger than the caches the loop would wait on memory at every
  // household. There, places are drawn kAhead households early (the same
  // draws in the same order, so the same result) so that the records, then
  // the neighbour counts, of the households about to act are fetched while
  // others act.
  constexpr std::size_t kAhead = 16;
  const auto visit_all = [&](auto prefetching) {
    constexpr bool kPrefetch = decltype(prefetching)::value;
    std::size_t ahead[kAhead];
    if constexpr (kPrefetch)
      for (std::size_t k = 0; k < std::min(n, kAhead); ++k) ahead[k] = draw_place(k);

    for (std::size_t k = 0; k < n; ++k) {
      std::size_t j = 0;
      if constexpr (kPrefetch) {
        j = ahead[k % kAhead];
        if (k + kAhead < n) {
          const std::size_t later = draw_place(k + kAhead);
          ahead[k % kAhead] = later;
          __builtin_prefetch(&agents_[later]);
          // Halfway there, that record has arrived: fetch its neighbour counts.
          const std::uint64_t soon = agents_[ahead[(k + kAhead / 2) % kAhead]];
          near_.prefetch(static_cast<std::int32_t>(static_cast<std::uint32_t>(soon) >> 1));
        }
      } else {
        j = draw_place(k);
      }
      const std::uint64_t agent = agents_[j];
      agents_[j] = agents_[k];
      agents_[k] = agent;

      const auto at = static_cast<std::int32_t>(static_cast<std::uint32_t>(agent) >> 1);
      const bool migrant = (agent & 1u) != 0;
      const std::uint64_t near = near_.word(at);
      const std::int64_t registered = NeighbourCounts::registered_in(near);
      const std::int64_t migrants = NeighbourCounts::migrants_in(near);
      const std::int64_t same = (migrant ? migrants : registered) - 1;  // not counting itself
      const std::int64_t total = registered + migrants - 1;
      bool ok = same >= min_count && (!share_rule || total == 0 ||
                                      static_cast<double>(same) >= min_share * static_cast<double>(total));
      if (rent_share > 0) {
        const auto slot = static_cast<std::size_t>(agent >> 32);
        if (g.rent[h.cell[slot]] > rent_share * h.income[slot]) {
          ++burdened;
          ok = false;
        }
      }
      if (ok) {
        ++content;
        continue;
      }
      agents_[k] = mover.act(agent);
    }
  };
  if (agents_.size() * sizeof(std::uint64_t) + near_.bytes() > kCacheBytes)
    visit_all(std::true_type{});
  else
    visit_all(std::false_type{});
  counts_ = RelocationCounts{content, mover.claims, mover.moves, burdened};
}

void Relocation::build_prefix_sums(const CellGrid& g) {
  // sums[(y+1)*(W+1) + (x+1)] = count over cells [0..x] x [0..y].
  for (int y = 0; y < height_; ++y) {
    std::int32_t row_reg = 0;
    std::int32_t row_mig = 0;
    for (int x = 0; x < width_; ++x) {
      const std::int32_t c = g.index(x, y);
      row_reg += g.registered[c];
      row_mig += g.migrants[c];
      const std::size_t at = static_cast<std::size_t>(y + 1) * sum_width_ + (x + 1);
      const std::size_t up = static_cast<std::size_t>(y) * sum_width_ + (x + 1);
      sum_registered_[at] = sum_registered_[up] + row_reg;
      sum_migrants_[at] = sum_migrants_[up] + row_mig;
    }
  }
}

std::int32_t Relocation::box_sum(const std::vector<std::int32_t>& s, int x, int y, int r) const {
  const int x0 = std::max(0, x - r), x1 = std::min(width_ - 1, x + r) + 1;
  const int y0 = std::max(0, y - r), y1 = std::min(height_ - 1, y + r) + 1;
  const auto at = [&](int xx, int yy) { return s[static_cast<std::size_t>(yy) * sum_width_ + xx]; };
  return at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0);
}

void Relocation::step_synchronous(World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const auto& spec = ctx.scenario.relocation;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const StepHash activation(seed, Stream::relocation_activation, step);
  const StepHash claim_order(seed, Stream::claim_tiebreak, step);
  const std::size_t n = h.size_alive();

  build_prefix_sums(g);
  // Neighbourhood counts once per cell (fewer cells than households, and the
  // households then read them in one lookup each).
  ctx.exec.for_range(g.size(), 4096, [&](std::size_t b, std::size_t e) {
    for (std::size_t c = b; c < e; ++c) {
      const int x = g.x_of(static_cast<std::int32_t>(c)), y = g.y_of(static_cast<std::int32_t>(c));
      near_cell_[c] = {box_sum(sum_registered_, x, y, spec.radius), box_sum(sum_migrants_, x, y, spec.radius),
                       g.rent[c], 0};
    }
  });
  vacancies_.rebuild(g, VacancyIndex::Zones::urban, ctx.exec);  // moves within the city
  const bool any_vacancy = vacancies_.homes() > 0;
  const double rent_share = affordable_share(ctx.scenario);

  // 1. Decide, in parallel: each block writes its households' claims at its
  //    own start in claims_.
  claims_.resize(n);  // within the reserve, and left uninitialised
  const BlockTally tally = deterministic_reduce(
      ctx.exec, n, tallies_, BlockTally{},
      [&](std::size_t b, std::size_t e) {
        BlockTally t;
        Claim* out = claims_.data() + b;
        for (std::size_t i = b; i < e; ++i) {
          // Ahead: the cell record of a household (read at random), and the
          // ids, which only the few discontented read (one household in 15):
          // too sparse for the hardware to fetch ahead, so each was a miss
          // (bench/README.md, "Figures from the code").
          if (i + kCellAhead < e) __builtin_prefetch(&near_cell_[static_cast<std::size_t>(h.cell[i + kCellAhead])]);
          if (i + kIdAhead < e) __builtin_prefetch(&h.id[i + kIdAhead]);
          if (h.registration[i] == Registration::registered_rural) {  // villagers stay out
            ++t.content;
            continue;
          }
          const auto cell = static_cast<std::size_t>(h.cell[i]);
          const NearCell& here = near_cell_[cell];
          const std::int32_t reg = here.registered;
          const std::int32_t mig = here.migrants;
          const bool migrant = is_migrant(h.registration[i]);
          const std::int32_t same = (migrant ? mig : reg) - 1;  // not counting itself
          const std::int32_t total = reg + mig - 1;
          bool content = same >= spec.min_same_count &&
                         (total == 0 || same >= spec.min_same_share * total);
          // Incomes are read only when the affordability rule is on.
          const double max_rent = rent_share > 0 ? rent_share * h.income[i] : 0.0;
          if (rent_share > 0 && here.rent > max_rent) {
            ++t.burdened;
            content = false;
          }
          if (content) {
            ++t.content;
            continue;
          }
          if (!any_vacancy) continue;
          if (!activation.bernoulli(h.id[i], spec.move_probability)) continue;
          CounterRng choice(seed, Stream::relocation_choice, step, h.id[i]);
          std::int32_t to = vacancies_.draw(choice);
          for (int d = 1; rent_share > 0 && to >= 0 && g.rent[to] > max_rent; ++d)
            to = d < kAffordableDraws ? vacancies_.draw(choice) : -1;
          if (to < 0) continue;
          *out++ = Claim{to, static_cast<std::uint32_t>(i), claim_order.bits(h.id[i])};
          ++t.claims;
        }
        return t;
      },
      [](BlockTally a, BlockTally b) {
        return BlockTally{a.content + b.content, a.claims + b.claims, a.burdened + b.burdened};
      });
  counts_ = RelocationCounts{tally.content, tally.claims, 0, tally.burdened};
  if (tally.claims == 0) return;

  // 2. Settle contention for vacancies by a rule, not by thread timing:
  //    claims on a cell are served in order of a hash of (seed, step, id).
  //    The blocks' claims moved together (the reduction left each block's
  //    count in tallies_[block]), then sorted: (cell, hash, slot) is a strict
  //    total order, so the gathering order does not matter.
  std::size_t total = 0;
  for (std::size_t blk = 0; blk < Executor::block_count(n); ++blk) {
    const auto k = static_cast<std::size_t>(tallies_[blk].claims);
    const std::size_t from = blk * Executor::kBlock;
    if (from != total && k > 0) std::copy_n(claims_.data() + from, k, claims_.data() + total);
    total += k;
  }
  claims_.resize(total);
  std::sort(claims_.begin(), claims_.end(), [](const Claim& a, const Claim& b) {
    if (a.cell != b.cell) return a.cell < b.cell;
    return a.order != b.order ? a.order < b.order : a.slot < b.slot;
  });
  for (const Claim& c : claims_) {
    if (g.occupancy(c.cell) >= g.capacity[c.cell]) continue;
    const std::int32_t from = h.cell[c.slot];
    if (is_migrant(h.registration[c.slot])) {
      --g.migrants[from];
      ++g.migrants[c.cell];
    } else {
      --g.registered[from];
      ++g.registered[c.cell];
    }
    h.cell[c.slot] = c.cell;
    ++counts_.moves;
  }
}

}  // namespace zhili
