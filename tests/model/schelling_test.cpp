// The canonical Schelling model: relocation with sequential activation and
// every other submodel off (scenarios/bench/schelling-*.yaml, after the
// ABMFrameworksComparison declaration), and the sequential mode's rules.
#include <gtest/gtest.h>

#include <cstring>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/parallel.hpp"
#include "engine/engine.hpp"
#include "model/neighbourhood.hpp"
#include "model/relocation.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

std::string bench_scenario(const std::string& name) {
  return std::string(ZHILI_SOURCE_DIR) + "/scenarios/bench/schelling-" + name + ".yaml";
}

std::size_t series_offset(Engine& e, const std::string& name) {
  const auto at = e.model().column_of(name);
  EXPECT_TRUE(at.has_value()) << "no series " << name;
  return at.value_or(0);
}

std::int64_t migrants_of(const World& w) {
  std::int64_t m = 0;
  for (auto r : w.households.registration) m += is_migrant(r);
  return m;
}

// Every household is in a cell with room, and the grid's counts are the store's.
void expect_consistent(const World& w) {
  const auto& g = w.grid;
  std::vector<std::int32_t> reg(g.size(), 0), mig(g.size(), 0);
  for (std::size_t i = 0; i < w.households.size_alive(); ++i)
    ++(is_migrant(w.households.registration[i]) ? mig : reg)[w.households.cell[i]];
  for (std::size_t c = 0; c < g.size(); ++c) {
    ASSERT_LE(reg[c] + mig[c], g.capacity[c]) << "cell " << c << " holds more households than homes";
    ASSERT_EQ(reg[c], g.registered[c]) << "cell " << c;
    ASSERT_EQ(mig[c], g.migrants[c]) << "cell " << c;
  }
}

}  // namespace

// The bench scenarios are the declaration's: grid, agents, radius, threshold, 20 steps.
TEST(Schelling, BenchScenariosFollowTheDeclaration) {
  struct Case {
    const char* name;
    int side;
    std::int64_t agents;
    int radius, min_happy;
  };
  for (const Case c : {Case{"small", 40, 1000, 1, 3}, Case{"large", 100, 8000, 2, 8},
                       Case{"xl", 1000, 800000, 2, 8}}) {
    SCOPED_TRACE(c.name);
    const Scenario s = load_scenario(bench_scenario(c.name));
    EXPECT_EQ(s.world.width, c.side);
    EXPECT_EQ(s.world.height, c.side);
    for (int cap : s.world.capacity) EXPECT_EQ(cap, 1);
    EXPECT_EQ(s.population.households, c.agents);
    EXPECT_EQ(s.population.migrant_share, 0.5);
    EXPECT_EQ(s.population.migrant_assignment, MigrantAssignment::exact);
    EXPECT_FALSE(s.migration.enabled);
    EXPECT_FALSE(s.economy.enabled);
    EXPECT_TRUE(s.relocation.enabled);
    EXPECT_EQ(s.relocation.activation, RelocationActivation::sequential);
    EXPECT_EQ(s.relocation.radius, c.radius);
    EXPECT_EQ(s.relocation.min_same_count, c.min_happy);
    EXPECT_EQ(s.relocation.min_same_share, 0.0);
    EXPECT_EQ(s.relocation.move_probability, 1.0);
    EXPECT_EQ(s.run.steps, 20);
  }
}

class SchellingRun : public ::testing::TestWithParam<const char*> {};

// Over 20 steps the share of content (happy) agents rises and segregation
// grows. With one agent per cell the dissimilarity index over cells is 1
// whatever the arrangement, so segregation is measured as the share of
// same-group agents among each agent's neighbours.
TEST_P(SchellingRun, HappyShareRisesAndSegregationGrows) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Scenario s = load_scenario(bench_scenario(GetParam()), {"run.seed=" + std::to_string(seed)});
    Engine e(s);
    const int r = s.relocation.radius;
    const std::size_t content_at = series_offset(e, "content_share");
    const std::size_t same_at = series_offset(e, "same_group_neighbour_share");
    const std::size_t dissimilarity_at = series_offset(e, "dissimilarity");
    const std::size_t moves_at = series_offset(e, "moves");

    // Two equal groups placed at random: about half of anyone's neighbours are alike.
    EXPECT_EQ(2 * migrants_of(e.world()), s.population.households);
    const double initial_same = neighbour_pairs(e.world().grid, r).share();
    EXPECT_NEAR(initial_same, 0.5, 0.05);

    std::vector<double> content, same;
    double moved = 0;
    while (!e.done()) {
      e.step();
      const auto row = e.observables();
      content.push_back(row[content_at]);
      same.push_back(row[same_at]);
      moved += row[moves_at];
      EXPECT_EQ(row[dissimilarity_at], 1.0);
      // The share kept up to date move by move is the one counted afresh.
      EXPECT_EQ(row[same_at], neighbour_pairs(e.world().grid, r).share()) << "step " << e.step_index();
      expect_consistent(e.world());
    }
    ASSERT_EQ(content.size(), 20u);
    EXPECT_GT(moved, 0.0);
    EXPECT_GT(content.back(), content.front() + 0.1);
    EXPECT_GT(content.back(), 0.95);
    EXPECT_GT(same.front(), initial_same);
    EXPECT_GT(same.back(), same.front() + 0.1);
    EXPECT_GT(same.back(), 0.75);
  }
}

