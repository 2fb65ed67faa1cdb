#include "world/world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/rng.hpp"
#include "scenario/diagnostics.hpp"
#include "world/map_generator.hpp"

namespace zhili {

namespace {

SourceLocation location_of(const Scenario& s, const std::string& key) {
  auto it = s.key_locations.find(key);
  if (it != s.key_locations.end()) return it->second;
  return SourceLocation{s.source_path, 0, 0};
}

void check_fits(const Scenario& s, const CellGrid& g) {
  const std::int64_t capacity = g.total_capacity();
  if (s.population.households <= capacity) return;
  Diagnostics d;
  d.add(Diagnostic{location_of(s, "population.households"), "population.households",
                   "more households than the map can house",
                   std::to_string(s.population.households),
                   "at most " + std::to_string(capacity) +
                       " (the sum of world.capacity over the generated map's cells)",
                   "raise world.capacity.<zone>, enlarge the map, or lower population.households"});
  throw ScenarioError(std::move(d));
}

std::uint8_t draw_household_size(CounterRng& rng, double mean) {
  // 1 + Poisson(mean - 1): at least one person, mean as configured.
  const auto extra = rng.poisson(std::max(0.0, mean - 1.0));
  return static_cast<std::uint8_t>(std::min<std::uint64_t>(1 + extra, 255));
}

}  // namespace

World build_world(const Scenario& s) {
  World w;
  w.grid = generate_monocentric(s.world, s.run.seed);
  check_fits(s, w.grid);

  const auto& pop = s.population;
  const Calendar cal(s.run.start, s.run.step_unit);
  const double yps = cal.years_per_step();
  // Room for the expected inflow over the whole run (plus slack), never more
  // than the housing can hold, so the step loop does not reallocate.
  const double expected_in =
      s.migration.enabled ? s.migration.inflow_rate * yps * s.run.steps * pop.households : 0.0;
  const auto total_capacity = static_cast<std::size_t>(w.grid.total_capacity());
  const std::size_t alive_max =
      std::min(total_capacity, static_cast<std::size_t>(pop.households + 1.5 * expected_in + 1024));
  const double ids = std::min(pop.households + 2.0 * expected_in + 1024, 4.0 * alive_max);
  w.households.reserve(alive_max, static_cast<std::size_t>(ids));

  // Place households one by one in cells drawn in proportion to capacity,
  // redrawing when the cell is full (cumulative capacity + binary search).
  std::vector<std::int64_t> cumulative(w.grid.size());
  std::int64_t acc = 0;
  for (std::size_t c = 0; c < w.grid.size(); ++c) cumulative[c] = (acc += w.grid.capacity[c]);
  std::vector<std::int32_t> occupied(w.grid.size(), 0);
  const double permit = s.policy[static_cast<std::size_t>(LeverId::hukou_permit_coverage)];
  const auto steps_per_decade = static_cast<std::uint64_t>(std::lround(10.0 / yps));

  for (std::int64_t i = 0; i < pop.households; ++i) {
    CounterRng rng(s.run.seed, Stream::initial_population, 0, static_cast<std::uint64_t>(i));
    std::int32_t cell = 0;
    do {
      const auto r = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(acc)));
      cell = static_cast<std::int32_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin());
    } while (occupied[cell] >= w.grid.capacity[cell]);
    ++occupied[cell];

    Registration reg = Registration::registered;
    std::int32_t arrived = std::numeric_limits<std::int32_t>::min() / 2;  // long-time residents
    if (rng.bernoulli(pop.migrant_share)) {
      reg = rng.bernoulli(permit) ? Registration::migrant_permit : Registration::migrant;
      // Migrants already in the city have been there up to ten years.
      arrived = -static_cast<std::int32_t>(rng.below(steps_per_decade + 1));
    }
    w.households.append(cell, reg, draw_household_size(rng, pop.mean_household_size), arrived);
  }
  recount_cells(w);
  return w;
}

void recount_cells(World& w) {
  auto& g = w.grid;
  std::fill(g.registered.begin(), g.registered.end(), 0);
  std::fill(g.migrants.begin(), g.migrants.end(), 0);
  const auto& h = w.households;
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    if (is_migrant(h.registration[i]))
      ++g.migrants[h.cell[i]];
    else
      ++g.registered[h.cell[i]];
  }
}

}  // namespace zhili
