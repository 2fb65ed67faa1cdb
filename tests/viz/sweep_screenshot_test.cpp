// The sweep panel under Xvfb, through `zhili analyze`, which draws its
// report's figures with it: the figures exist at the requested size, show the
// plots' colours, and the report links them. Skipped without xvfb-run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/colour.hpp"
#include "data/png.hpp"
#include "fixture.hpp"
#include "process.hpp"

namespace zhili::view {

namespace {

namespace fs = std::filesystem;

int count_colour(const Image& img, Rgba c) {
  int n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) n += img.pixel(x, y) == pack(c);
  return n;
}

// 4 points x 2 replicates; point means cost 1..4, coverage 0.5, 0.9, 0.4, 0.95:
// the front is points 0, 1 and 3.
const char* kSummary =
    "run,point,replicate,seed,policy.hukou.openness,service_cost:final,service_cost:mean,coverage:final,"
    "coverage:mean\n"
    "0,0,0,1,0.1,0,0.9,0,0.4\n1,0,1,2,0.1,0,1.1,0,0.6\n"
    "2,1,0,3,0.4,0,2,0,0.8\n3,1,1,4,0.4,0,2,0,1.0\n"
    "4,2,0,5,0.7,0,3,0,0.3\n5,2,1,6,0.7,0,3,0,0.5\n"
    "6,3,0,7,0.9,0,4,0,0.9\n7,3,1,8,0.9,0,4,0,1.0\n";

}  // namespace

TEST(SweepPanel, AnalyzeDrawsRankingAndParetoFigures) {
  if (!fs::exists(ZHILI_XVFB_RUN)) GTEST_SKIP() << "xvfb-run not found (Debian packages xvfb, xauth)";
  const fs::path dir = fs::path(test::fixture_dir()) / "sweep_panel";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "summary.csv") << kSummary;
  // DISPLAY unset: zhili analyze starts the viewer under xvfb-run itself.
  const auto r = test::run_program({"/usr/bin/env", "-u", "DISPLAY", ZHILI_EXE, "analyze", dir.string(),
                                    "--viewer", ZHILI_VIEW_EXE});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  for (const char* name : {"ranking.png", "pareto.png"}) {
    const Image img = read_png((dir / "analysis" / name).string());
    EXPECT_EQ(img.width, 1200) << name;
    EXPECT_EQ(img.height, 720) << name;
  }
  // Ranking dots in the first category colour; the front in the second.
  EXPECT_GT(count_colour(read_png((dir / "analysis" / "ranking.png").string()), category_colour(0)), 20);
  EXPECT_GT(count_colour(read_png((dir / "analysis" / "pareto.png").string()), category_colour(1)), 50);
  std::ifstream f(dir / "analysis" / "report.md");
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_NE(ss.str().find("](pareto.png)"), std::string::npos) << ss.str();
  EXPECT_EQ(ss.str().find("Figures skipped"), std::string::npos);
}

TEST(SweepPanel, UnanalysedFolderExits3) {
  const fs::path dir = fs::path(test::fixture_dir()) / "sweep_panel_empty";
  fs::create_directories(dir);
  const auto r = test::run_program({ZHILI_VIEW_EXE, "--sweep", dir.string(), "--screenshot", (dir / "x.png").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("points.csv"), std::string::npos) << r.err;
}

}  // namespace zhili::view
