#include "world/outlet_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "scenario/load.hpp"
#include "scenario/messages.hpp"  // the wording of scenario errors
#include "scenario/suggest.hpp"   // did you mean

namespace zhili {

namespace {

bool is_city(Zone z) { return z != Zone::rural; }

// Cells spanning `km` (at least one).
int cells_for(double km, double cell_km) {
  return std::max(1, static_cast<int>(std::lround(km / cell_km)));
}

OutletSpec outlet(std::string name, const CellGrid& g, std::int32_t cell, OutletKindSpec kind,
                  NeedMask needs, int windows) {
  OutletSpec o;
  o.name = std::move(name);
  o.x = g.x_of(cell);
  o.y = g.y_of(cell);
  o.kind = kind;
  o.needs = needs;
  o.windows = windows;
  o.operated_by = OutletOperator::government;
  return o;
}

// Among the cells `eligible` accepts, the one with the most homes in eligible
// cells within a square window of half-side `r` around it; ties: the lowest
// index. -1 when none. (Counting only eligible homes keeps the centre in the
// heart of the core, not pulled towards dense urban villages beside it.)
template <class Eligible>
std::int32_t densest_cell(const CellGrid& g, int r, Eligible eligible) {
  const int w = g.width, h = g.height;
  // Summed-area table of eligible capacity: sat[y (w+1) + x] = sum over [0, x) x [0, y).
  std::vector<std::int64_t> sat(static_cast<std::size_t>(w + 1) * (h + 1), 0);
  for (int y = 0; y < h; ++y) {
    std::int64_t row = 0;
    for (int x = 0; x < w; ++x) {
      if (eligible(g.index(x, y))) row += g.capacity[g.index(x, y)];
      sat[static_cast<std::size_t>(y + 1) * (w + 1) + x + 1] =
          sat[static_cast<std::size_t>(y) * (w + 1) + x + 1] + row;
    }
  }
  auto at = [&](int x, int y) { return sat[static_cast<std::size_t>(y) * (w + 1) + x]; };
  std::int32_t best = -1;
  std::int64_t best_score = -1;
  for (std::int32_t c = 0; c < static_cast<std::int32_t>(g.size()); ++c) {
    if (!eligible(c)) continue;
    const int x = g.x_of(c), y = g.y_of(c);
    const int x0 = std::max(0, x - r), x1 = std::min(w, x + r + 1);
    const int y0 = std::max(0, y - r), y1 = std::min(h, y + r + 1);
    const std::int64_t score = at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0);
    if (score > best_score) best = c, best_score = score;
  }
  return best;
}

// One outlet per block of `side` cells (row order) at the eligible cell of most
// homes, ties nearest the block's middle then lowest index; a block takes part
// when it has at least `min_cells` eligible cells.
template <class Eligible>
std::vector<std::int32_t> block_sites(const CellGrid& g, int side, std::int64_t min_cells,
                                      Eligible eligible) {
  std::vector<std::int32_t> sites;
  for (int by = 0; by < g.height; by += side) {
    for (int bx = 0; bx < g.width; bx += side) {
      const int x1 = std::min(g.width, bx + side), y1 = std::min(g.height, by + side);
      // Doubled coordinates keep the middle of an even block an integer.
      const std::int64_t mx = bx + x1 - 1, my = by + y1 - 1;
      std::int64_t count = 0;
      std::int32_t best = -1;
      std::int32_t best_cap = 0;
      std::int64_t best_d2 = 0;
      for (int y = by; y < y1; ++y) {
        for (int x = bx; x < x1; ++x) {
          const std::int32_t c = g.index(x, y);
          if (!eligible(c)) continue;
          ++count;
          const std::int64_t dx = 2 * x - mx, dy = 2 * y - my;
          const std::int64_t d2 = dx * dx + dy * dy;
          // Row order visits lower indices first: strict comparisons keep them on ties.
          if (best < 0 || g.capacity[c] > best_cap || (g.capacity[c] == best_cap && d2 < best_d2)) {
            best = c;
            best_cap = g.capacity[c];
            best_d2 = d2;
          }
        }
      }
      if (best >= 0 && count >= min_cells) sites.push_back(best);
    }
  }
  return sites;
}

std::int32_t centre_cell(const CellGrid& g) {
  const int r = cells_for(kCentreWindowKm, g.cell_km);
  std::int32_t c = densest_cell(g, r, [&](std::int32_t i) { return g.zone[i] == Zone::urban_core; });
  if (c < 0) c = densest_cell(g, r, [&](std::int32_t i) { return is_city(g.zone[i]); });
  if (c < 0) c = densest_cell(g, r, [](std::int32_t) { return true; });
  return c;
}

// The free cells next to `centre`, nearest first: rings of growing Chebyshev
// radius, each as east, south, west, north, then the diagonals, then the rest
// of the ring in row order.
std::vector<std::int32_t> cells_around(const CellGrid& g, std::int32_t centre, std::size_t wanted) {
  std::vector<std::int32_t> out;
  const int cx = g.x_of(centre), cy = g.y_of(centre);
  const int max_ring = std::max(g.width, g.height);
  for (int r = 1; r <= max_ring && out.size() < wanted; ++r) {
    std::vector<std::pair<int, int>> ring{{r, 0}, {0, r}, {-r, 0}, {0, -r},
                                          {r, r}, {-r, r}, {-r, -r}, {r, -r}};
    // The rest of the ring: not on an axis nor a diagonal (those are the eight above).
    for (int dy = -r; dy <= r; ++dy)
      for (int dx = -r; dx <= r; ++dx)
        if (std::max(std::abs(dx), std::abs(dy)) == r && dx != 0 && dy != 0 &&
            std::abs(dx) != std::abs(dy))
          ring.emplace_back(dx, dy);
    for (auto [dx, dy] : ring) {
      const int x = cx + dx, y = cy + dy;
      if (x < 0 || y < 0 || x >= g.width || y >= g.height) continue;
      out.push_back(g.index(x, y));
      if (out.size() == wanted) break;
    }
  }
  return out;
}

}  // namespace

