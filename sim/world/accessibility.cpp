#include "world/accessibility.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace zhili {

namespace {

constexpr std::int32_t kFar = std::numeric_limits<std::int32_t>::max();  // no source in the column
constexpr std::size_t kColumnGrain = 64;  // columns per task of the first pass
constexpr std::size_t kRowGrain = 8;      // rows per task of the second pass
// Extra outlets over another need's up to which a need reuses its distances
// (a pass over the map per extra outlet, against a whole transform).
constexpr std::size_t kFewExtra = 8;

// Pass 1: for each cell, the squared distance (in cells) to the nearest
// source in its own column, kFar when the column has none. Runs down and up
// each column, over groups of columns: rows are contiguous in memory.
void column_pass(const CellGrid& g, const std::vector<std::uint8_t>& source, const Executor& ex,
                 std::vector<std::int32_t>& d2) {
  const int w = g.width, h = g.height;
  ex.for_range(static_cast<std::size_t>(w), kColumnGrain, [&](std::size_t x0, std::size_t x1) {
    std::vector<std::int32_t> last(x1 - x0);  // row of the last source seen, per column
    // Downwards: distance to the nearest source above (or at) the cell.
    std::fill(last.begin(), last.end(), -1);
    for (int y = 0; y < h; ++y) {
      for (std::size_t x = x0; x < x1; ++x) {
        const std::size_t c = static_cast<std::size_t>(y) * w + x;
        if (source[c]) last[x - x0] = y;
        const std::int32_t dy = last[x - x0] < 0 ? -1 : y - last[x - x0];
        d2[c] = dy < 0 ? kFar : dy * dy;
      }
    }
    // Upwards: the nearest source below, if nearer.
    std::fill(last.begin(), last.end(), -1);
    for (int y = h - 1; y >= 0; --y) {
      for (std::size_t x = x0; x < x1; ++x) {
        const std::size_t c = static_cast<std::size_t>(y) * w + x;
        if (source[c]) last[x - x0] = y;
        if (last[x - x0] < 0) continue;
        const std::int32_t dy = last[x - x0] - y;
        if (dy * dy < d2[c]) d2[c] = dy * dy;
      }
    }
  });
}

// Pass 2: along each row, D(x) = min over x' of (x - x')^2 + f(x'), with f
// the column pass's values, by the lower envelope of parabolas (Felzenszwalb
// & Huttenlocher); columns without a source take no part. Writes km.
void row_pass(const CellGrid& g, const std::vector<std::int32_t>& d2, const Executor& ex,
              std::vector<float>& km) {
  const int w = g.width, h = g.height;
  const double cell_km = g.cell_km;
  ex.for_range(static_cast<std::size_t>(h), kRowGrain, [&](std::size_t y0, std::size_t y1) {
    std::vector<std::int32_t> v(static_cast<std::size_t>(w));  // apexes of the envelope's parabolas
    std::vector<double> z(static_cast<std::size_t>(w) + 1);    // where each parabola takes over
    for (std::size_t y = y0; y < y1; ++y) {
      const std::int32_t* f = d2.data() + y * w;
      float* out = km.data() + y * w;
      int k = -1;
      for (int q = 0; q < w; ++q) {
        if (f[q] == kFar) continue;
        // Intersection of the parabolas of q and of the envelope's last apex.
        double s = 0;
        while (k >= 0) {
          const int p = v[k];
          s = (static_cast<double>(f[q]) + static_cast<double>(q) * q -
               (static_cast<double>(f[p]) + static_cast<double>(p) * p)) /
              (2.0 * (q - p));
          if (s > z[k]) break;
          --k;
        }
        ++k;
        v[k] = q;
        z[k] = k == 0 ? -std::numeric_limits<double>::infinity() : s;
        z[k + 1] = std::numeric_limits<double>::infinity();
      }
      if (k < 0) {  // no source on the whole map
        std::fill(out, out + w, kNoOutlet);
        continue;
      }
      int j = 0;
      for (int x = 0; x < w; ++x) {
        while (z[j + 1] < x) ++j;
        const std::int64_t dx = x - v[j];
        const std::int64_t dist2 = dx * dx + f[v[j]];
        out[x] = static_cast<float>(std::sqrt(static_cast<double>(dist2)) * cell_km);
      }
    }
  });
}

}  // namespace

