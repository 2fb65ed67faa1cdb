// Accessibility of public services (issue "Public services", outputs): the
// distance from every cell to the nearest open outlet able to handle a need,
// and the share of people within a service radius of one (maximal covering).
//
// Distances are Euclidean between cell centres, times cell_km. They are
// exact: an exact Euclidean distance transform (Felzenszwalb & Huttenlocher
// 2012) with the outlets' cells as sources, O(cells) per need type whatever
// the number of outlets: a pass down each column (parallel over groups of
// columns) and a pass along each row (parallel over rows). Each cell's value
// is computed by one task from integers, so the result does not depend on the
// thread count. Pure functions of the grid's size and the list of outlets.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/parallel.hpp"
#include "scenario/services_spec.hpp"
#include "world/grid.hpp"

namespace zhili {

// An open outlet as accessibility sees it: where, and which needs it handles.
struct OpenOutlet {
  std::int32_t cell = 0;  // CellGrid index
  NeedMask needs = kAllNeeds;
};

inline constexpr float kNoOutlet = std::numeric_limits<float>::infinity();

// Scratch reused between calls, so a periodic measurement allocates nothing
// once it has grown to the map.
struct AccessScratch {
  std::vector<std::int32_t> column_d2;  // per cell: squared distance in cells to the column's nearest source
  std::vector<std::uint8_t> source;     // per cell: 1 where an outlet handling the need stands
  std::array<std::vector<std::int32_t>, kNeedCount> need_cells;  // per need: its outlets' cells, sorted
  std::vector<std::int32_t> extra;      // a need's outlets beyond an earlier need's
  // Sized for `cells` now (set-up), so the first measurement maps no pages:
  // a page fault cost about 10 us on the benchmark machine (bench/README.md).
  void reserve(std::size_t cells) {
    column_d2.assign(cells, 0);
    source.assign(cells, 0);
  }
};

// km[cell] = distance in km to the nearest outlet of `outlets` handling `need`
// (kNoOutlet when none does). `km` is resized to g.size().
void nearest_outlet_km(const CellGrid& g, std::span<const OpenOutlet> outlets, NeedType need,
                       const Executor& ex, std::vector<float>& km, AccessScratch& scratch);
std::vector<float> nearest_outlet_km(const CellGrid& g, std::span<const OpenOutlet> outlets,
                                     NeedType need, const Executor& ex);

// The same for every need type: km[need][cell]. Needs served by the same
// outlets share one transform; a need whose outlets are another's plus a few
// (a department's own window beside the all-purpose network) takes that
// need's distances and the nearer of its extra outlets, cell by cell: the
// same values, since the distance is a monotone function of the least
// squared distance in cells.
void nearest_outlet_km_all(const CellGrid& g, std::span<const OpenOutlet> outlets, const Executor& ex,
                           std::array<std::vector<float>, kNeedCount>& km, AccessScratch& scratch);
std::array<std::vector<float>, kNeedCount> nearest_outlet_km_all(
    const CellGrid& g, std::span<const OpenOutlet> outlets, const Executor& ex);

// Share of people living within `radius_km` (inclusive) of an outlet, from
// the distances of nearest_outlet_km and people per cell (any count: persons,
// households); 0 when there are no people. Exact integer sums: deterministic.
double share_within_km(std::span<const float> km, std::span<const std::int32_t> people,
                       double radius_km);

// share_within_km for every need type.
std::array<double, kNeedCount> share_within_km_all(const CellGrid& g,
                                                   std::span<const OpenOutlet> outlets,
                                                   std::span<const std::int32_t> people,
                                                   double radius_km, const Executor& ex);

}  // namespace zhili
