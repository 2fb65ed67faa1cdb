// Raster maps in scenarios: the path relative to the scenario file, the
// format, the legend's checks, the map's size, generator keys against a
// raster, resolved_yaml, and the example scenarios through `zhili validate`.
#include <gtest/gtest.h>

#include "cli/subprocess.hpp"
#include "scenario/scenario_test_support.hpp"
#include "world/map_raster.hpp"
#include "world_test_support.hpp"

namespace zhili {
namespace {

using testing::build_errors;
using testing::load_errors;
using testing::load_in;
using testing::load_ok;
using testing::only_error;
using testing::raster_scenario;
using testing::scratch_dir;
using testing::write_file;

const std::string kRoot = ZHILI_SOURCE_DIR;

TEST(RasterScenario, RelativePathsAreRelativeToTheScenarioFile) {
  const auto dir = scratch_dir();
  write_file(dir / "maps" / "a.csv", "1,1\n1,1\n");
  const std::string scenario = write_file(dir / "plans" / "s.yaml", raster_scenario("../maps/a.csv"));
  const Scenario s = load_scenario(scenario);
  EXPECT_EQ(s.world.raster.path, (dir / "maps" / "a.csv").string());
  EXPECT_EQ(build_world(s).grid.size(), 4u);
  // The same from an override, and an absolute path stays as it is.
  write_file(dir / "plans" / "b.csv", "1,1,1\n");
  EXPECT_EQ(load_scenario(scenario, {"world.raster.path=b.csv"}).world.raster.path,
            (dir / "plans" / "b.csv").string());
  const std::string absolute = (dir / "maps" / "a.csv").string();
  EXPECT_EQ(load_in(dir, raster_scenario(absolute)).world.raster.path, absolute);
}

TEST(RasterScenario, FormatComesFromTheExtension) {
  const auto dir = scratch_dir();
  EXPECT_EQ(load_in(dir, raster_scenario("m.csv")).world.raster.format, RasterFormat::csv);
  EXPECT_EQ(load_in(dir, raster_scenario("m.PGM")).world.raster.format, RasterFormat::pgm);
  EXPECT_EQ(load_in(dir, raster_scenario("m.txt", "    format: csv\n")).world.raster.format,
            RasterFormat::csv);
  const Diagnostics d = load_errors(dir, raster_scenario("m.txt"));
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  EXPECT_DIAG(d.items()[0], (dir / "s.yaml").string(), 4, 11, "world.raster.path", "invalid value");
  EXPECT_EQ(d.items()[0].expected, "a file ending in .csv or .pgm, or world.raster.format: csv | pgm");
  const Diagnostic e = only_error(raster_scenario("m.csv", "    format: png\n"));
  EXPECT_DIAG(e, "s.yaml", 5, 13, "world.raster.format", "invalid value");
}

TEST(RasterScenario, SizeComesFromTheRaster) {
  const auto dir = scratch_dir();
  write_file(dir / "m.csv", "0,0,0,0\n0,0,0,0\n0,0,0,0\n");
  const Scenario s = load_in(dir, raster_scenario("m.csv"));
  EXPECT_EQ(s.world.width, 0);  // not known until the file is read
  EXPECT_EQ(s.world.height, 0);
  const CellGrid g = build_world(s).grid;
  EXPECT_EQ(g.width, 4);
  EXPECT_EQ(g.height, 3);
  // A size given must be the raster's.
  const Scenario same =
      load_in(dir, "population: {households: 1}\nworld: {width: 4, height: 3, raster: {path: m.csv}}\n");
  EXPECT_EQ(build_world(same).grid.width, 4);
}

TEST(RasterScenario, SizeGivenThatDiffersFromTheRaster) {
  const auto dir = scratch_dir();
  write_file(dir / "m.csv", "0,0,0,0\n0,0,0,0\n0,0,0,0\n");
  const std::string text =
      "population: {households: 1}\n"
      "world:\n"
      "  width: 5\n"
      "  height: 3\n"
      "  raster: {path: m.csv}\n";
  const Diagnostics d = build_errors(load_in(dir, text));
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  const Diagnostic& e = d.items()[0];
  EXPECT_DIAG(e, (dir / "s.yaml").string(), 3, 10, "world.width", "inconsistent values");
  EXPECT_EQ(e.found, "5");
  EXPECT_EQ(e.expected, "the raster's width, 4 cells (" + (dir / "m.csv").string() + ")");
  // Both sides, and an override.
  const Diagnostics both = build_errors(load_in(dir, text, {"world.height=30"}));
  ASSERT_EQ(both.size(), 2u) << both.format_all();
  EXPECT_EQ(both.items()[1].key_path, "world.height");
  EXPECT_EQ(both.items()[1].where.file, "--set #1");
}

TEST(RasterScenario, GeneratorKeysAndARasterConflict) {
  const auto dir = scratch_dir();
  const std::string text =
      "world:\n"
      "  generator:\n"
      "    kind: monocentric\n"
      "    core_radius_km: 2\n"
      "  raster:\n"
      "    path: m.csv\n";
  const Diagnostics d = load_errors(dir, text);
  ASSERT_EQ(d.size(), 1u) << d.format_all();
  const Diagnostic& e = d.items()[0];
  EXPECT_DIAG(e, (dir / "s.yaml").string(), 6, 11, "world.raster.path", "inconsistent values");
  EXPECT_EQ(e.found, "both world.raster.path and world.generator.kind (" + (dir / "s.yaml").string() +
                         " line 3)");
  EXPECT_EQ(e.expected, "one of them");
  // A raster given by --set against a generated map in the file.
  const Diagnostics o =
      load_errors(dir, "world: {generator: {centre: [1, 1]}}\n", {"world.raster.path=m.csv"});
  ASSERT_EQ(o.size(), 1u) << o.format_all();
  EXPECT_EQ(o.items()[0].where.file, "--set #1");
  EXPECT_NE(o.items()[0].found.find("world.generator.centre"), std::string::npos);
}

TEST(RasterScenario, RasterKeysNeedAPath) {
  Diagnostic d = only_error("world:\n  raster:\n    legend: {0: rural}\n");
  EXPECT_DIAG(d, "s.yaml", 3, 13, "world.raster.path", "missing key");
  d = only_error("world:\n  raster: {path: \"\", format: csv}\n");
  EXPECT_DIAG(d, "s.yaml", 2, 30, "world.raster.path", "missing key");
}

TEST(RasterScenario, LegendIsCheckedWhenLoaded) {
  const std::string head = "world:\n  raster:\n    path: m.csv\n    legend: ";
  Diagnostic d = only_error(head + "{0: rural, 1: subrub}\n");
  EXPECT_DIAG(d, "s.yaml", 4, 27, "world.raster.legend.1", "invalid value");
  EXPECT_EQ(d.hint, "did you mean 'suburb'?");
  d = only_error(head + "{0: rural, a: suburb}\n");
  EXPECT_DIAG(d, "s.yaml", 4, 24, "world.raster.legend", "wrong type");
  EXPECT_EQ(d.found, "a");
  d = only_error(head + "{1: rural, 01: suburb}\n");
  EXPECT_DIAG(d, "s.yaml", 4, 24, "world.raster.legend.1", "duplicate key");
  d = only_error(head + "{}\n");
  EXPECT_DIAG(d, "s.yaml", 4, 13, "world.raster.legend", "missing key");
  d = only_error(head + "[rural, suburb]\n");
  EXPECT_DIAG(d, "s.yaml", 4, 13, "world.raster.legend", "wrong type");
  d = only_error(head + "{2.5: rural}\n");
  EXPECT_DIAG(d, "s.yaml", 4, 14, "world.raster.legend", "wrong type");
}

TEST(RasterScenario, LegendReplacesTheDefault) {
  const Scenario s = load_ok("world: {raster: {path: m.csv, legend: {10: fringe, 20: rural}}}");
  EXPECT_EQ(s.world.raster.legend,
            (std::map<std::int32_t, Zone>{{10, Zone::fringe}, {20, Zone::rural}}));
}

TEST(RasterScenario, ResolvedYamlRoundTrips) {
  const auto dir = scratch_dir();
  write_file(dir / "m.csv", "10,20\n20,10\n");
  const Scenario s =
      load_in(dir, raster_scenario("m.csv", "    legend: {10: fringe, 20: urban_core}\n"));
  const std::string yaml = resolved_yaml(s);
  EXPECT_NE(yaml.find("    path: \"" + (dir / "m.csv").string() + "\"\n"), std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("    format: csv\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("    legend: {10: fringe, 20: urban_core}\n"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("generator:"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("width:"), std::string::npos) << yaml;
  // Read back from elsewhere, it names the same file and builds the same map.
  const Scenario again = load_scenario_text(yaml, "elsewhere/resolved.yaml");
  EXPECT_EQ(again.world.raster.path, s.world.raster.path);
  EXPECT_EQ(again.world.raster.legend, s.world.raster.legend);
  EXPECT_EQ(build_world(again).grid.zone, build_world(s).grid.zone);
  const auto body = [](const std::string& y) { return y.substr(y.find("\n\n")); };  // no header
  EXPECT_EQ(body(resolved_yaml(again)), body(yaml));
}

TEST(RasterScenario, ExampleScenariosBuild) {
  const Scenario drawn = load_scenario(kRoot + "/scenarios/raster-district.yaml");
  const World w = build_world(drawn);
  EXPECT_EQ(w.grid.width, 60);
  EXPECT_EQ(w.grid.height, 40);
  std::array<int, kZoneCount> cells{};
  for (auto z : w.grid.zone) ++cells[static_cast<std::size_t>(z)];
  for (std::size_t z = 0; z < kZoneCount; ++z) EXPECT_GT(cells[z], 0) << kZoneNames[z];
  EXPECT_EQ(w.households.size_alive(), static_cast<std::size_t>(drawn.population.households));

  const Scenario poly = load_scenario(kRoot + "/scenarios/polycentric.yaml");
  ASSERT_EQ(poly.world.generator.kind, MapKind::polycentric);
  const World p = build_world(poly);
  for (const auto& c : poly.world.generator.centres)
    EXPECT_EQ(p.grid.zone[p.grid.index(c.at.x, c.at.y)], Zone::urban_core);
}

TEST(RasterScenario, ExampleScenariosPassZhiliValidate) {
  for (const char* name : {"raster-district.yaml", "polycentric.yaml"}) {
    const auto r = testing::run_zhili({"validate", kRoot + "/scenarios/" + name});
    EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.err;
    EXPECT_EQ(r.out.rfind("ok\n", 0), 0u) << r.out;
  }
}

TEST(RasterScenario, ZhiliValidateReportsRasterErrors) {
  const auto dir = scratch_dir();
  write_file(dir / "m.csv", "0,1\n0,x\n");
  const std::string scenario = write_file(dir / "s.yaml", raster_scenario("m.csv"));
  const auto r = testing::run_zhili({"validate", scenario});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find((dir / "m.csv").string() + ":2:3: error: world.raster: not an integer "
                                                   "(found x at cell [1, 1]"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace zhili
