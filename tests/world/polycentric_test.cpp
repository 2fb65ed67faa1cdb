// The polycentric generator: zones from the centre nearest in distance /
// weight; its keys and their checks; the monocentric map left as it was.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/rng.hpp"
#include "scenario/scenario_test_support.hpp"
#include "world/map_generator.hpp"
#include "world/world.hpp"

namespace zhili {
namespace {

using testing::errors_of;
using testing::load_ok;
using testing::only_error;

// 80 x 60 cells of 0.5 km; a main centre and a satellite of half its weight.
const std::string kTwoCentres =
    "population: {households: 100}\n"
    "world:\n"
    "  width: 80\n"
    "  height: 60\n"
    "  cell_km: 0.5\n"
    "  generator:\n"
    "    kind: polycentric\n"
    "    centres:\n"
    "      - {at: [20, 20], weight: 1}\n"
    "      - {at: [60, 40], weight: 0.5}\n"
    "    core_radius_km: 2\n"
    "    fringe_radius_km: 4\n"
    "    suburb_radius_km: 8\n"
    "    urban_village_share: 0\n";

Zone zone_at(const CellGrid& g, int x, int y) { return g.zone[g.index(x, y)]; }

TEST(PolycentricMap, CellsNearEachCentreAreCore) {
  const Scenario s = load_ok(kTwoCentres);
  ASSERT_EQ(s.world.generator.kind, MapKind::polycentric);
  ASSERT_EQ(s.world.generator.centres.size(), 2u);
  const CellGrid g = build_world(s).grid;
  EXPECT_EQ(zone_at(g, 20, 20), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 60, 40), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 61, 41), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 0, 59), Zone::rural);
  EXPECT_EQ(zone_at(g, 40, 30), Zone::rural);  // between them, beyond both suburbs
}

TEST(PolycentricMap, WeightsScaleTheRings) {
  const CellGrid g = build_world(load_ok(kTwoCentres)).grid;
  // 1.5 km from each centre: core around the main centre (radius 2 km), fringe
  // around the satellite (weighted distance 3 km, in (2, 4]).
  EXPECT_EQ(zone_at(g, 23, 20), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 63, 40), Zone::fringe);
  // 5 km: suburb of the main centre, rural around the satellite (10 km > 8).
  EXPECT_EQ(zone_at(g, 30, 20), Zone::suburb);
  EXPECT_EQ(zone_at(g, 70, 40), Zone::rural);
  // A heavier satellite reaches farther.
  const CellGrid heavy = build_world(load_ok(kTwoCentres, {"world.generator.centres=[{at: [20, "
                                                           "20]}, {at: [60, 40], weight: 2}]"}))
                             .grid;
  EXPECT_EQ(zone_at(heavy, 63, 40), Zone::urban_core);
  EXPECT_EQ(zone_at(heavy, 70, 40), Zone::fringe);  // 5 km / 2 = 2.5 km
}

TEST(PolycentricMap, EveryCellTakesItsZoneFromTheNearestWeightedCentre) {
  const Scenario s = load_ok(kTwoCentres);
  const CellGrid g = build_world(s).grid;
  const auto& gen = s.world.generator;
  for (int y = 0; y < g.height; ++y) {
    for (int x = 0; x < g.width; ++x) {
      double d = std::numeric_limits<double>::infinity();
      for (const auto& c : gen.centres)
        d = std::min(d, std::hypot(x - c.at.x, y - c.at.y) * s.world.cell_km / c.weight);
      const Zone expected = d <= gen.core_radius_km     ? Zone::urban_core
                            : d <= gen.fringe_radius_km ? Zone::fringe
                            : d <= gen.suburb_radius_km ? Zone::suburb
                                                        : Zone::rural;
      ASSERT_EQ(zone_at(g, x, y), expected) << "cell [" << x << ", " << y << "]";
      ASSERT_EQ(g.capacity[g.index(x, y)], s.world.capacity[static_cast<std::size_t>(expected)]);
    }
  }
}

TEST(PolycentricMap, UrbanVillagesAreAShareOfEveryFringe) {
  const CellGrid g = build_world(load_ok(kTwoCentres, {"world.generator.urban_village_share=0.3"})).grid;
  int villages = 0, fringe = 0;
  for (int y = 30; y < g.height; ++y) {  // the satellite's half
    for (int x = 40; x < g.width; ++x) {
      villages += zone_at(g, x, y) == Zone::urban_village;
      fringe += zone_at(g, x, y) == Zone::fringe;
    }
  }
  EXPECT_GT(villages, 0);
  EXPECT_GT(fringe, villages);
}

