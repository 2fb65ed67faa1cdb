// The sweep panel's effect plot and point picking on a real sweep: a small
// factorial sweep of tests/data/small.yaml made here (3 x 2 points, 2
// replicates, a few steps), analysed by `zhili analyze`, which draws the
// effect figure; the panel's effect plot under Xvfb with its lines and bands;
// and the runs a picked point opens (manifest -> result files). The
// screenshots skip without xvfb-run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/xvfb_run.hpp"
#include "data/colour.hpp"
#include "data/png.hpp"
#include "data/run.hpp"
#include "data/sweep_data.hpp"
#include "fixture.hpp"
#include "process.hpp"

namespace zhili::view {

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// openness 3 values x relocation on and off, 2 replicates: 12 runs of 4 steps,
// in a folder of its own per test (ctest may run them at once).
std::string make_sweep(const std::string& name, bool summary_only) {
  const fs::path dir = fs::path(test::fixture_dir()) / name;
  const fs::path out = dir / "out";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "sweep.yaml") << "base: " << ZHILI_SOURCE_DIR << "/tests/data/small.yaml\n"
                                    << "overrides: [run.steps=4, population.households=2000]\n"
                                       "factors:\n"
                                       "  policy.hukou.openness: [0.1, 0.5, 0.9]\n"
                                       "  relocation.enabled: [true, false]\n"
                                       "replicates: 2\n"
                                       "seed: 3\n"
                                       "outcomes: [migrant_share, content_share]\n";
  std::vector<std::string> args = {ZHILI_EXE, "sweep", (dir / "sweep.yaml").string(), "-o", out.string(),
                                   "--jobs", "2", "--quiet"};
  if (summary_only) args.push_back("--summary-only");
  const auto r = test::run_program(args);
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  return out.string();
}

bool have_xvfb() { return fs::exists(ZHILI_XVFB_RUN); }

// The viewer's command under xvfb-run, on a display of its own.
std::vector<std::string> under_xvfb(const std::vector<std::string>& command) {
  std::vector<std::string> full = xvfb_run_prefix(ZHILI_XVFB_RUN);
  full.insert(full.end(), command.begin(), command.end());
  return full;
}

// The most common colour: the panel's background.
std::uint32_t background(const Image& img) {
  std::map<std::uint32_t, int> n;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) ++n[img.pixel(x, y)];
  std::uint32_t best = 0;
  int most = -1;
  for (const auto& [c, k] : n)
    if (k > most) {
      best = c;
      most = k;
    }
  return best;
}

// `c` drawn at `alpha` over `bg`, as a packed colour.
std::uint32_t blend(std::uint32_t bg, Rgba c, int alpha) {
  const int f[3] = {c.r, c.g, c.b};
  std::uint32_t out = 0xff000000u;
  for (int k = 0; k < 3; ++k) {
    const int b = static_cast<int>(bg >> (8 * k) & 0xff);
    out |= static_cast<std::uint32_t>(b + (f[k] - b) * alpha / 255) << (8 * k);
  }
  return out;
}

int count_colour(const Image& img, std::uint32_t c) {
  int n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) n += img.pixel(x, y) == c;
  return n;
}

// Pixels of `c` drawn at `alpha` over `bg` (the band's colour), within 3 per
// channel.
int count_blend(const Image& img, Rgba c, int alpha, std::uint32_t bg) {
  const int b[3] = {static_cast<int>(bg & 0xff), static_cast<int>(bg >> 8 & 0xff), static_cast<int>(bg >> 16 & 0xff)};
  const int f[3] = {c.r, c.g, c.b};
  int want[3];
  for (int k = 0; k < 3; ++k) want[k] = b[k] + (f[k] - b[k]) * alpha / 255;
  int n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const std::uint32_t p = img.pixel(x, y);
      bool near = true;
      for (int k = 0; k < 3; ++k) near = near && std::abs(static_cast<int>(p >> (8 * k) & 0xff) - want[k]) <= 3;
      n += near;
    }
  return n;
}

}  // namespace

