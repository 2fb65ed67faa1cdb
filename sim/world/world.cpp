#include "world/world.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/rng.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/load.hpp"
#include "world/map_source.hpp"

namespace zhili {

namespace {

void check_fits(const Scenario& s, const CellGrid& g) {
  const std::int64_t capacity = g.total_capacity();
  if (s.population.households <= capacity) return;
  Diagnostics d;
  d.add(Diagnostic{key_location(s, "population.households"), "population.households",
                   "more households than the map can house",
                   std::to_string(s.population.households) +
                       (s.key_locations.count("population.households") ? "" : ", the default"),
                   "at most " + std::to_string(capacity) +
                       " (the sum of world.capacity over the generated map's cells)",
                   "raise world.capacity.<zone>, enlarge the map, or lower population.households"});
  throw ScenarioError(std::move(d));
}

// With placement: urban_share, each part of the map must hold its share
// (with a margin: the split is drawn, not exact).
void check_split_fits(const Scenario& s, std::int64_t city_homes, std::int64_t rural_homes) {
  const double n = static_cast<double>(s.population.households);
  const double u = s.population.urban_share;
  const double margin = 4.0 * std::sqrt(n * u * (1.0 - u)) + 1.0;
  Diagnostics d;
  if (u * n + margin > static_cast<double>(city_homes) && u > 0)
    d.add(Diagnostic{key_location(s, "population.urban_share"), "population.urban_share",
                     "the city's zones cannot house this share of the households",
                     std::to_string(u), "at most about " + std::to_string(static_cast<double>(city_homes) / n),
                     "raise world.capacity of the city's zones or lower population.urban_share"});
  if ((1.0 - u) * n + margin > static_cast<double>(rural_homes) && u < 1)
    d.add(Diagnostic{key_location(s, "population.urban_share"), "population.urban_share",
                     "the rural cells cannot house the rest of the households", std::to_string(u),
                     "at least about " + std::to_string(1.0 - static_cast<double>(rural_homes) / n),
                     "raise world.capacity.rural or population.urban_share"});
  if (!d.empty()) throw ScenarioError(std::move(d));
}

std::uint8_t draw_household_size(CounterRng& rng, double mean) {
  // 1 + Poisson(mean - 1): at least one person, mean as configured.
  const auto extra = rng.poisson(std::max(0.0, mean - 1.0));
  return static_cast<std::uint8_t>(std::min<std::uint64_t>(1 + extra, 255));
}

// population.migrant_assignment = exact: exactly round(migrant_share x the
// households in the city's zones) of those households become migrants, a
// uniformly random subset (selection sampling, Knuth's Algorithm S, in slot
// order), drawn from one sequence after every household is placed. (When
// every home is in the city's zones, build_world chooses them as it places
// the households, from their own draws.)
void assign_exact_migrants(const Scenario& s, World& w, double permit, std::uint64_t steps_per_decade) {
  auto& h = w.households;
  const auto in_city = [&](std::size_t slot) { return w.grid.zone[h.cell[slot]] != Zone::rural; };
  std::int64_t left = 0;
  for (std::size_t i = 0; i < h.size_alive(); ++i) left += in_city(i);
  auto wanted =
      static_cast<std::int64_t>(std::llround(s.population.migrant_share * static_cast<double>(left)));
  CounterRng rng(s.run.seed, Stream::initial_population, 1, ~std::uint64_t{0});
  for (std::size_t i = 0; i < h.size_alive() && wanted > 0; ++i) {
    if (!in_city(i)) continue;
    if (static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(left))) < wanted) {
      h.registration[i] = rng.bernoulli(permit) ? Registration::migrant_permit : Registration::migrant;
      h.arrival_step[i] = -static_cast<std::int32_t>(rng.below(steps_per_decade + 1));
      --wanted;
    }
    --left;
  }
}

}  // namespace

std::uint8_t workers_in(std::uint8_t persons, double workers_per_person) {
  const long w = std::lround(persons * workers_per_person);
  return static_cast<std::uint8_t>(std::clamp<long>(w, 1, persons));
}

void draw_household_makeup(HouseholdStore& h, std::size_t slot, const Scenario& s, CounterRng& rng) {
  const std::uint8_t persons = h.size[slot];
  const std::uint8_t workers = workers_in(persons, s.economy.workers_per_person);
  h.workers[slot] = workers;
  std::uint8_t elderly = 0;
  for (int k = workers; k < persons; ++k) elderly += rng.bernoulli(s.population.elderly_share);
  h.elderly[slot] = elderly;
  h.children[slot] = static_cast<std::uint8_t>(persons - workers - elderly);
  h.digital[slot] = rng.bernoulli(s.population.digital_access);
  h.special[slot] = rng.bernoulli(s.population.special_share);
}