std::vector<OutletSpec> default_outlet_layout(const CellGrid& g, const ServicesSpec& spec) {
  std::vector<OutletSpec> out;
  if (g.size() == 0) return out;
  const std::int32_t centre = centre_cell(g);
  out.push_back(outlet("centre", g, centre, OutletKindSpec::district_centre, kAllNeeds, kCentreWindows));

  std::vector<std::size_t> complex_needs;
  for (std::size_t n = 0; n < kNeedCount; ++n)
    if (spec.needs[n].departments >= 3) complex_needs.push_back(n);
  const auto next_to = cells_around(g, centre, complex_needs.size());
  for (std::size_t i = 0; i < complex_needs.size(); ++i) {
    const std::size_t n = complex_needs[i];
    // On a map too small for a cell each, windows share the centre's cell.
    const std::int32_t cell = i < next_to.size() ? next_to[i] : centre;
    out.push_back(outlet("window-" + std::string(kNeedNames[n]), g, cell,
                         OutletKindSpec::department_window, need_bit(static_cast<NeedType>(n)),
                         kDepartmentWindows));
  }

  const int side = cells_for(kStationBlockKm, g.cell_km);
  const std::int64_t quarter = (static_cast<std::int64_t>(side) * side + 3) / 4;
  int k = 0;
  for (std::int32_t cell :
       block_sites(g, side, quarter, [&](std::int32_t c) { return is_city(g.zone[c]); })) {
    if (cell == centre) continue;
    out.push_back(outlet("station-" + std::to_string(++k), g, cell, OutletKindSpec::street_station,
                         kAllNeeds, kStationWindows));
  }

  const int township_side = cells_for(kTownshipBlockKm, g.cell_km);
  k = 0;
  for (std::int32_t cell : block_sites(g, township_side, 1, [&](std::int32_t c) {
         return g.zone[c] == Zone::rural && g.capacity[c] > 0;
       })) {
    out.push_back(outlet("township-" + std::to_string(++k), g, cell, OutletKindSpec::street_station,
                         kAllNeeds, kTownshipWindows));
  }
  return out;
}

std::vector<OutletSpec> resolve_outlets(const Scenario& s, const CellGrid& g) {
  const bool listed = !s.services.outlets.empty();
  std::vector<OutletSpec> outlets = listed ? s.services.outlets : default_outlet_layout(g, s.services);
  Diagnostics d;
  if (listed) {  // loading checked these against world.width/height when the map's size was known
    for (std::size_t i = 0; i < outlets.size(); ++i) {
      const OutletSpec& o = outlets[i];
      if (o.x >= 0 && o.x < g.width && o.y >= 0 && o.y < g.height) continue;
      std::string key = "services.outlets[";
      key.append(std::to_string(i)).append("].cell");
      // Built by appending: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
      std::string found = "[";
      found.append(std::to_string(o.x)).append(", ").append(std::to_string(o.y)).append("]");
      const SourceLocation at = key_location(s, key);
      d.add(make_diagnostic(at.file, at.line, at.column, key, kOutsideMap, found,
                            "a cell inside the " + std::to_string(g.width) + " x " +
                                std::to_string(g.height) + " map"));
    }
  }
  std::vector<std::string> names;
  for (const auto& o : outlets) names.push_back(o.name);
  int reported_order = -1;  // one entry may make several events: one error for it
  for (const auto& e : s.services.events) {
    if (std::find(names.begin(), names.end(), e.outlet) != names.end()) continue;
    if (e.order == reported_order) continue;
    reported_order = e.order;
    std::string key = "schedule[";
    key.append(std::to_string(e.order)).append("].outlet.name");
    const auto close = closest_match(e.outlet, names);
    const SourceLocation at = key_location(s, key);
    d.add(make_diagnostic(at.file, at.line, at.column, key, kUnknownOutlet, e.outlet,
                          listed ? "the name of an outlet of services.outlets"
                                 : "the name of an outlet of the default layout",
                          close ? did_you_mean({*close})
                                : "the default layout's outlets are centre, window-<need>, "
                                  "station-N and township-N"));
  }
  if (!d.empty()) throw ScenarioError(std::move(d));
  return outlets;
}

}  // namespace zhili