// The monocentric map is what it was before polycentric maps existed: rings
// around the centre, urban villages drawn from the world_generation stream.
TEST(MonocentricMap, IsTheRingsAroundTheCentreAsBefore) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml");
  const CellGrid g = build_world(s).grid;
  const auto& w = s.world;
  const auto& gen = w.generator;
  ASSERT_EQ(g.width, w.width);
  ASSERT_EQ(g.height, w.height);
  for (int y = 0; y < w.height; ++y) {
    for (int x = 0; x < w.width; ++x) {
      const std::int32_t c = y * w.width + x;
      const double d = std::hypot(x - gen.centre.x, y - gen.centre.y) * w.cell_km;
      Zone z = Zone::rural;
      if (d <= gen.core_radius_km) {
        z = Zone::urban_core;
      } else if (d <= gen.fringe_radius_km) {
        const double u =
            CounterRng(s.run.seed, Stream::world_generation, 0, static_cast<std::uint64_t>(c))
                .uniform();
        z = u < gen.urban_village_share ? Zone::urban_village : Zone::fringe;
      } else if (d <= gen.suburb_radius_km) {
        z = Zone::suburb;
      }
      ASSERT_EQ(g.zone[c], z) << "cell [" << x << ", " << y << "]";
      ASSERT_EQ(g.rent[c], static_cast<float>(w.rent[static_cast<std::size_t>(z)]));
    }
  }
}

TEST(MonocentricMap, EqualsAPolycentricMapWithOneCentreOfWeightOne) {
  const std::string base = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";
  const Scenario mono = load_scenario(base);
  Scenario poly = mono;
  poly.world.generator.kind = MapKind::polycentric;
  poly.world.generator.centres = {{mono.world.generator.centre, 1.0}};
  const CellGrid a = generate_monocentric(mono.world, mono.run.seed);
  const CellGrid b = generate_polycentric(poly.world, poly.run.seed);
  EXPECT_EQ(a.zone, b.zone);
  EXPECT_EQ(a.capacity, b.capacity);
}

TEST(PolycentricKeys, ACentreOutsideTheMapIsReportedAtThatCentre) {
  const Diagnostic d = only_error(
      "world:\n"
      "  width: 40\n"
      "  generator:\n"
      "    kind: polycentric\n"
      "    centres:\n"
      "      - {at: [10, 10]}\n"
      "      - {at: [45, 10], weight: 0.5}\n");
  EXPECT_DIAG(d, "s.yaml", 7, 14, "world.generator.centres[1].at", "location outside the map");
  EXPECT_EQ(d.found, "[45, 10]");
  EXPECT_EQ(d.expected, "a cell inside the 40 x 100 map: 0 <= x < 40, 0 <= y < 100");
  // Block style, negative coordinate.
  const Diagnostic e = only_error(
      "world:\n  generator:\n    kind: polycentric\n    centres:\n      - at: [5, -1]\n");
  EXPECT_DIAG(e, "s.yaml", 5, 13, "world.generator.centres[0].at", "location outside the map");
}

TEST(PolycentricKeys, WeightsMustBePositive) {
  for (const char* w : {"0", "-0.5"}) {
    const Diagnostic d = only_error(
        std::string("world:\n  generator:\n    kind: polycentric\n    centres:\n"
                    "      - {at: [1, 1], weight: ") + w + "}\n");
    EXPECT_DIAG(d, "s.yaml", 5, 30, "world.generator.centres[0].weight", "value out of range");
    EXPECT_EQ(d.expected, "a number > 0");
  }
}

TEST(PolycentricKeys, AtLeastOneCentre) {
  Diagnostic d = only_error("world:\n  generator:\n    kind: polycentric\n");
  EXPECT_DIAG(d, "s.yaml", 3, 11, "world.generator.centres", "missing key");
  d = only_error("world:\n  generator:\n    kind: polycentric\n    centres: []\n");
  EXPECT_DIAG(d, "s.yaml", 4, 14, "world.generator.centres", "missing key");
}