INSTANTIATE_TEST_SUITE_P(BenchScenarios, SchellingRun, ::testing::Values("small", "large"));

// Sequential activation is serial: the thread count changes nothing, the seed does.
TEST(Schelling, SequentialIsDeterministic) {
  const auto run = [](const std::vector<std::string>& overrides) {
    const Scenario s = load_scenario(bench_scenario("large"), overrides);
    Engine e(s);
    std::vector<double> rows;
    while (!e.done()) {
      e.step();
      rows.insert(rows.end(), e.observables().begin(), e.observables().end());
    }
    return std::make_pair(rows, e.world().households.cell);
  };
  const auto one = run({"run.threads=1"});
  for (const char* threads : {"run.threads=2", "run.threads=8"}) {
    const auto other = run({threads});
    EXPECT_TRUE(one.first == other.first) << threads;
    EXPECT_TRUE(one.second == other.second) << threads;
  }
  EXPECT_TRUE(run({"run.threads=1"}).second == one.second);
  EXPECT_FALSE(run({"run.threads=1", "run.seed=2"}).second == one.second);
}

// With other submodels on, sequential relocation starts each step from the
// world as they left it: still consistent, still deterministic.
TEST(Schelling, SequentialWithMigrationAndEconomy) {
  const auto run = [](const char* threads) {
    const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                                     {"relocation.activation=sequential", "economy.enabled=true",
                                      "run.steps=12", threads});
    Engine e(s);
    const std::size_t moves_at = series_offset(e, "moves");
    const std::size_t same_at = series_offset(e, "same_group_neighbour_share");
    std::vector<double> rows;
    double moved = 0;
    while (!e.done()) {
      e.step();
      moved += e.observables()[moves_at];
      EXPECT_EQ(e.observables()[same_at], neighbour_pairs(e.world().grid, s.relocation.radius).share());
      expect_consistent(e.world());
      rows.insert(rows.end(), e.observables().begin(), e.observables().end());
    }
    EXPECT_GT(moved, 0.0);
    return rows;
  };
  // Bit for bit (an undefined value, NaN, is equal to itself here).
  const auto one = run("run.threads=1"), four = run("run.threads=4");
  ASSERT_EQ(one.size(), four.size());
  EXPECT_EQ(std::memcmp(one.data(), four.data(), one.size() * sizeof(double)), 0);
}

// Moves go only to vacant homes, also when cells hold several; counts stay exact.
TEST(Schelling, MovesOnlyIntoVacantHomes) {
  for (const char* capacity : {"world.capacity.urban_core=1", "world.capacity.urban_core=3"}) {
    SCOPED_TRACE(capacity);
    const Scenario s = load_scenario(bench_scenario("small"), {capacity, "run.steps=10"});
    Engine e(s);
    const std::size_t moves_at = series_offset(e, "moves");
    double moved = 0;
    while (!e.done()) {
      e.step();
      moved += e.observables()[moves_at];
      expect_consistent(e.world());
    }
    EXPECT_GT(moved, 0.0);
  }
}

namespace {

// A 10 x 10 map of one home per cell with a 3 x 3 block of registered
// households at (1..3, 1..3) and lone migrants elsewhere, for driving
// relocation by hand.
struct HandWorld {
  Scenario scenario;
  World world;
  Executor exec{1};
  Calendar calendar{Date{2015, 1, 1}, TimeStep::month};
  Relocation relocation;

