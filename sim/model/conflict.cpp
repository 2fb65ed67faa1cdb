#include "model/conflict.hpp"

#include <algorithm>
#include <cmath>

#include "core/rng.hpp"
#include "core/step_sequence.hpp"
#include "model/social_state.hpp"

namespace zhili {

namespace {
// Officer ids in the patrol stream: posts drawn at hiring use a separate range
// from the moves, which are keyed by the officer's index.
constexpr std::uint64_t kPostKey = std::uint64_t{1} << 40;

// Epstein's estimated arrest probability P = 1 - exp(-k C / A), with C / A
// rounded down as NetLogo's Rebellion model does when arrest_floor is set.
float estimated_arrest(const ConflictSpec& spec, double officers, double actives) {
  double ratio = officers / actives;
  if (spec.arrest_floor) ratio = std::floor(ratio);
  return static_cast<float>(-std::expm1(-spec.arrest_k * ratio));
}

// Calls f(i) for i in 0..n-1 in a uniformly random order drawn from `draws`:
// a forward Fisher-Yates shuffle, each index acting as soon as its place is
// drawn (f may draw from `draws` too). `order` is the reused scratch.
template <class F>
void visit_in_random_order(std::size_t n, StepSequence& draws, std::vector<std::uint32_t>& order, F&& f) {
  order.resize(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  for (std::size_t k = 0; k < n; ++k) {
    std::swap(order[k], order[k + static_cast<std::size_t>(draws.below(n - k))]);
    f(static_cast<std::size_t>(order[k]));
  }
}
}  // namespace

void Conflict::setup(const World& w, const Scenario& s) {
  scenario_ = &s;
  width_ = w.grid.width;
  height_ = w.grid.height;
  vision_.setup(width_, height_, s.conflict.vision, s.conflict.torus);
  const auto cells = w.grid.size();
  cell_active_.assign(cells, 0);
  remaining_.assign(cells, 0);
  cell_income_.assign(kIncomeParts * cells, 0);
  households_near_.assign(cells, 0.0);
  points_.reserve(std::max(cells, w.households.capacity()));  // a point per active at most
  field_in_.assign(cells, 0.0);
  field_out_.assign(cells, 0.0);
  cell_households_.assign(cells, 0.0);
  c_vision_.assign(cells, 0.0);
  a_vision_.assign(cells, 0.0);
  p_cell_.assign(cells, 0.0f);
  income_mean_.assign(cells, 0.0f);
  cell_begin_.assign(cells + 1, 0);
  officer_post_.clear();
  officer_cell_.clear();
  incidents_.setup(width_, height_);
  // Relative deprivation compares incomes, which exist with the economy only.
  want_income_ = s.grievance.deprivation_weight > 0 && s.economy.enabled;
}

float Conflict::arrest_at(double officers, double actives) const {
  const ConflictSpec& spec = scenario_->conflict;
  if (surge_ratio_ > officers / actives) return estimated_arrest(spec, surge_ratio_, 1.0);
  return estimated_arrest(spec, officers, actives);
}

std::int32_t Conflict::random_cell_in_disc(std::int32_t around, CounterRng& r) const {
  const int v = scenario_->conflict.vision;
  const int x = around % width_, y = around / width_;
  for (int attempt = 0; attempt < 32; ++attempt) {
    const int dx = static_cast<int>(r.below(static_cast<std::uint64_t>(2 * v + 1))) - v;
    const int dy = static_cast<int>(r.below(static_cast<std::uint64_t>(2 * v + 1))) - v;
    if (dx * dx + dy * dy > v * v) continue;
    int xx = x + dx, yy = y + dy;
    if (scenario_->conflict.torus) {
      xx = (xx % width_ + width_) % width_;
      yy = (yy % height_ + height_) % height_;
    } else if (xx < 0 || yy < 0 || xx >= width_ || yy >= height_) {
      continue;
    }
    return yy * width_ + xx;
  }
  return around;
}

void Conflict::staff(const World& w, const StepContext& ctx, double residents) {
  const double per_10k = ctx.lever(LeverId::conflict_grid_workers) + ctx.lever(LeverId::conflict_police);
  const auto target =
      static_cast<std::size_t>(std::llround(per_10k * residents / 1e4 / ctx.scenario.population.scale));
  const auto& h = w.households;
  while (officer_post_.size() < target) {
    // A post where people live: the home of a household drawn at random.
    const std::size_t o = officer_post_.size();
    CounterRng r(ctx.seed(), Stream::officer_patrol, static_cast<std::uint64_t>(ctx.step), kPostKey + o);
    const std::int32_t post =
        h.size_alive() > 0 ? h.cell[r.below(h.size_alive())]
                           : static_cast<std::int32_t>(r.below(static_cast<std::uint64_t>(width_) * height_));
    officer_post_.push_back(post);
    officer_cell_.push_back(post);
  }
  officer_post_.resize(target);
  officer_cell_.resize(target);
}

void Conflict::move_households(World& w, const StepContext& ctx) {
  auto& h = w.households;
  auto& g = w.grid;
  const auto cells = g.size();
  present_.assign(cells, 0);
  officer_here_.assign(cells, 0);
  const std::size_t n = h.size_alive();
  for (std::size_t i = 0; i < n; ++i)
    if (h.detained[i] == 0) ++present_[static_cast<std::size_t>(h.cell[i])];
  for (const auto c : officer_cell_) officer_here_[static_cast<std::size_t>(c)] = 1;
  // In a random order, each household moves to a cell drawn uniformly among
  // those in its vision with room and no officer (reservoir sampling over
  // the disc), or stays when there is none.
  StepSequence draws(ctx.seed(), Stream::conflict_move, static_cast<std::uint64_t>(ctx.step));
  visit_in_random_order(n, draws, order_, [&](std::size_t i) {
    if (h.detained[i] > 0) return;
    const auto from = static_cast<std::size_t>(h.cell[i]);
    std::size_t to = from, seen = 0;
    vision_.each_cell(static_cast<int>(from) % width_, static_cast<int>(from) / width_, [&](std::size_t c) {
      if (c == from || officer_here_[c] || present_[c] >= g.capacity[c]) return;
      if (draws.below(++seen) == 0) to = c;
    });
    if (to == from) return;
    --present_[from];
    ++present_[to];
    auto& counts = is_migrant(h.registration[i]) ? g.migrants : g.registered;
    --counts[from];
    ++counts[to];
    h.cell[i] = static_cast<std::int32_t>(to);
  });
  // Last step's actives, where they now are.
  std::fill(remaining_.begin(), remaining_.end(), 0);
  for (std::size_t i = 0; i < n; ++i)
    if (h.social[i] & social_bits::kActive) ++remaining_[static_cast<std::size_t>(h.cell[i])];
}

void Conflict::prepare(World& w, const StepContext& ctx, double residents) {
  const ConflictSpec& spec = ctx.scenario.conflict;
  const auto cells = cell_active_.size();
  tally_.clear();
  staff(w, ctx, residents);
  if (spec.movement) move_households(w, ctx);
  tally_.officers = static_cast<double>(officer_cell_.size()) * ctx.scenario.population.scale;

  // P per cell from the officers where they stand and last step's actives.
  vision_.sum_points(ctx.exec, officer_cell_, c_vision_);
  points_.clear();  // last step's remaining actives, a cell once per active
  for (std::size_t c = 0; c < cells; ++c)
    for (std::int32_t k = 0; k < remaining_[c]; ++k) points_.push_back(static_cast<std::int32_t>(c));
  vision_.sum_points(ctx.exec, points_, a_vision_);
  // In real persons and households: a simulated household stands for `scale`.
  const double scale = ctx.scenario.population.scale;
  // The district's response (conflict.surge): officers sent from elsewhere
  // to where households are active, so a local crowd does not face only the
  // officers who happen to see it. The ratio is the district's officers
  // (the surge share of them) over its actives of the step before.
  surge_ratio_ = 0;
  if (spec.surge > 0) {
    std::int64_t actives = 0;
    for (const auto a : remaining_) actives += a;
    surge_ratio_ = spec.surge * scale * static_cast<double>(officer_cell_.size()) /
                   (1.0 + scale * static_cast<double>(actives));
  }
  ctx.exec.for_range(cells, 4096, [&](std::size_t b, std::size_t e) {
    for (std::size_t c = b; c < e; ++c) p_cell_[c] = arrest_at(scale * c_vision_[c], 1.0 + scale * a_vision_[c]);
  });

  // Mean income within vision: incomes summed per cell, then over the disc,
  // over the disc's households (the grid keeps their count per cell).
  if (want_income_) sum_cell_incomes(w, ctx);
  std::fill(cell_active_.begin(), cell_active_.end(), 0);
}

void Conflict::sum_cell_incomes(const World& w, const StepContext& ctx) {
  // Households scattered into their cells in parallel: kIncomeParts fixed
  // slices of the store, each adding into its own row of cell_income_, then
  // the rows added per cell. Incomes (never negative) are rounded to whole
  // yuan first, so the sums are exact integers that no slicing or thread
  // count can change.
  const auto& h = w.households;
  const auto& g = w.grid;
  const std::size_t cells = g.size(), n = h.size_alive();
  ctx.exec.for_range(kIncomeParts, 1, [&](std::size_t pb, std::size_t pe) {
    for (std::size_t part = pb; part < pe; ++part) {
      std::int64_t* row = cell_income_.data() + part * cells;
      for (std::size_t i = part * n / kIncomeParts; i < (part + 1) * n / kIncomeParts; ++i)
        row[static_cast<std::size_t>(h.cell[i])] += static_cast<std::int64_t>(static_cast<double>(h.income[i]) + 0.5);
    }
  });
  ctx.exec.for_range(cells, 4096, [&](std::size_t b, std::size_t e) {
    for (std::size_t c = b; c < e; ++c) {
      std::int64_t sum = 0;
      for (std::size_t part = 0; part < kIncomeParts; ++part) {
        sum += cell_income_[part * cells + c];
        cell_income_[part * cells + c] = 0;  // ready for the next step
      }
      field_in_[c] = static_cast<double>(sum);
      cell_households_[c] = g.occupancy(static_cast<std::int32_t>(c));
    }
  });
  vision_.sum2(ctx.exec, field_in_, cell_households_, field_out_, households_near_);
  ctx.exec.for_range(cells, 4096, [&](std::size_t b, std::size_t e) {
    for (std::size_t c = b; c < e; ++c)
      income_mean_[c] = households_near_[c] > 0 ? static_cast<float>(field_out_[c] / households_near_[c]) : 0.0f;
  });
}

void Conflict::activate_sequential(World& w, const StepContext& ctx, std::span<const float> grievance,
                                   std::span<const float> risk, std::vector<std::uint32_t>& actives) {
  auto& h = w.households;
  const ConflictSpec& spec = ctx.scenario.conflict;
  const std::size_t n = h.size_alive();
  const double scale = ctx.scenario.population.scale;
  // The actives as they stand: last step's after detention (a_vision_ holds
  // their vision sums), changed as each household decides.
  for (std::size_t c = 0; c < cell_active_.size(); ++c) cell_active_[c] = remaining_[c];
  const auto flip = [&](std::size_t cell, double by) {
    vision_.each_cell(static_cast<int>(cell) % width_, static_cast<int>(cell) / width_,
                      [&](std::size_t d) { a_vision_[d] += by; });
    cell_active_[cell] += by > 0 ? 1 : -1;
  };
  StepSequence draws(ctx.seed(), Stream::conflict_order, static_cast<std::uint64_t>(ctx.step));
  visit_in_random_order(n, draws, order_, [&](std::size_t i) {
    if (h.detained[i] > 0) return;
    const auto cell = static_cast<std::size_t>(h.cell[i]);
    const bool was = (h.social[i] & social_bits::kActive) != 0;
    const float p = arrest_at(scale * c_vision_[cell], 1.0 + scale * a_vision_[cell]);
    const bool now = grievance[i] - risk[i] * p > spec.threshold;
    if (now == was) return;
    h.social[i] = static_cast<std::uint8_t>(h.social[i] ^ social_bits::kActive);
    flip(cell, now ? 1.0 : -1.0);
  });
  actives.clear();
  for (std::size_t i = 0; i < n; ++i)
    if (h.social[i] & social_bits::kActive) actives.push_back(static_cast<std::uint32_t>(i));
}

void Conflict::enforce(World& w, const StepContext& ctx, std::span<const std::uint32_t> actives) {
  auto& h = w.households;
  const ConflictSpec& spec = ctx.scenario.conflict;
  const double scale = ctx.scenario.population.scale;
  const auto cells = cell_active_.size();
  tally_.active = static_cast<double>(actives.size()) * scale;
  std::int64_t persons = 0;
  for (const auto slot : actives) persons += h.size[slot];
  tally_.participants = static_cast<double>(persons) * scale;

  // The step's incidents, from the actives before officers act. A calm step
  // with no incident open has nothing to track (most steps of a city).
  if (!actives.empty() || incidents_.in_progress() > 0) {
    points_.clear();
    for (const auto slot : actives) points_.push_back(h.cell[slot]);
    vision_.sum_points(ctx.exec, points_, field_out_);
    ctx.exec.for_range(cells, 4096, [&](std::size_t b, std::size_t e) {
      for (std::size_t c = b; c < e; ++c) {
        field_in_[c] = static_cast<double>(cell_active_[c]) * scale;
        field_out_[c] *= scale;
      }
    });
    incidents_.step(ctx.recorded_step(), field_out_, field_in_, spec.incident_threshold,
                    spec.incident_extent == IncidentExtent::gathering ? std::max(1, spec.vision) : 0);
  } else {
    incidents_.quiet_step();
  }
  // Active households grouped by cell (counting sort, slot order within a
  // cell); with none, officers only patrol.
  if (actives.empty()) {
    std::fill(remaining_.begin(), remaining_.end(), 0);
  } else {
    std::uint32_t total = 0;
    for (std::size_t c = 0; c < cells; ++c) {
      cell_begin_[c] = total;
      total += static_cast<std::uint32_t>(cell_active_[c]);
      remaining_[c] = 0;
    }
    cell_begin_[cells] = total;
    cell_slots_.resize(total);
    for (const auto slot : actives) {
      const auto c = static_cast<std::size_t>(h.cell[slot]);
      cell_slots_[cell_begin_[c] + static_cast<std::uint32_t>(remaining_[c]++)] = slot;
    }
  }

  // Officers in index order: move, then detain one active household in vision.
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const auto term = static_cast<std::uint64_t>(spec.max_detention_steps);
  for (std::size_t o = 0; o < officer_cell_.size(); ++o) {
    CounterRng r(ctx.seed(), Stream::officer_patrol, step, o);
    officer_cell_[o] = random_cell_in_disc(spec.officers_wander ? officer_cell_[o] : officer_post_[o], r);
    if (actives.empty()) continue;
    const int x = officer_cell_[o] % width_, y = officer_cell_[o] / width_;
    std::int64_t seen = 0;
    vision_.each_cell(x, y, [&](std::size_t c) { seen += remaining_[c]; });
    if (seen == 0) continue;
    auto pick = static_cast<std::int64_t>(r.below(static_cast<std::uint64_t>(seen)));
    std::size_t cell = 0;
    bool found = false;
    vision_.each_cell(x, y, [&](std::size_t c) {
      if (found) return;
      if (pick < remaining_[c]) {
        cell = c;
        found = true;
        return;
      }
      pick -= remaining_[c];
    });
    // Take the picked household out of its cell's remaining actives.
    std::uint32_t* slots = &cell_slots_[cell_begin_[cell]];
    const auto last = static_cast<std::size_t>(--remaining_[cell]);
    const std::uint32_t slot = slots[pick];
    slots[pick] = slots[last];
    h.detained[slot] = static_cast<std::uint8_t>(
        1 + CounterRng(ctx.seed(), Stream::detention, step, h.id[slot]).below(term));
    h.social[slot] = static_cast<std::uint8_t>(h.social[slot] & ~social_bits::kActive);
    officer_cell_[o] = static_cast<std::int32_t>(cell);  // the officer goes where the arrest is
    tally_.detained += scale;
  }
}

}  // namespace zhili
