// VacancyIndex draws a vacant home uniformly: the cell whose cumulative count
// of free places first exceeds a uniform r. Its bucket guide must give the
// same cell as a binary search of the whole table, for every r.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/parallel.hpp"
#include "core/rng.hpp"
#include "world/grid.hpp"
#include "world/vacancies.hpp"

namespace zhili {

namespace {

// The cell of home r (0-based) among the free homes, cells in index order.
std::int32_t cell_of_home(const CellGrid& g, std::int64_t r, VacancyIndex::Zones zones = VacancyIndex::Zones::all) {
  for (std::size_t c = 0; c < g.size(); ++c) {
    const bool rural = g.zone[c] == Zone::rural;
    if ((zones == VacancyIndex::Zones::urban && rural) || (zones == VacancyIndex::Zones::rural && !rural)) continue;
    const std::int64_t free = std::max(0, g.capacity[c] - g.occupancy(static_cast<std::int32_t>(c)));
    if (r < free) return static_cast<std::int32_t>(c);
    r -= free;
  }
  return -1;
}

}  // namespace

TEST(VacancyIndex, DrawsTheSameCellAsASearchOfTheWholeTable) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    CellGrid g = empty_grid(37, 23, 0.5);
    CounterRng make(seed, Stream::world_generation, 0, 0);
    for (std::size_t c = 0; c < g.size(); ++c) {
      // Many full cells, a few large ones: uneven buckets.
      g.capacity[c] = make.bernoulli(0.1) ? static_cast<std::int32_t>(make.below(500)) + 1
                                          : static_cast<std::int32_t>(make.below(4));
      g.registered[c] = static_cast<std::int32_t>(make.below(static_cast<std::uint64_t>(g.capacity[c]) + 1));
      g.migrants[c] = make.bernoulli(0.5) ? g.capacity[c] - g.registered[c] : 0;
    }
    VacancyIndex v;
    v.reserve(g.size());
    v.rebuild(g, VacancyIndex::Zones::all, Executor(1));
    ASSERT_GT(v.homes(), 0);
    for (std::uint64_t k = 0; k < 20000; ++k) {
      CounterRng a(seed, Stream::arrivals, 1, k), b(seed, Stream::arrivals, 1, k);
      const auto r = static_cast<std::int64_t>(b.below(static_cast<std::uint64_t>(v.homes())));
      ASSERT_EQ(v.draw(a), cell_of_home(g, r)) << "r = " << r;
    }
    // Every home, including the first and the last.
    for (std::int64_t r : {std::int64_t{0}, v.homes() - 1}) EXPECT_GE(cell_of_home(g, r), 0);
  }
}

TEST(VacancyIndex, OneHomeAndNoHome) {
  CellGrid g = empty_grid(4, 1, 0.5);
  g.capacity = {1, 1, 1, 1};
  g.registered = {1, 1, 0, 1};
  VacancyIndex v;
  const Executor serial(1);
  v.rebuild(g, VacancyIndex::Zones::all, serial);
  ASSERT_EQ(v.homes(), 1);
  CounterRng rng(1, Stream::arrivals, 0, 0);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(v.draw(rng), 2);
  g.registered[2] = 1;
  v.rebuild(g, VacancyIndex::Zones::all, serial);
  EXPECT_EQ(v.homes(), 0);
}

// The table is built in blocks of cells in parallel: a map of many blocks,
// with rural and urban cells mixed, gives the homes and the draws of a search
// of the whole map, for each zone filter and thread count.
TEST(VacancyIndex, ManyBlocksOnAnyThreadCountAndZoneFilter) {
  CellGrid g = empty_grid(301, 97, 0.5);  // 29,197 cells: 8 blocks, the last partial
  CounterRng make(7, Stream::world_generation, 0, 0);
  for (std::size_t c = 0; c < g.size(); ++c) {
    g.zone[c] = make.bernoulli(0.3) ? Zone::rural : Zone::urban_village;
    g.capacity[c] = static_cast<std::int32_t>(make.below(6));
    g.registered[c] = static_cast<std::int32_t>(make.below(static_cast<std::uint64_t>(g.capacity[c]) + 2));
  }
  for (const auto zones : {VacancyIndex::Zones::all, VacancyIndex::Zones::urban, VacancyIndex::Zones::rural}) {
    std::int64_t expected_homes = 0;
    for (std::size_t c = 0; c < g.size(); ++c) {
      const bool rural = g.zone[c] == Zone::rural;
      if ((zones == VacancyIndex::Zones::urban && rural) || (zones == VacancyIndex::Zones::rural && !rural)) continue;
      expected_homes += std::max(0, g.capacity[c] - g.occupancy(static_cast<std::int32_t>(c)));
    }
    for (int threads : {1, 2, 3}) {
      VacancyIndex v;
      v.reserve(g.size());
      v.rebuild(g, zones, Executor(threads));
      ASSERT_EQ(v.homes(), expected_homes) << threads << " threads";
      for (std::uint64_t k = 0; k < 5000; ++k) {
        CounterRng a(3, Stream::arrivals, 2, k), b(3, Stream::arrivals, 2, k);
        const auto r = static_cast<std::int64_t>(b.below(static_cast<std::uint64_t>(v.homes())));
        ASSERT_EQ(v.draw(a), cell_of_home(g, r, zones)) << threads << " threads, r = " << r;
      }
    }
  }
}

}  // namespace zhili
