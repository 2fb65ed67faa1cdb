#include "model/neighbourhood.hpp"

#include <algorithm>

namespace zhili {

void NeighbourCounts::setup(int width, int height, int radius) {
  width_ = width;
  height_ = height;
  r_ = radius;
  stride_ = width + 2 * radius;
  inv_width_ = 1.0 / width;
  origin_ = radius * stride_ + radius;
  field_.assign(static_cast<std::size_t>(stride_) * (height + 2 * radius), 0);
  acc_.assign(static_cast<std::size_t>(width), 0);
  pairs_ = {};
}

void NeighbourCounts::rebuild(const CellGrid& g) {
  const int w = width_, h = height_, r = r_;
  const auto at = [w](int x, int y) { return static_cast<std::size_t>(y) * w + x; };
  const auto packed = [&](std::size_t c) {
    return static_cast<std::uint64_t>(g.registered[c]) + (static_cast<std::uint64_t>(g.migrants[c]) << 32);
  };
  const auto add_row = [&](int y) {
    for (int x = 0; x < w; ++x) acc_[x] += packed(at(x, y));
  };
  const auto subtract_row = [&](int y) {
    for (int x = 0; x < w; ++x) acc_[x] -= packed(at(x, y));
  };

  // acc_ holds, per column, the packed counts of rows y-r..y+r (a sliding
  // window down the map); each field row is a sliding window across acc_.
  // Every cell of the map is written; the padding is never read.
  std::fill(acc_.begin(), acc_.end(), 0);
  for (int y = 0; y <= std::min(h - 1, r); ++y) add_row(y);
  for (int y = 0; y < h; ++y) {
    std::uint64_t* out = field_.data() + static_cast<std::size_t>(y + r) * stride_ + r;
    std::uint64_t s = 0;
    for (int x = 0; x <= std::min(w - 1, r); ++x) s += acc_[x];
    for (int x = 0; x < w; ++x) {
      out[x] = s;
      if (x + r + 1 < w) s += acc_[x + r + 1];
      if (x - r >= 0) s -= acc_[x - r];
    }
    if (y + r + 1 < h) add_row(y + r + 1);
    if (y - r >= 0) subtract_row(y - r);
  }

  // Pair sums: a household of cell c sees the counts around c less itself.
  pairs_ = {};
  for (int y = 0; y < h; ++y) {
    const std::uint64_t* near = field_.data() + static_cast<std::size_t>(y + r) * stride_ + r;
    const std::int32_t* reg = g.registered.data() + at(0, y);
    const std::int32_t* mig = g.migrants.data() + at(0, y);
    std::int64_t same = 0, total = 0;
    for (int x = 0; x < w; ++x) {
      const std::int64_t nr = registered_in(near[x]), nm = migrants_in(near[x]);
      same += reg[x] * (nr - 1) + mig[x] * (nm - 1);
      total += (reg[x] + mig[x]) * (nr + nm - 1);
    }
    pairs_.same += same;
    pairs_.total += total;
  }
}

NeighbourPairs neighbour_pairs(const CellGrid& g, int radius) {
  NeighbourCounts counts;
  counts.setup(g.width, g.height, radius);
  counts.rebuild(g);
  return counts.pairs();
}

}  // namespace zhili
