// PGM raster maps: plain (P2) and binary (P5) files written here, header
// comments, and the errors, at pixel row and column (or the header's text
// position).
#include <gtest/gtest.h>

#include "scenario/scenario_test_support.hpp"
#include "world/map_raster.hpp"
#include "world_test_support.hpp"

namespace zhili {
namespace {

using testing::load_in;
using testing::map_errors;
using testing::raster_scenario;
using testing::scratch_dir;
using testing::write_file;

const std::string kLegend = "    legend: {0: rural, 1: suburb, 2: fringe, 200: urban_core}\n";

CellGrid pgm_map(const std::string& bytes) {
  const auto dir = scratch_dir();
  write_file(dir / "map.pgm", bytes);
  return build_world(load_in(dir, raster_scenario("map.pgm", kLegend))).grid;
}

Diagnostics pgm_errors(const std::string& bytes) {
  const auto dir = scratch_dir();
  write_file(dir / "map.pgm", bytes);
  return map_errors(dir, raster_scenario("map.pgm", kLegend));
}

const std::vector<Zone> kExpected{Zone::rural,  Zone::suburb, Zone::fringe,
                                  Zone::urban_core, Zone::rural, Zone::suburb};

TEST(RasterPgm, PlainP2WithComments) {
  const CellGrid g = pgm_map(
      "P2\n# drawn by the planning bureau\n3 # width\n2\n255\n"
      "0 1 2\n# second row, y = 1\n200   0\n1\n");
  EXPECT_EQ(g.width, 3);
  EXPECT_EQ(g.height, 2);
  EXPECT_EQ(g.zone, kExpected);
}

TEST(RasterPgm, BinaryP5) {
  std::string bytes = "P5\n# comment\n3 2\n255\n";
  for (unsigned char v : {0, 1, 2, 200, 0, 1}) bytes += static_cast<char>(v);
  const CellGrid g = pgm_map(bytes);
  EXPECT_EQ(g.width, 3);
  EXPECT_EQ(g.height, 2);
  EXPECT_EQ(g.zone, kExpected);
}

TEST(RasterPgm, BinaryP5WhoseFirstPixelLooksLikeWhitespace) {
  std::string bytes = "P5 2 1 255\n";
  bytes += '\n';  // pixel value 10
  bytes += static_cast<char>(0);
  const auto dir = scratch_dir();
  write_file(dir / "map.pgm", bytes);
  const CellGrid g =
      build_world(load_in(dir, raster_scenario("map.pgm", "    legend: {10: suburb, 0: rural}\n")))
          .grid;
  EXPECT_EQ(g.zone, (std::vector<Zone>{Zone::suburb, Zone::rural}));
}

TEST(RasterPgm, FormatGivenOverridesTheExtension) {
  const auto dir = scratch_dir();
  write_file(dir / "map.img", "P2 2 1 255 0 1\n");
  const Scenario s = load_in(dir, raster_scenario("map.img", "    format: pgm\n"));
  EXPECT_EQ(s.world.raster.format, RasterFormat::pgm);
  EXPECT_EQ(build_world(s).grid.zone, (std::vector<Zone>{Zone::rural, Zone::suburb}));
}

TEST(RasterPgm, PixelErrorsAreAtPixelRowAndColumn) {
  const Diagnostics d = pgm_errors("P2\n3 2\n255\n0 1 2\n2 7 x\n");
  ASSERT_EQ(d.size(), 2u) << d.format_all();
  const auto& i = d.items();
  EXPECT_DIAG(i[0], i[0].where.file, 2, 2, "world.raster", "value not in the legend");
  EXPECT_EQ(i[0].found, "7 at cell [1, 1]");
  EXPECT_EQ(i[0].expected, "a value of world.raster.legend: 0, 1, 2, 200");
  EXPECT_DIAG(i[1], i[1].where.file, 2, 3, "world.raster", "not an integer");
  EXPECT_EQ(i[1].found, "x at cell [2, 1]");
  EXPECT_TRUE(i[0].where.file.ends_with("/map.pgm"));

  std::string p5 = "P5 2 2 255\n";
  for (unsigned char v : {0, 1, 2, 99}) p5 += static_cast<char>(v);
  const Diagnostics e = pgm_errors(p5);
  ASSERT_EQ(e.size(), 1u) << e.format_all();
  EXPECT_DIAG(e.items()[0], e.items()[0].where.file, 2, 2, "world.raster", "value not in the legend");
  EXPECT_EQ(e.items()[0].found, "99 at cell [1, 1]");
}

TEST(RasterPgm, Truncated) {
  // P5: 5 of 6 pixels; the first missing one is row 2, column 3.
  std::string p5 = "P5 3 2 255\n";
  for (unsigned char v : {0, 1, 2, 0, 1}) p5 += static_cast<char>(v);
  Diagnostics d = pgm_errors(p5);
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 2, 3, "world.raster", "truncated PGM");
  EXPECT_EQ(d.items()[0].found, "5 of 6 pixels");
  EXPECT_EQ(d.items()[0].expected, "3 x 2 = 6 pixels");
  // P2: 4 of 6.
  d = pgm_errors("P2 3 2 255\n0 1 2\n0\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 2, 2, "world.raster", "truncated PGM");
  // In the header: at the end of the text.
  d = pgm_errors("P2\n3 2\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 3, 1, "world.raster", "truncated PGM");
  EXPECT_EQ(d.items()[0].expected, "the maxval in the header");
  // Header only.
  d = pgm_errors("P5 3 2 255\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].found, "0 of 6 pixels");
}

TEST(RasterPgm, MalformedFiles) {
  Diagnostics d = pgm_errors("P6 3 2 255\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 1, 1, "world.raster", "malformed PGM");
  EXPECT_EQ(d.items()[0].found, "P6");
  // 16-bit binary.
  d = pgm_errors("P5\n3 2\n65535\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 3, 1, "world.raster", "malformed PGM");
  EXPECT_EQ(d.items()[0].expected, "maxval at most 255: 16-bit binary PGM is not supported");
  // A width that is not a number.
  d = pgm_errors("P2\nthree 2\n255\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 2, 1, "world.raster", "malformed PGM");
  EXPECT_EQ(d.items()[0].found, "three");
  // Values after the last pixel.
  d = pgm_errors("P2 2 1 255\n0 1\n2\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 3, 1, "world.raster", "malformed PGM");
  std::string p5 = "P5 1 1 255\n";
  p5 += std::string(3, '\0');
  d = pgm_errors(p5);
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].message, "malformed PGM");
  EXPECT_EQ(d.items()[0].found, "2 bytes after the last pixel");
}

TEST(RasterPgm, EmptyAndTooLarge) {
  Diagnostics d = pgm_errors("");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_EQ(d.items()[0].message, "empty raster");
  d = pgm_errors("P5 20000 2 255\n");
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], d.items()[0].where.file, 1, 4, "world.raster", "raster too large");
}

}  // namespace
}  // namespace zhili
