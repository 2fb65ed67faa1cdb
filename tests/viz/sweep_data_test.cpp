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

}  // namespace zhili::view
