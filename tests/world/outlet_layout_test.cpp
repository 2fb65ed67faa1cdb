// The default outlet layout (world/outlet_layout.hpp) and resolving the
// outlets of a run: listed or generated, with the checks made on the built map.
#include <gtest/gtest.h>

#include <set>

#include "world/map_source.hpp"
#include "world/outlet_layout.hpp"
#include "world_test_support.hpp"

namespace zhili {
namespace {

struct Placed {
  std::string name;
  int x, y;
  OutletKindSpec kind;
};

std::vector<Placed> placed(const std::vector<OutletSpec>& outlets) {
  std::vector<Placed> out;
  for (const auto& o : outlets) out.push_back({o.name, o.x, o.y, o.kind});
  return out;
}

// 9 x 3 cells of 1 km: fringe in x 0..5 with one urban-core cell at [4, 1],
// farmland (rural, 2 homes a cell) in x 6..8.
CellGrid small_town() {
  const WorldSpec spec;
  CellGrid g = empty_grid(9, 3, 1.0);
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 9; ++x) set_zone(g, g.index(x, y), x < 6 ? Zone::fringe : Zone::rural, spec);
  set_zone(g, g.index(4, 1), Zone::urban_core, spec);
  return g;
}

TEST(OutletLayout, HandCheckedSmallTown) {
  const CellGrid g = small_town();
  const ServicesSpec spec;  // departments >= 3: school_enrolment, business_licence, housing_assistance
  const auto outlets = default_outlet_layout(g, spec);
  const auto p = placed(outlets);
  ASSERT_EQ(p.size(), 6u);
  // The only urban-core cell holds the centre; department windows east, south, west of it.
  EXPECT_EQ(p[0].name, "centre");
  EXPECT_EQ(p[0].kind, OutletKindSpec::district_centre);
  EXPECT_EQ(std::make_pair(p[0].x, p[0].y), std::make_pair(4, 1));
  EXPECT_EQ(outlets[0].needs, kAllNeeds);
  EXPECT_EQ(outlets[0].windows, kCentreWindows);
  EXPECT_EQ(p[1].name, "window-school_enrolment");
  EXPECT_EQ(std::make_pair(p[1].x, p[1].y), std::make_pair(5, 1));
  EXPECT_EQ(outlets[1].needs, need_bit(NeedType::school_enrolment));
  EXPECT_EQ(outlets[1].kind, OutletKindSpec::department_window);
  EXPECT_EQ(p[2].name, "window-business_licence");
  EXPECT_EQ(std::make_pair(p[2].x, p[2].y), std::make_pair(4, 2));
  EXPECT_EQ(p[3].name, "window-housing_assistance");
  EXPECT_EQ(std::make_pair(p[3].x, p[3].y), std::make_pair(3, 1));
  // 3 km blocks: [0, 3) all fringe, equal homes: the block's middle [1, 1].
  // [3, 6): its cell of most homes is the centre's, so no station; [6, 9) is rural.
  EXPECT_EQ(p[4].name, "station-1");
  EXPECT_EQ(p[4].kind, OutletKindSpec::street_station);
  EXPECT_EQ(std::make_pair(p[4].x, p[4].y), std::make_pair(1, 1));
  // One 10 km block holds the whole map; its rural cell nearest the middle [4, 1].
  EXPECT_EQ(p[5].name, "township-1");
  EXPECT_EQ(p[5].kind, OutletKindSpec::street_station);
  EXPECT_EQ(std::make_pair(p[5].x, p[5].y), std::make_pair(6, 1));
  for (const auto& o : outlets) {
    EXPECT_EQ(o.operated_by, OutletOperator::government) << o.name;
    EXPECT_TRUE(o.open_at_start) << o.name;
  }
}

TEST(OutletLayout, DepartmentWindowsFollowTheNeeds) {
  ServicesSpec spec;
  spec.needs[static_cast<std::size_t>(NeedType::employment)].departments = 3;
  spec.needs[static_cast<std::size_t>(NeedType::school_enrolment)].departments = 2;
  const auto p = placed(default_outlet_layout(small_town(), spec));
  ASSERT_GE(p.size(), 4u);
  EXPECT_EQ(p[1].name, "window-employment");  // need order
  EXPECT_EQ(p[2].name, "window-business_licence");
  EXPECT_EQ(p[3].name, "window-housing_assistance");
  EXPECT_EQ(p[4].name, "station-1");
}

TEST(OutletLayout, GeneratedCityIsCoveredAndDeterministic) {
  const auto dir = testing::scratch_dir();
  const Scenario s = testing::load_in(dir,
                                      "world: {width: 80, height: 60, cell_km: 0.5,\n"
                                      "        generator: {centre: [40, 30]}}\n"
                                      "services: {enabled: true}\n");
  const CellGrid g = make_map(s);
  const auto outlets = default_outlet_layout(g, s.services);
  EXPECT_EQ(placed(outlets).size(), placed(default_outlet_layout(g, s.services)).size());
  ASSERT_FALSE(outlets.empty());
  EXPECT_EQ(outlets[0].name, "centre");
  EXPECT_EQ(outlets[0].x, 40);  // the middle of the urban core
  EXPECT_EQ(outlets[0].y, 30);
  std::set<std::string> names;
  int stations = 0, townships = 0;
  std::int64_t city_cells = 0;
  for (std::size_t c = 0; c < g.size(); ++c) city_cells += g.zone[c] != Zone::rural;
  for (const auto& o : outlets) {
    EXPECT_TRUE(names.insert(o.name).second) << o.name;
    ASSERT_TRUE(o.x >= 0 && o.x < g.width && o.y >= 0 && o.y < g.height) << o.name;
    const Zone z = g.zone[g.index(o.x, o.y)];
    if (o.name.rfind("station-", 0) == 0) {
      ++stations;
      EXPECT_NE(z, Zone::rural) << o.name;
    } else if (o.name.rfind("township-", 0) == 0) {
      ++townships;
      EXPECT_EQ(z, Zone::rural) << o.name;
    }
  }
  // About one station per 9 km2 of city (the centre's block has none).
  const double city_km2 = static_cast<double>(city_cells) * 0.25;
  EXPECT_GE(stations, static_cast<int>(city_km2 / 9.0 * 0.6)) << city_km2;
  EXPECT_LE(stations, static_cast<int>(city_km2 / 9.0 * 1.6) + 1) << city_km2;
  // 40 x 30 km in 10 km blocks: the two in the middle are all city.
  EXPECT_EQ(townships, 10);
  // Same map, same layout.
  const auto again = default_outlet_layout(make_map(s), s.services);
  ASSERT_EQ(again.size(), outlets.size());
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    EXPECT_EQ(again[i].name, outlets[i].name);
    EXPECT_EQ(again[i].x, outlets[i].x);
    EXPECT_EQ(again[i].y, outlets[i].y);
  }
}