void nearest_outlet_km(const CellGrid& g, std::span<const OpenOutlet> outlets, NeedType need,
                       const Executor& ex, std::vector<float>& km, AccessScratch& scratch) {
  const std::size_t n = g.size();
  km.resize(n);
  scratch.column_d2.resize(n);
  // Sources: cells with an outlet handling the need (a byte per cell; small next to d2).
  std::vector<std::uint8_t>& source = scratch.source;
  source.assign(n, 0);
  bool any = false;
  for (const auto& o : outlets) {
    if (!(o.needs & need_bit(need)) || o.cell < 0 || static_cast<std::size_t>(o.cell) >= n) continue;
    source[static_cast<std::size_t>(o.cell)] = 1;
    any = true;
  }
  if (!any) {
    std::fill(km.begin(), km.end(), kNoOutlet);
    return;
  }
  column_pass(g, source, ex, scratch.column_d2);
  row_pass(g, scratch.column_d2, ex, km);
}

std::vector<float> nearest_outlet_km(const CellGrid& g, std::span<const OpenOutlet> outlets,
                                     NeedType need, const Executor& ex) {
  std::vector<float> km;
  AccessScratch scratch;
  nearest_outlet_km(g, outlets, need, ex, km, scratch);
  return km;
}

void nearest_outlet_km_all(const CellGrid& g, std::span<const OpenOutlet> outlets, const Executor& ex,
                           std::array<std::vector<float>, kNeedCount>& km, AccessScratch& scratch) {
  // Each need's source cells, sorted and without repeats.
  auto& sources = scratch.need_cells;
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    sources[n].clear();
    for (const auto& o : outlets)
      if ((o.needs & need_bit(static_cast<NeedType>(n))) && o.cell >= 0 && static_cast<std::size_t>(o.cell) < g.size())
        sources[n].push_back(o.cell);
    std::sort(sources[n].begin(), sources[n].end());
    sources[n].erase(std::unique(sources[n].begin(), sources[n].end()), sources[n].end());
  }
  const double cell_km = g.cell_km;
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    // An earlier need whose sources are all among this one's, with at most
    // kFewExtra more here: start from its distances.
    std::size_t base = n;
    std::vector<std::int32_t>& extra = scratch.extra;
    extra.clear();
    for (std::size_t m = 0; m < n && base == n; ++m) {
      if (sources[m].empty() || sources[m].size() > sources[n].size() ||
          sources[n].size() - sources[m].size() > kFewExtra ||
          !std::includes(sources[n].begin(), sources[n].end(), sources[m].begin(), sources[m].end()))
        continue;
      base = m;
      std::set_difference(sources[n].begin(), sources[n].end(), sources[m].begin(), sources[m].end(),
                          std::back_inserter(extra));
    }
    if (base == n) {
      nearest_outlet_km(g, outlets, static_cast<NeedType>(n), ex, km[n], scratch);
      continue;
    }
    km[n] = km[base];
    if (extra.empty()) continue;
    const int w = g.width;
    ex.for_range(static_cast<std::size_t>(g.height), kRowGrain, [&](std::size_t y0, std::size_t y1) {
      for (std::size_t y = y0; y < y1; ++y) {
        float* out = km[n].data() + y * static_cast<std::size_t>(w);
        for (const std::int32_t s : extra) {
          const std::int64_t sx = s % w, sy = s / w, dy = static_cast<std::int64_t>(y) - sy;
          for (int x = 0; x < w; ++x) {
            const std::int64_t dx = x - sx;
            // As row_pass computes it from the least squared distance.
            const auto d = static_cast<float>(std::sqrt(static_cast<double>(dx * dx + dy * dy)) * cell_km);
            out[x] = std::min(out[x], d);
          }
        }
      }
    });
  }
}

std::array<std::vector<float>, kNeedCount> nearest_outlet_km_all(
    const CellGrid& g, std::span<const OpenOutlet> outlets, const Executor& ex) {
  std::array<std::vector<float>, kNeedCount> out;
  AccessScratch scratch;
  nearest_outlet_km_all(g, outlets, ex, out, scratch);
  return out;
}

double share_within_km(std::span<const float> km, std::span<const std::int32_t> people,
                       double radius_km) {
  std::int64_t total = 0, within = 0;
  const float r = static_cast<float>(radius_km);
  const std::size_t n = std::min(km.size(), people.size());
  for (std::size_t c = 0; c < n; ++c) {
    total += people[c];
    if (km[c] <= r) within += people[c];
  }
  return total > 0 ? static_cast<double>(within) / static_cast<double>(total) : 0.0;
}

std::array<double, kNeedCount> share_within_km_all(const CellGrid& g,
                                                   std::span<const OpenOutlet> outlets,
                                                   std::span<const std::int32_t> people,
                                                   double radius_km, const Executor& ex) {
  std::array<double, kNeedCount> out{};
  std::vector<float> km;
  AccessScratch scratch;
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    nearest_outlet_km(g, outlets, static_cast<NeedType>(n), ex, km, scratch);
    out[n] = share_within_km(km, people, radius_km);
  }
  return out;
}

}  // namespace zhili
