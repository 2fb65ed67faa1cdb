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
  }

  std::int64_t homes() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

  // A cell drawn with probability proportional to its free places at rebuild time.
  std::int32_t draw(CounterRng& rng) const {
    const auto r = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(homes())));
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), r);
    return cells_[static_cast<std::size_t>(it - cumulative_.begin())];
  }

 private:
  std::vector<std::int32_t> cells_;
  std::vector<std::int64_t> cumulative_;
};

}  // namespace zhili
