// zhili-view as a user meets it: --help, errors and exit codes, and the
// headless screenshot mode under Xvfb on real runs of tests/data/small.yaml.
// The screenshot tests skip (with a message) when xvfb-run is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/xvfb_run.hpp"
#include "data/apng.hpp"
#include "data/colour.hpp"
#include "data/png.hpp"
#include "fixture.hpp"
#include "process.hpp"

namespace zhili::view {

namespace {

const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";

std::string tmp(const std::string& name) { return test::fixture_dir() + "/" + name; }

// A real run of the small scenario (12 steps: two map snapshots).
std::string make_run(const std::string& name, const std::string& openness) {
  const std::string path = tmp(name + ".h5");
  const auto r = test::run_program({ZHILI_EXE, "run", kSmall, "-o", path, "--steps", "12", "--threads", "1",
                                    "--quiet", "--set", "policy.hukou.openness=" + openness, "--set",
                                    "run.name=" + name});
  EXPECT_EQ(r.exit_code, 0) << "zhili run " << kSmall << " failed, so this viewer test has no run to show: "
                            << r.err;
  return path;
}

bool have_xvfb() { return std::filesystem::exists(ZHILI_XVFB_RUN); }

// zhili-view under xvfb-run, on a display of its own (tests run in parallel).
test::Result view(std::vector<std::string> args) {
  std::vector<std::string> full = xvfb_run_prefix(ZHILI_XVFB_RUN);
  full.push_back(ZHILI_VIEW_EXE);
  args.insert(args.begin(), full.begin(), full.end());
  return test::run_program(args);
}

#define REQUIRE_XVFB()                                                                             \
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found (Debian packages xvfb, xauth): screenshot " \
                                    "tests skipped"

struct Box {
  int x0, y0, x1, y1;  // fractions of the image, in percent
};

std::set<std::uint32_t> colours_in(const Image& img, Box b) {
  std::set<std::uint32_t> seen;
  for (int y = img.height * b.y0 / 100; y < img.height * b.y1 / 100; ++y)
    for (int x = img.width * b.x0 / 100; x < img.width * b.x1 / 100; ++x) seen.insert(img.pixel(x, y));
  return seen;
}

int count_colour(const Image& img, Rgba c) {
  int n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) n += img.pixel(x, y) == pack(c);
  return n;
}

}  // namespace

TEST(ViewerCli, HelpNeedsNoDisplay) {
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--screenshot", "--time", "--panel", "--size", "Exit codes"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

// --animate: an animated PNG of the map over a range of dates, one frame an
// instant with the date burnt in, read back whole ("played once").
TEST(Screenshot, AnimationOfTheMapOverARangeOfDates) {
  REQUIRE_XVFB();
  const std::string run = make_run("animated", "0.5");
  const std::string out = tmp("animated.png");
  std::filesystem::remove(out);
  const auto r = view({"--animate", "2015-03:2015-08", "--panel-only", "--size", "800x600", "--fps", "2",
                       "--screenshot", out, run});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("6 frames"), std::string::npos) << r.out;
  const Apng a = read_apng(out);
  EXPECT_EQ(a.frames, 6);
  ASSERT_EQ(a.images.size(), 6u);
  EXPECT_EQ(a.dates, (std::vector<std::string>{"2015-03-01", "2015-04-01", "2015-05-01", "2015-06-01", "2015-07-01",
                                               "2015-08-01"}));
  EXPECT_DOUBLE_EQ(a.delays.front(), 0.5);
  EXPECT_LT(a.width, 800);  // the panel alone
  EXPECT_GT(a.width, 400);
  // Each frame differs from the last: at least the date written over it.
  for (std::size_t k = 1; k < a.images.size(); ++k) EXPECT_NE(a.images[k].rgba, a.images[k - 1].rgba) << k;
  // Errors: dates out of order, outside the run, or without --screenshot.
  EXPECT_EQ(view({"--animate", "2015-08:2015-03", "--screenshot", out, run}).exit_code, 2);
  EXPECT_EQ(view({"--animate", "2030-01:2031-01", "--screenshot", out, run}).exit_code, 2);
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--animate", "2015-03:2015-08", run}).exit_code, 2);
}

TEST(ViewerCli, UsageErrorsExitWith2) {
  const std::string run = test::write_fixture("cli_usage");
  const std::string png = tmp("usage.png");
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--screenshot", png}).exit_code, 2);  // no run
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--screenshot", png, "--time", "June", run}).exit_code, 2);
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--screenshot", png, "--size", "big", run}).exit_code, 2);
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--screenshot", png, "--panel", "radar", run}).exit_code, 2);
}