  explicit HandWorld(const std::vector<std::pair<int, int>>& migrants) {
    scenario.relocation.activation = RelocationActivation::sequential;
    scenario.relocation.radius = 1;
    scenario.relocation.min_same_count = 3;
    scenario.relocation.min_same_share = 0.0;
    scenario.relocation.move_probability = 1.0;
    scenario.migration.enabled = false;
    world.grid = empty_grid(10, 10, 0.5);
    std::fill(world.grid.capacity.begin(), world.grid.capacity.end(), 1);
    // A city: relocation is a move within the city's zones.
    std::fill(world.grid.zone.begin(), world.grid.zone.end(), Zone::urban_core);
    world.households.reserve(32, 32);
    for (int y = 1; y <= 3; ++y)
      for (int x = 1; x <= 3; ++x)
        world.households.append(world.grid.index(x, y), Registration::registered_urban, 1, -1000);
    for (auto [x, y] : migrants)
      world.households.append(world.grid.index(x, y), Registration::migrant, 1, -1);
    recount_cells(world);
    relocation.setup(world, scenario, true);
  }

  const RelocationCounts& step(std::int64_t k) {
    const StepContext ctx{scenario, exec, calendar, k, 1.0 / 12.0, scenario.policy};
    relocation.step(world, ctx);
    return relocation.counts();
  }
};

}  // namespace

// A content household never moves: the block's households have at least 3
// registered neighbours each and nothing can take them away (only registered
// neighbours count, and they all stay), while the lone migrant, with none of
// its group around, moves once on its turn every step.
TEST(Schelling, ContentHouseholdsNeverMove) {
  HandWorld hw({{8, 8}});
  const std::vector<std::int32_t> block(hw.world.households.cell.begin(),
                                        hw.world.households.cell.begin() + 9);
  std::int32_t migrant_cell = hw.world.households.cell[9];
  int migrant_moves = 0;
  for (std::int64_t k = 0; k < 50; ++k) {
    const RelocationCounts c = hw.step(k);
    EXPECT_EQ(c.content, 9);
    EXPECT_EQ(c.claims, 1);
    EXPECT_EQ(c.moves, 1);
    EXPECT_TRUE(std::equal(block.begin(), block.end(), hw.world.households.cell.begin())) << "step " << k;
    migrant_moves += hw.world.households.cell[9] != migrant_cell;
    migrant_cell = hw.world.households.cell[9];
    expect_consistent(hw.world);
  }
  EXPECT_EQ(migrant_moves, 50);  // one home per cell: never back into its own
}

// With a single vacant home every discontented household takes the one left
// by the household before it: moves happen one at a time, each seen at once.
TEST(Schelling, EachMoveIsSeenByTheNext) {
  HandWorld hw({});
  // Fill the map with migrants but for one vacant home.
  auto& h = hw.world.households;
  for (int c = 0; c < 100 && h.size_alive() < 99; ++c)
    if (std::find(h.cell.begin(), h.cell.end(), c) == h.cell.end()) h.append(c, Registration::migrant, 1, -1);
  recount_cells(hw.world);
  hw.scenario.relocation.min_same_count = 9;  // more than 8 neighbours: nobody is ever content
  hw.relocation.setup(hw.world, hw.scenario, true);
  for (std::int64_t k = 0; k < 5; ++k) {
    const std::vector<std::int32_t> before(h.cell.begin(), h.cell.end());
    const RelocationCounts c = hw.step(k);
    EXPECT_EQ(c.content, 0);
    EXPECT_EQ(c.moves, 99);  // everyone moved, each into the home just left
    std::size_t changed = 0;
    for (std::size_t i = 0; i < h.size_alive(); ++i) changed += h.cell[i] != before[i];
    EXPECT_EQ(changed, 99u);
    expect_consistent(hw.world);
  }
}

// population.migrant_assignment = exact gives exactly round(share x households
// in the city's zones) migrants; random gives a count that varies.
TEST(Schelling, ExactMigrantAssignment) {
  for (const char* share : {"population.migrant_share=0.5", "population.migrant_share=0.3"}) {
    for (const char* seed : {"run.seed=1", "run.seed=2"}) {
      const Scenario s = load_scenario(bench_scenario("small"), {share, seed});
      Engine e(s);
      EXPECT_EQ(migrants_of(e.world()), std::llround(s.population.migrant_share * 1000)) << share << seed;
    }
  }
  std::vector<std::int64_t> counts;
  for (const char* seed : {"run.seed=1", "run.seed=2", "run.seed=3"}) {
    const Scenario s = load_scenario(bench_scenario("small"), {"population.migrant_assignment=random", seed});
    Engine e(s);
    counts.push_back(migrants_of(e.world()));
    EXPECT_NEAR(static_cast<double>(counts.back()), 500.0, 80.0);
  }
  EXPECT_FALSE(counts[0] == counts[1] && counts[1] == counts[2]);
}

}  // namespace zhili