TEST(SweepEffect, AnalyzeDrawsTheEffectFigureAndTheViewerItsLinesAndBands) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found (Debian packages xvfb, xauth)";
  const std::string out = make_sweep("sweep_effect_plot", false);
  // DISPLAY unset: zhili analyze starts the viewer under xvfb-run itself.
  const auto a = test::run_program({"/usr/bin/env", "-u", "DISPLAY", ZHILI_EXE, "analyze", out, "--rank",
                                    "migrant_share", "--viewer", ZHILI_VIEW_EXE});
  ASSERT_EQ(a.exit_code, 0) << a.err << a.out;
  const fs::path analysis = fs::path(out) / "analysis";
  const Image fig = read_png((analysis / "effect.png").string());
  EXPECT_EQ(fig.width, 1200);
  EXPECT_EQ(fig.height, 720);
  const std::string report = read(analysis / "report.md");
  EXPECT_NE(report.find("](effect.png)"), std::string::npos) << report;
  EXPECT_NE(report.find("migrant_share:mean against policy.hukou.openness"), std::string::npos) << report;
  EXPECT_NE(report.find("one line per combination of the other factors"), std::string::npos) << report;

  // The same plot from the viewer: openness on a numeric axis, a line for
  // relocation on and off in the first two category colours, each with its
  // band (where the second band lies over the first, a blend of both).
  const std::string png = (analysis / "effect_view.png").string();
  const auto v = test::run_program(under_xvfb({ZHILI_VIEW_EXE, "--sweep", out, "--plot", "effect",
                                    "--outcome", "migrant_share", "--factor", "policy.hukou.openness", "--size",
                                    "1000x640", "--screenshot", png}));
  ASSERT_EQ(v.exit_code, 0) << v.err << v.out;
  const Image img = read_png(png);
  EXPECT_EQ(img.width, 1000);
  const std::uint32_t bg = background(img);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_GT(count_colour(img, pack(category_colour(k))), 150) << "line and dots of line " << k;
    const std::uint32_t under = k == 0 ? bg : blend(bg, category_colour(0), 64);
    EXPECT_GT(count_blend(img, category_colour(k), 64, bg) + count_blend(img, category_colour(k), 64, under), 5000)
        << "band of line " << k;
  }
  EXPECT_LT(count_colour(img, pack(category_colour(2))), 10) << "only two lines";

  // Against relocation on and off, a listed (text) factor: categories, three
  // lines (one per openness) with error bars, no bands.
  const std::string cat = (analysis / "effect_categorical.png").string();
  const auto w = test::run_program(under_xvfb({ZHILI_VIEW_EXE, "--sweep", out, "--plot", "effect",
                                    "--outcome", "content_share", "--factor", "relocation.enabled", "--size",
                                    "1000x640", "--screenshot", cat}));
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const Image c = read_png(cat);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_GT(count_colour(c, pack(category_colour(k))), 50) << "line " << k;
  // (Anti-aliased line edges match the blend here and there; a band would
  // be thousands of pixels.)
  EXPECT_LT(count_blend(c, category_colour(0), 64, background(c)), 1500) << "no bands";
}

TEST(SweepEffect, UnknownFactorExits2) {
  const std::string out = make_sweep("sweep_effect_factor", true);
  ASSERT_EQ(test::run_program({ZHILI_EXE, "analyze", out, "--no-figures"}).exit_code, 0);
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--sweep", out, "--plot", "effect", "--factor", "policy.nope",
                                    "--screenshot", out + "/x.png"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--factor policy.nope: not a factor"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("policy.hukou.openness, relocation.enabled"), std::string::npos) << r.err;
}

TEST(SweepEffect, PickedPointFindsItsRunFiles) {
  const std::string out = make_sweep("sweep_effect_pick", false);
  const auto manifest = read_manifest(out);
  ASSERT_EQ(manifest.size(), 12u);
  // Point 3 (openness 0.5, relocation off): runs 6 and 7, both with a file that opens.
  const PointRuns p = runs_of_point(out, manifest, 3);
  EXPECT_EQ(p.message, "");
  ASSERT_EQ(p.files.size(), 2u);
  EXPECT_EQ(fs::path(p.files[0]).filename(), "run-00006.h5");
  EXPECT_EQ(fs::path(p.files[1]).filename(), "run-00007.h5");
  for (const auto& f : p.files) {
    const RunData run(f);
    EXPECT_EQ(run.rows(), 4) << f;
  }
  // --summary-only: no files, and a message that says why.
  const std::string rows = make_sweep("sweep_effect_pick_rows", true);
  const PointRuns s = runs_of_point(rows, read_manifest(rows), 3);
  EXPECT_TRUE(s.files.empty());
  EXPECT_NE(s.message.find("--summary-only"), std::string::npos) << s.message;
}

}  // namespace zhili::view