TEST(PolycentricKeys, CentreIsForMonocentricAndCentresForPolycentric) {
  Diagnostic d = only_error(
      "world:\n  generator:\n    kind: polycentric\n    centre: [5, 5]\n"
      "    centres: [{at: [5, 5]}]\n");
  EXPECT_DIAG(d, "s.yaml", 4, 13, "world.generator.centre", "inconsistent values");
  EXPECT_NE(d.found.find("world.generator.centre with kind polycentric"), std::string::npos);
  EXPECT_NE(d.expected.find("world.generator.centres"), std::string::npos);
  d = only_error("world:\n  generator:\n    centres: [{at: [5, 5]}]\n");
  EXPECT_DIAG(d, "s.yaml", 3, 14, "world.generator.centres", "inconsistent values");
  EXPECT_NE(d.found.find("kind monocentric"), std::string::npos);
  EXPECT_NE(d.expected.find("world.generator.centre: [x, y]"), std::string::npos);
}

TEST(PolycentricKeys, MalformedEntries) {
  const std::string head = "world:\n  generator:\n    kind: polycentric\n    centres:\n";
  Diagnostic d = only_error(head + "      - {at: [1, 1], wieght: 2}\n");
  EXPECT_DIAG(d, "s.yaml", 5, 22, "world.generator.centres[0].wieght", "unknown key");
  EXPECT_EQ(d.hint, "did you mean 'weight'?");
  d = only_error(head + "      - {weight: 2}\n");
  EXPECT_DIAG(d, "s.yaml", 5, 9, "world.generator.centres[0].at", "missing key");
  d = only_error(head + "      - [1, 1]\n");
  EXPECT_DIAG(d, "s.yaml", 5, 9, "world.generator.centres[0]", "wrong type");
  d = only_error(head + "      - {at: [1, 1.5]}\n");
  EXPECT_DIAG(d, "s.yaml", 5, 18, "world.generator.centres[0].at", "wrong type");
  d = only_error("world:\n  generator:\n    kind: polycentric\n    centres: {at: [1, 1]}\n");
  EXPECT_DIAG(d, "s.yaml", 4, 14, "world.generator.centres", "wrong type");
}

TEST(PolycentricKeys, ResolvedYamlRoundTrips) {
  const Scenario s = load_ok(kTwoCentres);
  const std::string yaml = resolved_yaml(s);
  EXPECT_NE(yaml.find("    kind: polycentric\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("      - {at: [60, 40], weight: 0.5}\n"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("centre:"), std::string::npos) << yaml;  // monocentric only
  EXPECT_EQ(yaml.find("raster:"), std::string::npos) << yaml;
  const Scenario again = load_ok(yaml);
  ASSERT_EQ(again.world.generator.centres.size(), 2u);
  EXPECT_EQ(again.world.generator.centres[1].at.x, 60);
  EXPECT_EQ(again.world.generator.centres[1].weight, 0.5);
  EXPECT_EQ(build_world(again).grid.zone, build_world(s).grid.zone);
  EXPECT_EQ(resolved_yaml(again), yaml);
  // A monocentric scenario writes its centre and no centres.
  const std::string mono = resolved_yaml(load_ok(""));
  EXPECT_NE(mono.find("    centre: [50, 50]\n"), std::string::npos) << mono;
  EXPECT_EQ(mono.find("centres:"), std::string::npos) << mono;
}

TEST(PolycentricKeys, CentresCanBeOverridden) {
  const Scenario s = load_ok("world: {generator: {kind: polycentric, centres: [{at: [1, 1]}]}}",
                             {"world.generator.centres=[{at: [3, 4], weight: 2}]"});
  ASSERT_EQ(s.world.generator.centres.size(), 1u);
  EXPECT_EQ(s.world.generator.centres[0].at.y, 4);
  EXPECT_EQ(s.world.generator.centres[0].weight, 2.0);
  const Diagnostic d = only_error("world: {generator: {kind: polycentric}}",
                                  {"world.generator.centres=[{at: [300, 4]}]"});
  EXPECT_DIAG(d, "--set #1", 1, 31, "world.generator.centres[0].at", "location outside the map");
}

TEST(PolycentricKeys, ErrorsInSeveralEntriesAreAllReported) {
  const Diagnostics d = errors_of(
      "world:\n  generator:\n    kind: polycentric\n    centres:\n"
      "      - {at: [1, 1], weight: 0}\n      - {at: x}\n");
  EXPECT_EQ(d.size(), 2u) << d.format_all();
}

}  // namespace
}  // namespace zhili
