#include "model/relocation.hpp"

#include <algorithm>

#include "core/rng.hpp"

namespace zhili {

void Relocation::setup(const World& w) {
  width_ = w.grid.width;
  height_ = w.grid.height;
  sum_width_ = width_ + 1;
  const auto sums = static_cast<std::size_t>(sum_width_) * (height_ + 1);
  sum_registered_.assign(sums, 0);
  sum_migrants_.assign(sums, 0);
  vacancies_.reserve(w.grid.size());
  target_.reserve(w.households.capacity());
  claims_.reserve(w.households.capacity());
  tallies_.reserve(Executor::block_count(w.households.capacity()) + 1);
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

void Relocation::step(World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const auto& spec = ctx.scenario.relocation;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const std::size_t n = h.size_alive();

  build_prefix_sums(g);
  vacancies_.rebuild(g);
  const bool any_vacancy = vacancies_.homes() > 0;

  // 1. Decide, in parallel: each household writes only its own target slot.
  target_.resize(n);
  const BlockTally tally = deterministic_reduce(
      ctx.exec, n, tallies_, BlockTally{},
      [&](std::size_t b, std::size_t e) {
        BlockTally t;
        for (std::size_t i = b; i < e; ++i) {
          const int x = g.x_of(h.cell[i]), y = g.y_of(h.cell[i]);
          const std::int32_t reg = box_sum(sum_registered_, x, y, spec.radius);
          const std::int32_t mig = box_sum(sum_migrants_, x, y, spec.radius);
          const bool migrant = is_migrant(h.registration[i]);
          const std::int32_t same = (migrant ? mig : reg) - 1;  // not counting itself
          const std::int32_t total = reg + mig - 1;
          const bool content = same >= spec.min_same_count &&
                               (total == 0 || same >= spec.min_same_share * total);
          target_[i] = -1;
          if (content) {
            ++t.content;
            continue;
          }
          if (!any_vacancy) continue;
          if (!CounterRng(seed, Stream::relocation_activation, step, h.id[i])
                   .bernoulli(spec.move_probability))
            continue;
          CounterRng choice(seed, Stream::relocation_choice, step, h.id[i]);
          target_[i] = vacancies_.draw(choice);
          ++t.claims;
        }
        return t;
      },
      [](BlockTally a, BlockTally b) { return BlockTally{a.content + b.content, a.claims + b.claims}; });
  counts_ = RelocationCounts{tally.content, tally.claims, 0};
  if (tally.claims == 0) return;

  // 2. Settle contention for vacancies by a rule, not by thread timing:
  //    claims on a cell are served in order of a hash of (seed, step, id).
  claims_.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (target_[i] >= 0)
      claims_.push_back(Claim{target_[i], static_cast<std::uint32_t>(i),
                              counter_hash(seed, Stream::claim_tiebreak, step, h.id[i])});
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
