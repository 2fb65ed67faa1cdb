// Households of each group near every cell, kept current as households move.
//
// For a Chebyshev radius r, the field holds for every cell c the number of
// registered and of migrant households in the (2r+1) x (2r+1) box of cells
// around c, clipped at the map's edge (the map is not periodic), c itself
// included. Groups are those of relocation: migrants (with or without permit)
// and everyone else. Both counts share one 64-bit word (registered in the low
// half, migrants in the high half), so a look-up is one load and a move is one
// add per cell of the box on each side. The field is padded by r cells on
// every side so that updates need no bounds checks: padding words are written
// (their value is meaningless) and never read.
//
// It also keeps the two sums behind the same_group_neighbour_share observable
// (docs/MODEL.md 7.8), over households h and the other households within r of
// h: `same` counts those of h's group, `total` all of them. Each neighbour pair
// is counted once from each side; a move updates both sums in O(1).
#pragma once

#include <cstdint>
#include <vector>

#include "world/grid.hpp"
#include "world/world.hpp"

namespace zhili {

struct NeighbourPairs {
  std::int64_t same = 0;   // Σ_h same-group households within r of h, h excluded
  std::int64_t total = 0;  // Σ_h households within r of h, h excluded
  double share() const { return total > 0 ? static_cast<double>(same) / static_cast<double>(total) : 0.0; }
};

class NeighbourCounts {
 public:
  static constexpr std::uint64_t kMigrant = std::uint64_t{1} << 32;  // one migrant in a word
  static constexpr std::uint64_t kRegistered = 1;                    // one non-migrant in a word

  // Allocates for a width x height map (all allocation happens here).
  void setup(int width, int height, int radius);
  // Recomputes every count and the pair sums from the grid's per-cell counts: O(cells).
  void rebuild(const CellGrid& g);

  int radius() const { return r_; }
  // Index into the padded field of a grid cell (cell = y * width + x). The
  // row is found by a multiplication, exact here: (cell + 1/2) / width lies at
  // least 1/(2 width) from an integer, far beyond the rounding error.
  std::int32_t padded(std::int32_t cell) const {
    const auto y = static_cast<std::int32_t>((cell + 0.5) * inv_width_);
    return cell + y * 2 * r_ + origin_;
  }

  // Both counts around a padded index, and the halves of such a word.
  std::uint64_t word(std::int32_t p) const { return field_[static_cast<std::size_t>(p)]; }
  void prefetch(std::int32_t p) const { __builtin_prefetch(field_.data() + p); }
  std::size_t bytes() const { return field_.size() * sizeof(std::uint64_t); }
  static std::int64_t registered_in(std::uint64_t w) { return static_cast<std::int64_t>(w & 0xffffffffu); }
  static std::int64_t migrants_in(std::uint64_t w) { return static_cast<std::int64_t>(w >> 32); }

  // One household of the group leaves padded index `from` for padded index `to`.
  void move(std::int32_t from, std::int32_t to, bool migrant) {
    const std::uint64_t delta = migrant ? kMigrant : kRegistered;
    const std::uint64_t wf = word(from);
    pairs_.same -= 2 * ((migrant ? migrants_in(wf) : registered_in(wf)) - 1);
    pairs_.total -= 2 * (registered_in(wf) + migrants_in(wf) - 1);
    add_box(from, -delta);  // unsigned: adding 2^64 - delta subtracts delta
    const std::uint64_t wt = word(to);
    pairs_.same += 2 * (migrant ? migrants_in(wt) : registered_in(wt));
    pairs_.total += 2 * (registered_in(wt) + migrants_in(wt));
    add_box(to, delta);
  }

  const NeighbourPairs& pairs() const { return pairs_; }

 private:
  void add_box(std::int32_t p, std::uint64_t delta) {
    switch (r_) {  // the common radii unrolled
      case 1: return add_box_of<1>(p, delta);
      case 2: return add_box_of<2>(p, delta);
      case 3: return add_box_of<3>(p, delta);
      default: break;
    }
    const int side = 2 * r_ + 1;
    std::uint64_t* row = field_.data() + (p - r_ * stride_ - r_);
    for (int dy = 0; dy < side; ++dy, row += stride_)
      for (int dx = 0; dx < side; ++dx) row[dx] += delta;
  }
  template <int R>
  void add_box_of(std::int32_t p, std::uint64_t delta) {
    std::uint64_t* row = field_.data() + (p - R * stride_ - R);
    for (int dy = 0; dy <= 2 * R; ++dy, row += stride_)
      for (int dx = 0; dx <= 2 * R; ++dx) row[dx] += delta;
  }

  int width_ = 0;
  int height_ = 0;
  int r_ = 0;
  int stride_ = 0;          // width + 2r
  double inv_width_ = 0;    // 1 / width
  std::int32_t origin_ = 0; // padded index of cell 0: r * stride + r
  std::vector<std::uint64_t> field_;  // (height + 2r) x stride
  std::vector<std::uint64_t> acc_;    // rebuild scratch: one row of column sums
  NeighbourPairs pairs_;
};

// The pair sums of a grid at radius r, computed from scratch (allocates; for
// tests and set-up, not for the step loop).
NeighbourPairs neighbour_pairs(const CellGrid& g, int radius);

}  // namespace zhili
