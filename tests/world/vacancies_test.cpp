// VacancyIndex draws a vacant home uniformly: the cell whose cumulative count
// of free places first exceeds a uniform r. Its bucket guide must give the
// same cell as a binary search of the whole table, for every r.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/rng.hpp"
#include "world/grid.hpp"
#include "world/vacancies.hpp"

namespace zhili {

namespace {

// The cell of home r (0-based) among the free homes, cells in index order.
std::int32_t cell_of_home(const CellGrid& g, std::int64_t r) {
  for (std::size_t c = 0; c < g.size(); ++c) {
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
    v.rebuild(g);
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
  v.rebuild(g);
  ASSERT_EQ(v.homes(), 1);
  CounterRng rng(1, Stream::arrivals, 0, 0);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(v.draw(rng), 2);
  g.registered[2] = 1;
  v.rebuild(g);
  EXPECT_EQ(v.homes(), 0);
}

}  // namespace zhili
