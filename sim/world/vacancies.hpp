// Vacant homes, for drawing one uniformly at random.
//
// A cell with k free places is k times as likely to be drawn as a cell with
// one: newcomers and movers pick a random vacant *home*, not a random cell, so
// a dense urban village with 30 empty rooms attracts more than a farmhouse.
// With one home per cell (the Schelling benchmark) this is a random empty cell.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "world/grid.hpp"

namespace zhili {

class VacancyIndex {
 public:
  void reserve(std::size_t cells) {
    cells_.reserve(cells);
    cumulative_.reserve(cells);
    guide_.reserve(cells + 2);
  }

  enum class Zones : std::uint8_t { all, urban, rural };  // urban = every zone but rural

  // Rebuilds from the grid's current counts (O(cells), no allocation after reserve).
  void rebuild(const CellGrid& g, Zones zones = Zones::all) {
    cells_.clear();
    cumulative_.clear();
    std::int64_t acc = 0;
    for (std::size_t c = 0; c < g.size(); ++c) {
      const std::int32_t free = g.capacity[c] - g.occupancy(static_cast<std::int32_t>(c));
      if (free <= 0) continue;
      const bool rural = g.zone[c] == Zone::rural;
      if ((zones == Zones::urban && rural) || (zones == Zones::rural && !rural)) continue;
      acc += free;
      cells_.push_back(static_cast<std::int32_t>(c));
      cumulative_.push_back(acc);
    }
    build_guide();
  }

  std::int64_t homes() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

  // A cell drawn with probability proportional to its free places at rebuild time.
  std::int32_t draw(CounterRng& rng) const {
    const auto r = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(homes())));
    // The first entry whose cumulative count exceeds r, searched only among
    // the entries of r's bucket (a handful) instead of the whole table, whose
    // last levels miss the cache at a million households: the same entry.
    const auto q = static_cast<std::size_t>(r >> shift_);
    const auto first = cumulative_.begin() + guide_[q];
    const auto last = cumulative_.begin() + guide_[q + 1] + 1;
    const auto it = std::upper_bound(first, last, r);
    return cells_[static_cast<std::size_t>(it - cumulative_.begin())];
  }

 private:
  // Buckets of 2^shift_ homes, at most about one per listed cell: guide_[q] is
  // the first entry with cumulative > q * 2^shift_ (capped at the last entry).
  // A draw r in bucket q lands in [guide_[q], guide_[q + 1]]: entries before
  // guide_[q] hold at most q * 2^shift_ <= r, and entry guide_[q + 1] more
  // than (q + 1) * 2^shift_ > r (or it is the last entry, more than any r).
  void build_guide() {
    guide_.clear();
    shift_ = 0;
    const std::int64_t total = homes();
    if (total == 0) return;
    while ((total >> shift_) > static_cast<std::int64_t>(cells_.size())) ++shift_;
    const auto buckets = static_cast<std::size_t>((total - 1) >> shift_) + 1;  // r <= total - 1
    const std::size_t last = cumulative_.size() - 1;
    std::size_t j = 0;
    for (std::size_t q = 0; q <= buckets; ++q) {
      const std::int64_t start = static_cast<std::int64_t>(q) << shift_;
      while (j < last && cumulative_[j] <= start) ++j;
      guide_.push_back(static_cast<std::uint32_t>(j));
    }
  }

  std::vector<std::int32_t> cells_;
  std::vector<std::int64_t> cumulative_;
  std::vector<std::uint32_t> guide_;  // buckets + 1 entries, <= listed cells + 2
  int shift_ = 0;
};

}  // namespace zhili
