// CSV raster maps: rows, the legend, comments, and every error class with
// the file, line and column it names.
#include <gtest/gtest.h>

#include "scenario/scenario_test_support.hpp"
#include "world/map_raster.hpp"
#include "world_test_support.hpp"

namespace zhili {
namespace {

using testing::build_errors;
using testing::load_in;
using testing::map_errors;
using testing::raster_scenario;
using testing::scratch_dir;
using testing::write_file;

Zone zone_at(const CellGrid& g, int x, int y) { return g.zone[g.index(x, y)]; }

// The one diagnostic of building the map of `csv` (written as map.csv).
Diagnostics csv_errors(const std::string& csv, const std::string& extra = "") {
  const auto dir = scratch_dir();
  write_file(dir / "map.csv", csv);
  return map_errors(dir, raster_scenario("map.csv", extra));
}

TEST(RasterCsv, RowsAreYAndValuesGoThroughTheLegend) {
  const auto dir = scratch_dir();
  write_file(dir / "map.csv",
             "# a small district\n"
             "\n"
             "7, 0, 5,0\r\n"
             "  5,7,0 ,0   # the second row is y = 1\n"
             "#\n"
             "0,0,0,7\n");
  const Scenario s = load_in(dir, raster_scenario("map.csv",
                                                  "    legend: {0: rural, 5: suburb, 7: urban_core}\n"));
  const CellGrid g = build_world(s).grid;
  ASSERT_EQ(g.width, 4);
  ASSERT_EQ(g.height, 3);
  EXPECT_EQ(g.cell_km, s.world.cell_km);
  EXPECT_EQ(zone_at(g, 0, 0), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 2, 0), Zone::suburb);
  EXPECT_EQ(zone_at(g, 0, 1), Zone::suburb);
  EXPECT_EQ(zone_at(g, 1, 1), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 3, 2), Zone::urban_core);
  EXPECT_EQ(zone_at(g, 1, 0), Zone::rural);
  // Capacity and rent follow the zone.
  const auto core = static_cast<std::size_t>(Zone::urban_core);
  EXPECT_EQ(g.capacity[g.index(3, 2)], s.world.capacity[core]);
  EXPECT_EQ(g.rent[g.index(3, 2)], static_cast<float>(s.world.rent[core]));
}

TEST(RasterCsv, DefaultLegend) {
  const auto dir = scratch_dir();
  write_file(dir / "map.csv", "0,1,2,3,4\n");
  const CellGrid g = build_world(load_in(dir, raster_scenario("map.csv"))).grid;
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g.zone, (std::vector<Zone>{Zone::rural, Zone::suburb, Zone::fringe,
                                       Zone::urban_village, Zone::urban_core}));
}

TEST(RasterCsv, ByteOrderMarkAndSignsAreFine) {
  const auto dir = scratch_dir();
  write_file(dir / "map.csv", "\xEF\xBB\xBF+1,-1\n");
  const CellGrid g = build_world(load_in(dir, raster_scenario("map.csv",
                                                              "    legend: {1: suburb, -1: rural}\n")))
                         .grid;
  EXPECT_EQ(g.zone, (std::vector<Zone>{Zone::suburb, Zone::rural}));
}

