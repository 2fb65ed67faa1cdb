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

#include "core/parallel.hpp"
#include "core/prefault.hpp"
#include "core/rng.hpp"
#include "world/grid.hpp"

namespace zhili {

class VacancyIndex {
 public:
  void reserve(std::size_t cells) {
    reserve_touched(cells_, cells);  // core/prefault.hpp: every rebuild fills an entry per cell with room
    reserve_touched(cumulative_, cells);
    reserve_touched(guide_, cells + 2);
    block_.reserve(Executor::block_count(cells));
  }

  enum class Zones : std::uint8_t { all, urban, rural };  // urban = every zone but rural

  // Rebuilds from the grid's current counts: O(cells), in blocks of cells in
  // parallel (it runs four times a step); the same table for any thread
  // count. No allocation after reserve.
  void rebuild(const CellGrid& g, Zones zones, const Executor& exec) {
    const std::size_t n = g.size();
    const auto listed = [&](std::size_t c) {  // free places of cell c, 0 if not listed
      const std::int32_t free = g.capacity[c] - g.occupancy(static_cast<std::int32_t>(c));
      const bool rural = g.zone[c] == Zone::rural;
      const bool wanted = zones == Zones::all || (zones == Zones::urban) != rural;
      return free > 0 && wanted ? free : 0;
    };
    // 1. Per block of cells: how many are listed and their free places.
    block_.resize(Executor::block_count(n));
    exec.for_each_block(n, [&](std::size_t blk, std::size_t b, std::size_t e) {
      Block t;
      for (std::size_t c = b; c < e; ++c) {
        const std::int32_t free = listed(c);
        t.entries += free > 0;
        t.homes += free;
      }
      block_[blk] = t;
    });
    // 2. Where each block's entries start, and the running count before it.
    std::size_t entries = 0;
    std::int64_t homes = 0;
    for (Block& t : block_) {
      const Block here = t;
      t.entries = entries;
      t.homes = homes;
      entries += here.entries;
      homes += here.homes;
    }
    cells_.resize(entries);
    cumulative_.resize(entries);
    // 3. Each block writes its entries at its own place.
    exec.for_each_block(n, [&](std::size_t blk, std::size_t b, std::size_t e) {
      std::size_t j = block_[blk].entries;
      std::int64_t acc = block_[blk].homes;
      for (std::size_t c = b; c < e; ++c) {
        const std::int32_t free = listed(c);
        if (free <= 0) continue;
        acc += free;
        cells_[j] = static_cast<std::int32_t>(c);
        cumulative_[j] = acc;
        ++j;
      }
    });
    build_guide(exec);
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
  //
  // So guide_[q] = j for the buckets whose start q * 2^shift_ lies in
  // [cumulative_[j - 1], cumulative_[j]) (0 before the first entry), and the
  // last entry also takes every bucket from its own on: entry by entry, in
  // parallel, each writing its own buckets (a serial walk over the buckets
  // took most of a rebuild).
  void build_guide(const Executor& exec) {
    shift_ = 0;
    const std::int64_t total = homes();
    if (total == 0) {
      guide_.clear();
      return;
    }
    while ((total >> shift_) > static_cast<std::int64_t>(cells_.size())) ++shift_;
    const auto buckets = static_cast<std::size_t>((total - 1) >> shift_) + 1;  // r <= total - 1
    guide_.resize(buckets + 1);
    const std::size_t last = cumulative_.size() - 1;
    const std::int64_t round_up = (std::int64_t{1} << shift_) - 1;
    const auto first_bucket_from = [&](std::int64_t homes_before) {  // first q with start >= homes_before
      return static_cast<std::size_t>((homes_before + round_up) >> shift_);
    };
    exec.for_range(last + 1, 4096, [&](std::size_t b, std::size_t e) {
      for (std::size_t j = b; j < e; ++j) {
        const std::size_t from = first_bucket_from(j == 0 ? 0 : cumulative_[j - 1]);
        const std::size_t to = j == last ? buckets + 1 : first_bucket_from(cumulative_[j]);
        for (std::size_t q = from; q < to; ++q) guide_[q] = static_cast<std::uint32_t>(j);
      }
    });
  }

  std::vector<std::int32_t> cells_;
  std::vector<std::int64_t> cumulative_;
  std::vector<std::uint32_t> guide_;  // buckets + 1 entries, <= listed cells + 2
  int shift_ = 0;
  struct Block {
    std::size_t entries = 0;  // listed cells; after step 2, the block's first entry
    std::int64_t homes = 0;   // their free places; after step 2, those before the block
  };
  std::vector<Block> block_;
};

}  // namespace zhili