TEST(ViewerCli, UnreadableRunExitsWith3NamingIt) {
  const std::string bad = tmp("not_a_run.h5");
  std::ofstream(bad) << "not HDF5\n";
  // Files are opened before any window, so this needs no display.
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--screenshot", tmp("bad.png"), bad});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  const auto missing = test::run_program({ZHILI_VIEW_EXE, "--screenshot", tmp("bad.png"), "/nonexistent/run.h5"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("/nonexistent/run.h5"), std::string::npos) << missing.err;
}

TEST(ViewerCli, CsvOfAnObservableNeedsNoDisplay) {
  const std::string run = test::write_fixture("cli_csv");
  const std::string csv = tmp("cli.csv");
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--csv", csv, "--observable", "population_by_zone", run});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "date,fixture:core,fixture:fringe");
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--csv", csv, "--observable", "nothing", run}).exit_code, 2);
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--csv", csv, run}).exit_code, 2);  // which observable?
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--csv", "/nonexistent/x.csv", "--observable", "population", run})
                .exit_code,
            3);
}

// --panel takes the panel names only: not the numbers behind them, and a
// typo is answered with the names (not CLI11's mapping table). The --csv runs
// below exit before any window, so none of this needs a display.
TEST(ViewerCli, PanelTakesNamesOnly) {
  const std::string run = test::write_fixture("cli_panel");
  const std::string csv = tmp("cli_panel.csv");
  const auto number =
      test::run_program({ZHILI_VIEW_EXE, "--csv", csv, "--observable", "population", "--panel", "1", run});
  EXPECT_EQ(number.exit_code, 2) << number.err;
  EXPECT_NE(number.err.find("--panel: '1' is not one of map, charts, compare, runs, sweep"), std::string::npos)
      << number.err;
  const auto typo = test::run_program({ZHILI_VIEW_EXE, "--screenshot", tmp("cli_panel.png"), "--panel", "mapp", run});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("--panel: 'mapp' is not one of map, charts, compare, runs, sweep"), std::string::npos)
      << typo.err;
  EXPECT_EQ(typo.err.find("->"), std::string::npos) << typo.err;
  // Names in any case, as before.
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--csv", csv, "--observable", "population", "--panel", "Charts", run})
                .exit_code,
            0);
}

// --map and --observable name what the panels show first. A name no run has
// used to show the first field or observable silently; now it is an error,
// found before any window (no display needed), that lists what the runs have.
TEST(ViewerCli, MapFieldNoRunHasExitsWith2ListingTheFields) {
  const std::string run = test::write_fixture("cli_map");
  const std::string png = tmp("cli_map.png");
  std::filesystem::remove(png);
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--screenshot", png, "--map", "bogus_field", run});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--map: no run has a map field 'bogus_field' (they have: density, zone)"), std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(png));
  // A field one of the runs has is enough (`density` is the fixture's, not
  // the small scenario's).
  const std::string csv = tmp("cli_map.csv");
  const std::string small = make_run("cli_map_small", "0.2");
  const auto some =
      test::run_program({ZHILI_VIEW_EXE, "--csv", csv, "--observable", "population", "--map", "density", small, run});
  EXPECT_EQ(some.exit_code, 0) << some.err;
}

TEST(ViewerCli, ObservableNoRunHasExitsWith2ListingThem) {
  const std::string run = test::write_fixture("cli_observable");
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--screenshot", tmp("cli_observable.png"), "--panel", "charts",
                                    "--observable", "bogus_obs", run});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--observable: no run has an observable 'bogus_obs' (they have: "), std::string::npos) << r.err;
  for (const char* name : {"population", "migrant_share", "population_by_zone"})
    EXPECT_NE(r.err.find(name), std::string::npos) << name << " not listed: " << r.err;
  // --csv --observable reports it the same way.
  const auto csv =
      test::run_program({ZHILI_VIEW_EXE, "--csv", tmp("cli_observable.csv"), "--observable", "bogus_obs", run});
  EXPECT_EQ(csv.exit_code, 2);
  EXPECT_NE(csv.err.find("no run has an observable 'bogus_obs' (they have: "), std::string::npos) << csv.err;
}