TEST(RasterCsv, ValueNotInTheLegend) {
  const Diagnostics d = csv_errors("# header\n0,1,2\n0, 9,2\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  const Diagnostic& e = d.items()[0];
  EXPECT_TRUE(e.where.file.ends_with("/map.csv")) << e.where.file;
  EXPECT_DIAG(e, e.where.file, 3, 4, "world.raster", "value not in the legend");
  EXPECT_EQ(e.found, "9 at cell [1, 1]");
  EXPECT_EQ(e.expected, "a value of world.raster.legend: 0, 1, 2, 3, 4");
  EXPECT_EQ(e.format(), e.where.file + ":3:4: error: world.raster: value not in the legend "
                                       "(found 9 at cell [1, 1], expected a value of "
                                       "world.raster.legend: 0, 1, 2, 3, 4)");
}

TEST(RasterCsv, NonIntegers) {
  const Diagnostics d = csv_errors("0,1.5,x\n0,,0\n");
  ASSERT_EQ(d.size(), 3u) << d.format_all();
  const auto& i = d.items();
  EXPECT_DIAG(i[0], i[0].where.file, 1, 3, "world.raster", "not an integer");
  EXPECT_EQ(i[0].found, "1.5 at cell [1, 0]");
  EXPECT_EQ(i[0].expected, "an integer cell value");
  EXPECT_DIAG(i[1], i[1].where.file, 1, 7, "world.raster", "not an integer");
  EXPECT_EQ(i[1].found, "x at cell [2, 0]");
  EXPECT_DIAG(i[2], i[2].where.file, 2, 3, "world.raster", "not an integer");
  EXPECT_EQ(i[2].found, "an empty value at cell [1, 1]");
}

TEST(RasterCsv, RaggedRows) {
  const Diagnostics d = csv_errors("0,0,0\n# note\n0,0\n0,0,0,0,0\n0,0,0\n");
  ASSERT_EQ(d.size(), 2u) << d.format_all();
  const auto& i = d.items();
  EXPECT_DIAG(i[0], i[0].where.file, 3, 4, "world.raster", "ragged row");  // end of the line
  EXPECT_EQ(i[0].found, "2 values");
  EXPECT_EQ(i[0].expected, "3 values, as in the first row (line 1)");
  EXPECT_DIAG(i[1], i[1].where.file, 4, 7, "world.raster", "ragged row");  // first extra value
  EXPECT_EQ(i[1].found, "5 values");
}

TEST(RasterCsv, EmptyFiles) {
  for (const char* text : {"", "\n\n", "# only a comment\n  \n"}) {
    const Diagnostics d = csv_errors(text);
    ASSERT_EQ(d.size(), 1u) << d.format_all();
    EXPECT_EQ(d.items()[0].message, "empty raster");
    EXPECT_EQ(d.items()[0].where.line, 0);
    EXPECT_TRUE(d.items()[0].where.file.ends_with("/map.csv"));
  }
}

TEST(RasterCsv, EveryErrorIsReportedUpToACap) {
  // 30 cells out of the legend: 20 shown, then one line for the 10 others.
  std::string csv;
  for (int y = 0; y < 3; ++y) csv += "9,9,9,9,9,9,9,9,9,9\n";
  const Diagnostics d = csv_errors(csv);
  ASSERT_EQ(d.size(), kMaxRasterErrors + 1) << d.format_all();
  const Diagnostic& last = d.items().back();
  EXPECT_EQ(last.message, "... and 10 more errors from here on (not shown)");
  EXPECT_EQ(last.where.line, 3);  // where the first one not shown is
  EXPECT_EQ(last.where.column, 1);
  // Sorted by position, the summary comes last.
  const std::string all = d.format_all();
  EXPECT_EQ(all.rfind("... and 10 more"), all.find("... and 10 more"));
  EXPECT_GT(all.find("... and 10 more"), all.find(":2:19: error"));
}

TEST(RasterCsv, DifferentErrorsTogether) {
  const Diagnostics d = csv_errors("0,1,2\n0,7\n0,a,1\n");
  ASSERT_EQ(d.size(), 3u) << d.format_all();
  EXPECT_EQ(d.items()[0].message, "value not in the legend");
  EXPECT_EQ(d.items()[1].message, "ragged row");
  EXPECT_EQ(d.items()[2].message, "not an integer");
}

TEST(RasterCsv, UnreadableFileIsReportedAtThePathKey) {
  const auto dir = scratch_dir();
  const Scenario s = load_in(dir, raster_scenario("missing.csv"));
  Diagnostics d = build_errors(s);
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], (dir / "s.yaml").string(), 4, 11, "world.raster.path",
              "cannot read file: No such file or directory");
  EXPECT_EQ(d.items()[0].found, (dir / "missing.csv").string());

  std::filesystem::create_directories(dir / "folder.csv");
  d = build_errors(load_in(dir, raster_scenario("folder.csv")));
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].message, "cannot read file: not a regular file (a directory)");
}

TEST(RasterCsv, TooLarge) {
  std::string row = "0";
  for (int i = 0; i < 10'000; ++i) row += ",0";
  const Diagnostics d = csv_errors(row + "\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].message, "raster too large");
}

}  // namespace
}  // namespace zhili
