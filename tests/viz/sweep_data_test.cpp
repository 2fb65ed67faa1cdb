// The sweep panel's data: the tables of `zhili analyze` read back into the
// series the panel draws (viz/data/sweep_data.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "data/sweep_data.hpp"

namespace zhili::view {

namespace {

namespace fs = std::filesystem;

std::string sweep_dir(const std::string& name) {
  const auto d = fs::temp_directory_path() / "zhili_sweep_data_test" / name;
  fs::remove_all(d);
  fs::create_directories(d / "analysis");
  return d.string();
}

void write(const std::string& dir, const std::string& file, const std::string& text) {
  std::ofstream(fs::path(dir) / "analysis" / file) << text;
}

}  // namespace

TEST(SweepData, ReadsEffectsSobolAndPareto) {
  const std::string dir = sweep_dir("ok");
  write(dir, "points.csv",
        "point,policy.x,outcome,n,mean,sd,ci_lo,ci_hi\n"
        "0,0.1,coverage:mean,2,0.5,0.1,0.4,0.6\n"
        "0,0.1,service_cost:mean,2,1,0,1,1\n"
        "1,0.9,coverage:mean,2,0.8,0.1,0.7,0.9\n"
        "1,0.9,service_cost:mean,2,2,0,2,2\n"
        "2,0.5,coverage:mean,1,NaN,NaN,NaN,NaN\n"
        "2,0.5,service_cost:mean,1,3,NaN,NaN,NaN\n");
  write(dir, "sobol.csv",
        "outcome,factor,n,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n"
        "coverage:mean,policy.x,8,0.7,0.6,0.8,0.75,0.7,0.8\n");
  write(dir, "pareto.csv",
        "point,policy.x,service_cost:mean,coverage:mean,front\n"
        "0,0.1,1,0.5,1\n"
        "1,0.9,2,0.8,1\n"
        "2,0.5,3,NaN,0\n");
  const SweepAnalysis a(dir);
  EXPECT_EQ(a.outcomes(), (std::vector<std::string>{"coverage:mean", "service_cost:mean"}));
  EXPECT_EQ(a.find_outcome("coverage"), "coverage:mean");
  EXPECT_EQ(a.find_outcome("conflict_rate"), "");

  const auto e = a.effects("coverage:mean");  // highest first, NaN last
  EXPECT_EQ(e.point, (std::vector<int>{1, 0, 2}));
  EXPECT_EQ(e.lo[0], 0.7);
  EXPECT_EQ(e.label[0], "policy.x = 0.9");
  EXPECT_TRUE(std::isnan(e.mean[2]));

  ASSERT_TRUE(a.has_sobol());
  const auto s = a.sobol("coverage:mean");
  ASSERT_EQ(s.factors, (std::vector<std::string>{"policy.x"}));
  EXPECT_EQ(s.st_hi[0], 0.8);
  EXPECT_TRUE(a.sobol("service_cost:mean").factors.empty());

  ASSERT_TRUE(a.has_pareto());
  const auto& p = a.pareto();  // the factor column is not taken for an objective
  EXPECT_EQ(p.x_name, "service_cost:mean");
  EXPECT_EQ(p.y_name, "coverage:mean");
  EXPECT_EQ(p.front, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(p.x[1], 2.0);
}

TEST(SweepData, MissingOrBadTablesSayWhich) {
  const std::string dir = sweep_dir("bad");
  try {
    SweepAnalysis a(dir);
    FAIL() << "no points.csv should throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("points.csv"), std::string::npos) << e.what();
  }
  write(dir, "points.csv", "point,outcome,n,mean,sd,ci_lo,ci_hi\n0,x:mean,1,abc,0,0,0\n");
  try {
    SweepAnalysis a(dir);
    FAIL() << "a bad number should throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("points.csv:2:12: error: not a number (found 'abc')"), std::string::npos)
        << e.what();
  }
}

namespace {

// A 3 x 2 factorial: openness numeric (written out of order, as a grid need
// not be sorted), mode a listed text value; point 4 has no mean.
const char* kGrid =
    "point,policy.openness,policy.mode,outcome,n,mean,sd,ci_lo,ci_hi\n"
    "0,0.9,strict,y:mean,2,3,1,2,4\n"
    "1,0.9,loose,y:mean,2,4,1,3,5\n"
    "2,0.1,strict,y:mean,2,1,1,0,2\n"
    "3,0.1,loose,y:mean,2,2,1,1,3\n"
    "4,0.5,strict,y:mean,2,NaN,NaN,NaN,NaN\n"
    "5,0.5,loose,y:mean,1,2.5,NaN,NaN,NaN\n";

}  // namespace

TEST(SweepData, EffectOfANumericFactorHasALinePerOtherCombination) {
  const std::string dir = sweep_dir("effect_grid");
  write(dir, "points.csv", kGrid);
  const SweepAnalysis a(dir);
  EXPECT_EQ(a.factors(), (std::vector<std::string>{"policy.openness", "policy.mode"}));
  EXPECT_EQ(a.design_kind(), "");  // no design.csv: the grid says it is one
  const EffectPlot p = a.effect("y:mean", "policy.openness");
  EXPECT_TRUE(p.numeric);
  EXPECT_TRUE(p.categories.empty());
  EXPECT_TRUE(p.joined);
  ASSERT_EQ(p.lines.size(), 2u);  // in design order of first appearance
  EXPECT_EQ(p.lines[0].label, "policy.mode = strict");
  EXPECT_EQ(p.lines[1].label, "policy.mode = loose");
  // Sorted by the factor's value, which is the x position.
  EXPECT_EQ(p.lines[0].x, (std::vector<double>{0.1, 0.5, 0.9}));
  EXPECT_EQ(p.lines[0].point, (std::vector<int>{2, 4, 0}));
  EXPECT_EQ(p.lines[1].point, (std::vector<int>{3, 5, 1}));
  // A point without a mean stays in its line as NaN (the panel breaks the line there).
  EXPECT_TRUE(std::isnan(p.lines[0].mean[1]));
  EXPECT_EQ(p.lines[1].mean[1], 2.5);
  EXPECT_TRUE(std::isnan(p.lines[1].lo[1]));  // one replicate: no interval
  EXPECT_EQ(p.lines[1].hi[2], 5.0);
}

TEST(SweepData, EffectOfAListedFactorIsCategorical) {
  const std::string dir = sweep_dir("effect_categorical");
  write(dir, "points.csv", kGrid);
  const EffectPlot p = SweepAnalysis(dir).effect("y:mean", "policy.mode");
  EXPECT_FALSE(p.numeric);
  EXPECT_EQ(p.categories, (std::vector<std::string>{"strict", "loose"}));  // design order
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(p.lines[0].label, "policy.openness = 0.9");
  EXPECT_EQ(p.lines[0].x, (std::vector<double>{0, 1}));  // category positions
  EXPECT_EQ(p.lines[0].mean, (std::vector<double>{3, 4}));
  EXPECT_EQ(p.lines[2].label, "policy.openness = 0.5");
}

TEST(SweepData, SampledDesignsGiveUnjoinedPoints) {
  // Latin hypercube points: design.csv says so; no lines, one series.
  const std::string dir = sweep_dir("effect_lhs");
  write(dir, "points.csv",
        "point,a,b,outcome,n,mean,sd,ci_lo,ci_hi\n"
        "0,0.3,7,y:mean,2,1,0,1,1\n"
        "1,0.1,2,y:mean,2,2,0,2,2\n"
        "2,0.7,5,y:mean,2,3,0,3,3\n");
  std::ofstream(fs::path(dir) / "design.csv") << "point,design,block,row,a,b\n0,latin_hypercube,,0,0.3,7\n"
                                                 "1,latin_hypercube,,1,0.1,2\n2,latin_hypercube,,2,0.7,5\n";
  const SweepAnalysis a(dir);
  EXPECT_EQ(a.design_kind(), "latin_hypercube");
  const EffectPlot p = a.effect("y:mean", "a");
  EXPECT_FALSE(p.joined);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(p.lines[0].label, "");
  EXPECT_EQ(p.lines[0].x, (std::vector<double>{0.1, 0.3, 0.7}));
  EXPECT_EQ(p.lines[0].point, (std::vector<int>{1, 0, 2}));
  // Without design.csv the same points are no grid either.
  fs::remove(fs::path(dir) / "design.csv");
  EXPECT_FALSE(SweepAnalysis(dir).effect("y:mean", "b").joined);
  // An unknown factor or outcome: nothing to draw.
  EXPECT_TRUE(SweepAnalysis(dir).effect("y:mean", "c").lines.empty());
  EXPECT_TRUE(SweepAnalysis(dir).effect("z:mean", "a").lines.empty());
}

TEST(SweepData, PickedPointOpensItsRunFiles) {
  const auto dir = fs::temp_directory_path() / "zhili_sweep_data_test" / "manifest";
  fs::remove_all(dir);
  fs::create_directories(dir / "runs");
  std::ofstream(dir / "manifest.csv") << "run,point,replicate,seed,policy.x,status,file\n"
                                         "0,0,0,11,0.1,finished,runs/run-00000.h5\n"
                                         "1,0,1,12,0.1,finished,runs/run-00001.h5\n"
                                         "2,1,0,13,0.9,finished,runs/run-00002.h5\n"
                                         "3,1,1,14,0.9,failed,runs/run-00003.h5\n";
  for (const char* f : {"run-00000.h5", "run-00001.h5", "run-00002.h5"}) std::ofstream(dir / "runs" / f) << "x";
  const auto manifest = read_manifest(dir.string());
  ASSERT_EQ(manifest.size(), 4u);
  EXPECT_EQ(manifest[3].point, 1);
  EXPECT_EQ(manifest[3].status, "failed");

  const PointRuns p0 = runs_of_point(dir.string(), manifest, 0);
  EXPECT_EQ(p0.files, (std::vector<std::string>{(dir / "runs/run-00000.h5").string(),
                                                (dir / "runs/run-00001.h5").string()}));
  EXPECT_EQ(p0.message, "");
  const PointRuns p1 = runs_of_point(dir.string(), manifest, 1);  // the failed run has no file
  EXPECT_EQ(p1.files, (std::vector<std::string>{(dir / "runs/run-00002.h5").string()}));
  EXPECT_NE(p1.message.find("runs/run-00003.h5 (failed)"), std::string::npos) << p1.message;
  EXPECT_NE(runs_of_point(dir.string(), manifest, 7).message.find("not in"), std::string::npos);

  // --summary-only: rows, no result files, and the panel says so.
  std::ofstream(dir / "manifest.csv") << "run,point,replicate,seed,policy.x,status,file\n"
                                         "0,0,0,11,0.1,finished,rows/run-00000.csv\n";
  const PointRuns s = runs_of_point(dir.string(), read_manifest(dir.string()), 0);
  EXPECT_TRUE(s.files.empty());
  EXPECT_NE(s.message.find("--summary-only"), std::string::npos) << s.message;

  fs::remove(dir / "manifest.csv");
  try {
    (void)read_manifest(dir.string());
    FAIL() << "no manifest.csv should throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("manifest.csv"), std::string::npos) << e.what();
  }
}

}  // namespace zhili::view