// --time outside the runs' span used to show their first or last instant as
// if it were the date asked for (docs/VIEWER.md promises no clamping): an
// error naming the span. The span is all runs' together, ends included.
TEST(ViewerCli, TimeOutsideTheRunsExitsWith2GivingTheSpan) {
  const std::string a = test::write_fixture("cli_time_a");  // monthly from 2015-01-01, 24 steps
  const std::string png = tmp("cli_time.png");
  for (const char* outside : {"2099-06", "1990-01", "2014-12-31", "2016-12-02"}) {
    const auto r = test::run_program({ZHILI_VIEW_EXE, "--screenshot", png, "--time", outside, a});
    EXPECT_EQ(r.exit_code, 2) << outside;
    const std::string said = std::string("--time: '") + outside + "' is outside the runs, which span ";
    EXPECT_NE(r.err.find(said + "2015-01-01 to 2016-12-01"), std::string::npos) << r.err;
  }
  test::FixtureSpec later;
  later.start = {2020, 1, 1};
  later.steps = 12;
  const std::string b = test::write_fixture("cli_time_b", later);
  const std::string csv = tmp("cli_time.csv");
  const auto at = [&](const std::string& time) {
    return test::run_program({ZHILI_VIEW_EXE, "--csv", csv, "--observable", "population", "--time", time, a, b});
  };
  for (const char* inside : {"2015-01", "2018-06", "2020-12-01"}) EXPECT_EQ(at(inside).exit_code, 0) << inside;
  const auto after = at("2021-01");
  EXPECT_EQ(after.exit_code, 2);
  EXPECT_NE(after.err.find("which span 2015-01-01 to 2020-12-01"), std::string::npos) << after.err;
}

TEST(Screenshot, FrameTimeBenchmarkReportsFramesPerSecond) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("bench_frames");
  const auto r = view({"--bench-frames", "10", "--size", "640x480", run});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("frames: 10 at 640x480"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("frames/s"), std::string::npos) << r.out;
}

TEST(Screenshot, MapPanelHasTheSizeAndManyColours) {
  REQUIRE_XVFB();
  const std::string run = make_run("shot_map", "0.2");
  const std::string png = tmp("shot_map.png");
  std::filesystem::remove(png);
  const auto r = view({"--screenshot", png, "--size", "900x640", "--panel", "map", "--map", "households", run});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Image img = read_png(png);
  EXPECT_EQ(img.width, 900);
  EXPECT_EQ(img.height, 640);
  EXPECT_GT(colours_in(img, {0, 0, 100, 100}).size(), 50u) << "blank or nearly blank picture";
  // The map fills the middle of the window: a 60 x 50 grid of households in
  // many shades of the colour map.
  EXPECT_GT(colours_in(img, {35, 30, 65, 70}).size(), 25u);
}