TEST(OutletLayout, ResolveUsesListedOutletsOrTheDefault) {
  const auto dir = testing::scratch_dir();
  const Scenario listed = testing::load_in(
      dir,
      "world: {width: 20, height: 20, generator: {centre: [10, 10]}}\n"
      "services:\n"
      "  outlets:\n"
      "    - {name: hall, cell: [3, 4], kind: district_centre}\n"
      "schedule:\n"
      "  - {at: 2016-01, outlet: {name: hall, windows: 4}}\n");
  const auto outlets = resolve_outlets(listed, make_map(listed));
  ASSERT_EQ(outlets.size(), 1u);
  EXPECT_EQ(outlets[0].name, "hall");
  const Scenario generated = testing::load_in(
      dir,
      "world: {width: 20, height: 20, generator: {centre: [10, 10]}}\n"
      "services: {enabled: true}\n"
      "schedule:\n"
      "  - {at: 2016-01, outlet: {name: station-1, windows: 4}}\n");
  EXPECT_EQ(resolve_outlets(generated, make_map(generated))[0].name, "centre");
}

TEST(OutletLayout, ResolveChecksEventNamesAgainstTheDefaultLayout) {
  const auto dir = testing::scratch_dir();
  const Scenario s = testing::load_in(dir,
                                      "world: {width: 20, height: 20, generator: {centre: [10, 10]}}\n"
                                      "services: {enabled: true}\n"
                                      "schedule:\n"
                                      "  - at: 2016-01\n"
                                      "    outlet: {name: centr, windows: 20, open: true}\n");
  try {
    resolve_outlets(s, make_map(s));
    FAIL() << "an unknown outlet was accepted";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& d = e.diagnostics().items()[0];
    EXPECT_EQ(d.key_path, "schedule[0].outlet.name");
    EXPECT_EQ(d.message, "unknown outlet");
    EXPECT_EQ(d.where.line, 5);
    EXPECT_EQ(d.where.column, 20);
    EXPECT_EQ(d.hint, "did you mean 'centre'?");
  }
}

TEST(OutletLayout, ResolveChecksListedCellsOnADrawnMap) {
  const auto dir = testing::scratch_dir();
  testing::write_file(dir / "map.csv", "0,1,1\n1,4,1\n");
  const Scenario s = testing::load_in(
      dir, testing::raster_scenario("map.csv",
                                    "services:\n"
                                    "  outlets:\n"
                                    "    - {name: a, cell: [1, 1]}\n"
                                    "    - {name: b, cell: [3, 1]}\n"));
  try {
    resolve_outlets(s, make_map(s));
    FAIL() << "a cell off the raster was accepted";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& d = e.diagnostics().items()[0];
    EXPECT_EQ(d.key_path, "services.outlets[1].cell");
    EXPECT_EQ(d.message, "location outside the map");
    EXPECT_EQ(d.found, "[3, 1]");
    EXPECT_EQ(d.where.line, 8);
    EXPECT_EQ(d.where.column, 23);
  }
}

}  // namespace
}  // namespace zhili
