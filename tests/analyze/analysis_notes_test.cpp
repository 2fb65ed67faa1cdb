// What zhili analyze says about its own precision (analysis.cpp): a Saltelli
// design large enough gives indices near their true values and no note; the
// same response from a few rows is said to be too few to rank the factors.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"

namespace zhili::analyze {

namespace {

// A Saltelli design of the additive response y = x1 + 0.2 x2 on [0, 1]^2
// (S1 = ST = 1/1.04 and 0.04/1.04), each point run `replicates` times.
Analysis additive(int rows, int replicates) {
  std::uint64_t state = 12345;
  const auto uniform = [&state] {  // a fixed LCG: the same design every time
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  std::vector<std::array<double, 2>> a(static_cast<std::size_t>(rows)), b(a.size());
  for (auto& x : a) x = {uniform(), uniform()};
  for (auto& x : b) x = {uniform(), uniform()};
  Summary s;
  s.factors = {"x1", "x2"};
  s.outcomes = {"y"};
  DesignInfo d;
  d.kind = "saltelli";
  d.samples = rows;
  const auto add_point = [&](const std::array<double, 2>& x) {
    const double y = x[0] + 0.2 * x[1];
    std::vector<int> runs;
    for (int r = 0; r < replicates; ++r) {
      runs.push_back(static_cast<int>(s.runs.size()));
      s.runs.push_back({static_cast<int>(s.runs.size()), static_cast<int>(s.point_runs.size()), r, {y}});
    }
    s.point_runs.push_back(runs);
    s.point_values.push_back({std::to_string(x[0]), std::to_string(x[1])});
  };
  for (const auto& x : a) add_point(x);
  for (const auto& x : b) add_point(x);
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < a.size(); ++j) {
      auto x = a[j];
      x[i] = b[j][i];
      add_point(x);
    }
  AnalyzeOptions o;
  o.sobol.resamples = 200;
  return analyze_sweep(s, d, o);
}

bool says(const Analysis& a, const std::string& text) {
  for (const auto& n : a.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(AnalysisNotes, ALargeEnoughDesignIsNotFlagged) {
  const Analysis a = additive(2048, 3);
  ASSERT_EQ(a.sobol.size(), 1u);
  EXPECT_NEAR(a.sobol[0].total[0], 1 / 1.04, 0.05);
  EXPECT_NEAR(a.sobol[0].total[1], 0.04 / 1.04, 0.02);
  EXPECT_FALSE(says(a, "too few to rank")) << a.notes.front();
  EXPECT_FALSE(says(a, "replicates"));
}

TEST(AnalysisNotes, AFewRowsAndOneReplicateAreFlagged) {
  const Analysis a = additive(4, 1);
  EXPECT_TRUE(says(a, "4 rows are too few to rank the factors"));
  EXPECT_TRUE(says(a, "a single replicate"));
}

}  // namespace zhili::analyze

namespace zhili::analyze {

// Incidents counted in 4 replicates, mostly 0: the t interval would reach
// below 0; a count's interval is cut at 0.
TEST(AnalysisNotes, IntervalsOfCountsStayNonNegative) {
  Summary s;
  s.factors = {"x"};
  s.outcomes = {"incidents:mean", "change:mean"};
  const double incidents[] = {0, 0, 0, 3}, change[] = {-1, 0, 1, 4};
  std::vector<int> runs;
  for (int r = 0; r < 4; ++r) {
    runs.push_back(r);
    s.runs.push_back({r, 0, r, {incidents[r], change[r]}});
  }
  s.point_runs.push_back(runs);
  s.point_values.push_back({"1"});
  const Analysis a = analyze_sweep(s, {}, {});
  const MeanStats& counts = a.points[0][0];
  EXPECT_DOUBLE_EQ(counts.mean, 0.75);
  EXPECT_EQ(counts.ci.lo, 0.0);  // cut at 0; the upper end is Student's, as before
  EXPECT_NEAR(counts.ci.hi, 0.75 + student_t_quantile(0.975, 3) * counts.sd / 2.0, 1e-12);
  // An outcome that can be negative keeps its Student t interval.
  const MeanStats& t = a.points[0][1];
  EXPECT_NEAR(t.ci.lo, 1.0 - student_t_quantile(0.975, 3) * t.sd / 2.0, 1e-12);
  EXPECT_TRUE(says(a, "are cut at 0"));
}

}  // namespace zhili::analyze