TEST(Screenshot, ChartsPanelDrawsEveryRunInItsColour) {
  REQUIRE_XVFB();
  const std::string a = make_run("shot_chart_a", "0.2"), b = make_run("shot_chart_b", "0.9");
  const std::string png = tmp("shot_charts.png");
  const auto r = view({"--screenshot", png, "--size", "1000x700", "--panel", "charts", "--observable", "population",
                       "--time", "2015-06", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Image img = read_png(png);
  // Lines (and legend swatches) in the first two category colours.
  EXPECT_GT(count_colour(img, category_colour(0)), 40);
  EXPECT_GT(count_colour(img, category_colour(1)), 40);
}

TEST(Screenshot, ComparePanelShowsBothRunsAndTheirDifference) {
  REQUIRE_XVFB();
  const std::string a = make_run("shot_cmp_a", "0.1"), b = make_run("shot_cmp_b", "0.9");
  const std::string png = tmp("shot_compare.png");
  const auto r = view({"--screenshot", png, "--size", "1200x800", "--panel", "compare", "--map", "households", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Image img = read_png(png);
  // Three maps side by side in the upper half: run A, run B, difference.
  const Box left{5, 20, 28, 45}, middle{38, 20, 61, 45}, right{72, 20, 95, 45};
  EXPECT_GT(colours_in(img, left).size(), 15u);
  EXPECT_GT(colours_in(img, middle).size(), 15u);
  // The difference map uses the diverging scale: reddish and bluish cells.
  int red = 0, blue = 0;
  for (std::uint32_t p : colours_in(img, right)) {
    const int cr = static_cast<int>(p & 0xff), cb = static_cast<int>((p >> 16) & 0xff);
    red += cr > cb + 30;
    blue += cb > cr + 30;
  }
  EXPECT_GT(red, 3);
  EXPECT_GT(blue, 3);
}

TEST(Screenshot, ChineseInterfaceRenders) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("shot_zh");
  const std::string en = tmp("shot_en.png"), zh = tmp("shot_zh.png");
  ASSERT_EQ(view({"--screenshot", en, "--size", "800x600", run}).exit_code, 0);
  const auto r = view({"--screenshot", zh, "--size", "800x600", "--lang", "zh", run});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("font not found"), std::string::npos) << r.err;
  // The tab bar holds different text in the two languages.
  const Image a = read_png(en), b = read_png(zh);
  EXPECT_NE(colours_in(a, {0, 0, 30, 8}), colours_in(b, {0, 0, 30, 8}));
}

// --hover places the pointer: the map's cell tooltip and the chart's read-out
// appear next to it, changing the picture there.
TEST(Screenshot, HoverShowsTooltips) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("shot_hover");
  for (const char* panel : {"map", "charts"}) {
    const std::string plain = tmp(std::string("hover_none_") + panel + ".png");
    const std::string hovered = tmp(std::string("hover_") + panel + ".png");
    ASSERT_EQ(view({"--screenshot", plain, "--size", "800x600", "--panel", panel, run}).exit_code, 0);
    const auto r = view({"--screenshot", hovered, "--size", "800x600", "--panel", panel, "--hover", "400,300", run});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Image a = read_png(plain), b = read_png(hovered);
    int changed = 0;
    for (int y = 300; y < 380; ++y)
      for (int x = 400; x < 560; ++x) changed += a.pixel(x, y) != b.pixel(x, y);
    EXPECT_GT(changed, 500) << panel << ": no tooltip next to the pointer";
  }
  EXPECT_EQ(view({"--screenshot", tmp("hover_bad.png"), "--hover", "middle", run}).exit_code, 2);
}

TEST(Screenshot, StackedBreakdownFillsBands) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("shot_stacked");
  const std::string lines = tmp("stack_lines.png"), bands = tmp("stack_bands.png");
  for (const auto& [png, extra] : {std::pair{lines, ""}, std::pair{bands, "--stacked"}}) {
    std::vector<std::string> args{"--screenshot", png, "--size", "800x600", "--panel", "charts", "--observable",
                                  "population_by_zone"};
    if (*extra) args.push_back(extra);
    args.push_back(run);
    ASSERT_EQ(view(args).exit_code, 0);
  }
  const Image a = read_png(lines), b = read_png(bands);
  // The plot area (middle of the window) is mostly background with lines and
  // mostly filled bands when stacked.
  int changed = 0, total = 0;
  for (int y = 200; y < 450; ++y)
    for (int x = 300; x < 600; ++x, ++total) changed += a.pixel(x, y) != b.pixel(x, y);
  EXPECT_GT(changed, total / 4);
}

TEST(Screenshot, PanelOnlyCropsToThePanel) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("shot_panel_only");
  const std::string png = tmp("shot_panel_only.png");
  ASSERT_EQ(view({"--screenshot", png, "--size", "800x600", "--panel-only", run}).exit_code, 0);
  const Image img = read_png(png);
  // Narrower than the window by the margins, and without header, tabs and timeline.
  EXPECT_GT(img.width, 700);
  EXPECT_LT(img.width, 800);
  EXPECT_GT(img.height, 300);
  EXPECT_LT(img.height, 560);
}

TEST(Screenshot, RunBrowserListsAFolder) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("shot_browser");
  const std::string png = tmp("shot_runs.png");
  const auto r = view({"--screenshot", png, "--size", "900x500", "--panel", "runs", "--browse",
                       test::fixture_dir(), run});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_png(png).width, 900);
}

TEST(Screenshot, UnwritablePngExitsWith3) {
  REQUIRE_XVFB();
  const std::string run = test::write_fixture("shot_unwritable");
  const auto r = view({"--screenshot", "/nonexistent/dir/x.png", "--size", "640x480", run});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("/nonexistent/dir/x.png"), std::string::npos) << r.err;
}

// The prefix's Xvfb keeps its state when its last client leaves: it does not
// reset (-noreset), so it sends xvfb-run no second SIGUSR1, which in xvfb-run's
// exit handler turned a program's exit code into 5 (cli/xvfb_run.hpp). A root
// window property set by one client is still there for the next.
TEST(XvfbPrefix, TheServerDoesNotResetWhenItsLastClientLeaves) {
  REQUIRE_XVFB();
  if (!std::filesystem::exists("/usr/bin/xprop")) GTEST_SKIP() << "xprop not found (Debian package x11-utils)";
  std::vector<std::string> cmd = xvfb_run_prefix(ZHILI_XVFB_RUN);
  cmd.insert(cmd.end(), {"/bin/sh", "-c", "xprop -root -f ZHILI_MARK 8s -set ZHILI_MARK kept && xprop -root ZHILI_MARK"});
  const auto r = test::run_program(cmd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ZHILI_MARK(STRING) = \"kept\""), std::string::npos) << r.out;
}

}  // namespace zhili::view

