// Moves within the city: a Schelling-style tolerance for same-group neighbours,
// and affordability.
//
// Each household counts registered and migrant households in the cells within
// Chebyshev radius r (itself excluded). It is content when the same-group
// count reaches min_same_count and the same-group share reaches
// min_same_share. A discontented household looks for a place with probability
// move_probability. With the economy simulated and economy.max_rent_share > 0,
// a household whose rent exceeds that share of its income is discontented
// too, and a vacant home it cannot afford is no option: it draws up to
// kAffordableDraws homes and takes the first it can afford, or stays. (With
// the rule off this is exactly the Schelling model.) Two activation modes (relocation.activation,
// docs/MODEL.md 7.4):
//
// - synchronous (default): every household decides from the state at the
//   start of the phase and claims one vacant home drawn at random. Claims on
//   the same cell are settled deterministically: ordered by a hash of (seed,
//   step, household id), the first claims take the free places. Parallel.
// - sequential: the canonical Schelling model. Households are visited in a
//   random order drawn each step; each one decides on its turn from the
//   current state and, if it moves, moves at once to a vacant home drawn
//   uniformly, so later households see the move. Serial, O(1) per household
//   and per move: per-cell neighbour counts kept current (NeighbourCounts)
//   and a list with one entry per vacant home.
#pragma once

#include <cstdint>
#include <vector>

#include "core/default_init_allocator.hpp"
#include "model/neighbourhood.hpp"
#include "model/step_context.hpp"
#include "world/vacancies.hpp"
#include "world/world.hpp"

namespace zhili {

struct RelocationCounts {
  std::int64_t content = 0;  // households content with their neighbourhood: synchronous, at the
                             // start of the phase; sequential, on their turn
  std::int64_t claims = 0;   // households that looked for a new place
  std::int64_t moves = 0;    // households that moved
  std::int64_t burdened = 0; // city households whose rent exceeds the affordable share of income
};

class Relocation {
 public:
  static constexpr int kAffordableDraws = 3;

  // `sole_mover`: no other phase moves households, adds or removes them or
  // changes their group, so sequential mode may keep its state between steps
  // instead of rebuilding it from the world each step.
  void setup(const World& w, const Scenario& s, bool sole_mover);
  void step(World& w, const StepContext& ctx);
  const RelocationCounts& counts() const { return counts_; }
  // Sequential mode: the neighbour counts, current after each step; null in
  // synchronous mode.
  const NeighbourCounts* neighbour_counts() const { return sequential_ ? &near_ : nullptr; }

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a, const CellGrid& grid);  // rebuilds the neighbour counts from `grid`
 private:
  struct Claim {
    std::int32_t cell;
    std::uint32_t slot;
    std::uint64_t order;  // tie-break hash
  };
  struct BlockTally {
    std::int64_t content = 0;
    std::int64_t claims = 0;
    std::int64_t burdened = 0;
  };

  void step_synchronous(World& w, const StepContext& ctx);
  void step_sequential(World& w, const StepContext& ctx);
  void rebuild_sequential(const World& w);
  void build_prefix_sums(const CellGrid& g);
  std::int32_t box_sum(const std::vector<std::int32_t>& sums, int x, int y, int r) const;

  RelocationCounts counts_;
  int sum_width_ = 0;  // grid width + 1
  int width_ = 0;
  int height_ = 0;
  std::vector<std::int32_t> sum_registered_;  // 2-D prefix sums, (H+1) x (W+1)
  std::vector<std::int32_t> sum_migrants_;
  // Per cell, what a household there decides on: households of each group
  // within the radius and the rent. One record (a cache line's quarter)
  // instead of three arrays: the households read their cells at random.
  struct NearCell {
    std::int32_t registered, migrants;
    float rent;
    std::int32_t unused;
  };
  std::vector<NearCell> near_cell_;
  VacancyIndex vacancies_;
  std::int64_t villagers_ = 0;  // sequential mode: households left out of the sorting
  // Per block of households, its claims at the block's start (decided in
  // parallel), then all of them moved together; only the entries written are
  // ever touched.
  std::vector<Claim, DefaultInitAllocator<Claim>> claims_;
  std::vector<BlockTally> tallies_;

  // Sequential mode.
  bool sequential_ = false;
  bool sole_mover_ = false;
  bool state_current_ = false;    // near_, agents_ and free_ match the world
  NeighbourCounts near_;
  std::vector<std::uint64_t> agents_;  // slot << 32 | padded cell << 1 | migrant; visiting order
  std::vector<std::uint64_t> free_;    // one per vacant home: padded cell << 32 | grid cell
};

}  // namespace zhili