World build_world(const Scenario& s) {
  World w;
  w.grid = make_map(s);  // generated or drawn
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
  // With the same capacity in every cell (e.g. one home per cell), the binary
  // search reduces to a division: same cell, same result, no table.
  const std::int32_t same_capacity = w.grid.size() > 0 ? w.grid.capacity[0] : 0;
  const bool uniform = same_capacity > 0 && std::all_of(w.grid.capacity.begin(), w.grid.capacity.end(),
                                                        [&](std::int32_t c) { return c == same_capacity; });
  std::vector<std::int64_t> cumulative(uniform ? 0 : w.grid.size());
  std::int64_t acc = uniform ? same_capacity * static_cast<std::int64_t>(w.grid.size()) : 0;
  if (!uniform)
    for (std::size_t c = 0; c < w.grid.size(); ++c) cumulative[c] = (acc += w.grid.capacity[c]);
  std::vector<std::int32_t> occupied(w.grid.size(), 0);
  const double permit = s.policy[static_cast<std::size_t>(LeverId::hukou_permit_coverage)];
  const bool exact = pop.migrant_assignment == MigrantAssignment::exact;
  // Exact migrants when every home is in the city's zones: chosen as the
  // households are placed (Algorithm S needs how many are eligible, here all).
  bool all_city = true;
  for (std::size_t c = 0; c < w.grid.size(); ++c)
    if (w.grid.zone[c] == Zone::rural && w.grid.capacity[c] > 0) all_city = false;
  const bool exact_inline = exact && all_city;
  std::int64_t exact_left = pop.households;
  auto exact_wanted =
      static_cast<std::int64_t>(std::llround(pop.migrant_share * static_cast<double>(pop.households)));
  const auto steps_per_decade = static_cast<std::uint64_t>(std::lround(10.0 / yps));

  // placement: urban_share - a second cumulative table over the city's cells only.
  const bool by_share = pop.placement == PopulationSpec::Placement::urban_share;
  std::vector<std::int64_t> city_cumulative;
  std::vector<std::int32_t> city_cells;
  std::int64_t city_acc = 0, rural_acc = 0;
  std::vector<std::int64_t> rural_cumulative;
  std::vector<std::int32_t> rural_cells;
  if (by_share) {
    for (std::size_t c = 0; c < w.grid.size(); ++c) {
      if (w.grid.capacity[c] == 0) continue;
      const bool r = w.grid.zone[c] == Zone::rural;
      (r ? rural_cells : city_cells).push_back(static_cast<std::int32_t>(c));
      (r ? rural_cumulative : city_cumulative).push_back((r ? rural_acc : city_acc) += w.grid.capacity[c]);
    }
    check_split_fits(s, city_acc, rural_acc);
  }

  for (std::int64_t i = 0; i < pop.households; ++i) {
    CounterRng rng(s.run.seed, Stream::initial_population, 0, static_cast<std::uint64_t>(i));
    std::int32_t cell = 0;
    if (by_share) {
      const bool city = rng.bernoulli(pop.urban_share);
      const auto& cum = city ? city_cumulative : rural_cumulative;
      const auto& cells = city ? city_cells : rural_cells;
      const std::int64_t total = city ? city_acc : rural_acc;
      do {
        const auto r = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(total)));
        cell = cells[static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), r) - cum.begin())];
      } while (occupied[cell] >= w.grid.capacity[cell]);
    } else {
      do {
        const auto r = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(acc)));
        cell = uniform ? static_cast<std::int32_t>(same_capacity == 1 ? r : r / same_capacity)
                       : static_cast<std::int32_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                                   cumulative.begin());
      } while (occupied[cell] >= w.grid.capacity[cell]);
    }
    ++occupied[cell];

    // Villagers hold rural registration and farm; in the city's zones a share
    // of households are migrants, the rest local urban residents.
    const bool rural = w.grid.zone[cell] == Zone::rural;
    Registration reg = rural ? Registration::registered_rural : Registration::registered_urban;
    std::int32_t arrived = std::numeric_limits<std::int32_t>::min() / 2;  // long-time residents
    const bool migrant =
        exact_inline ? static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(exact_left--))) < exact_wanted
                     : !rural && !exact && rng.bernoulli(pop.migrant_share);
    if (migrant) {
      if (exact_inline) --exact_wanted;
      reg = rng.bernoulli(permit) ? Registration::migrant_permit : Registration::migrant;
      // Migrants already in the city have been there up to ten years.
      arrived = -static_cast<std::int32_t>(rng.below(steps_per_decade + 1));
    }
    const std::uint8_t persons = draw_household_size(rng, pop.mean_household_size);
    const std::size_t slot = w.households.append(cell, reg, persons, arrived);
    draw_household_makeup(w.households, slot, s, rng);
    if (rural) {
      w.households.sector[slot] = Sector::primary;
      w.households.origin[slot] = cell;
    }
  }
  if (exact && !exact_inline) assign_exact_migrants(s, w, permit, steps_per_decade);
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