namespace zhili::view {

// Live mode loads its scenario before any window, with `zhili run`'s
// messages: file:line:column and exit code 2.
TEST(ViewerCli, LiveWithABadScenarioExitsWith2AndSaysWhere) {
  const std::string bad = tmp("live_bad.yaml");
  std::ofstream(bad) << "run:\n  name: bad\n  steps: -3\n";
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--live", bad, "--screenshot", tmp("live_bad.png")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was run"), std::string::npos) << r.err;
  const auto override_error =
      test::run_program({ZHILI_VIEW_EXE, "--live", kSmall, "--set", "policy.hukou.openess=2", "--screenshot", "x.png"});
  EXPECT_EQ(override_error.exit_code, 2);
  EXPECT_NE(override_error.err.find("openness"), std::string::npos) << override_error.err;  // did you mean
  // --set and -o belong to --live.
  EXPECT_EQ(test::run_program({ZHILI_VIEW_EXE, "--set", "run.steps=2", test::write_fixture("live_cli")}).exit_code, 2);
}

// With --live the run's fields are known once it has steps: a headless live
// run checks --map then, before the screenshot.
TEST(Screenshot, LiveModeChecksTheMapFieldOnceTheRunHasSteps) {
  REQUIRE_XVFB();
  const std::string h5 = tmp("live_bad_map.h5"), png = tmp("live_bad_map.png");
  std::filesystem::remove(h5);
  std::filesystem::remove(png);
  const auto r = view({"--live", kSmall, "--set", "run.threads=1", "-o", h5, "--live-steps", "1", "--screenshot", png,
                       "--size", "640x480", "--map", "bogus_field"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--map: no run has a map field 'bogus_field' (they have: households, "), std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(png));
}

// --live with --live-steps: runs that many steps on the background thread,
// then renders the live column next to the map of the growing file, with
// the outlets of the services submodel as markers.
TEST(Screenshot, LiveModeRunsStepsThenRenders) {
  REQUIRE_XVFB();
  const std::string h5 = tmp("live_shot.h5"), png = tmp("live_shot.png");
  std::filesystem::remove(h5);
  const auto r = view({"--live", kSmall, "--set", "services.enabled=true", "--set", "run.threads=1", "-o", h5,
                       "--live-steps", "4", "--screenshot", png, "--size", "1200x800", "--map", "households"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The file is what `zhili run` writes, closed when the viewer exits.
  const auto info = test::run_program({ZHILI_EXE, "info", h5});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("steps:     4 of 36"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("interrupted"), std::string::npos) << info.out;
  const Image img = read_png(png);
  EXPECT_EQ(img.width, 1200);
  // The live column (left) holds the progress bar and lever sliders; the map
  // (right of it) many shades.
  EXPECT_GT(colours_in(img, {1, 5, 25, 90}).size(), 20u);
  EXPECT_GT(colours_in(img, {45, 30, 80, 70}).size(), 25u);
  // Outlet markers: street stations in orange, the district centre in red.
  EXPECT_GT(count_colour(img, Rgba{255, 150, 40, 255}) + count_colour(img, Rgba{235, 60, 60, 255}), 30);
}

// --present: the title and the row of headline cards above the panels. The
// cards' background is a colour of their own: many of its pixels with
// --present, hardly any without. Seven cards, from the default district's
// first 13 months (every submodel on); the Chinese title given on the
// command line renders.
TEST(Screenshot, PresentationLayoutShowsHeadlineCards) {
  REQUIRE_XVFB();
  const auto district = [](const std::string& name, const std::string& openness) {
    const std::string path = tmp(name + ".h5");
    const auto r = test::run_program({ZHILI_EXE, "run", std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml", "-o",
                                      path, "--steps", "13", "--quiet", "--set", "policy.hukou.openness=" + openness});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return path;
  };
  const std::string a = district("present_a", "0.2"), b = district("present_b", "0.8");
  const std::string on = tmp("present_on.png"), off = tmp("present_off.png");
  const auto r = view({"--screenshot", on, "--present", "--lang", "zh", "--title", "户籍开放度对比", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(view({"--screenshot", off, a, b}).exit_code, 0);
  const Rgba card{34, 36, 44, 255};
  const int with = count_colour(read_png(on), card), without = count_colour(read_png(off), card);
  EXPECT_GT(with, 7 * 150 * 60) << "seven cards of at least 150 x 60 pixels each";
  EXPECT_LT(without, 2000);
}

}  // namespace zhili::view
