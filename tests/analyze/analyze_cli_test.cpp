// zhili analyze as a user meets it: a Saltelli sweep made here and analysed,
// a hand-written summary whose statistics, ranking and front are known, and
// the errors (no summary, a malformed row) with their positions and exit 2.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyze/csv.hpp"
#include "subprocess.hpp"

namespace zhili {

using testing::run_zhili;
namespace fs = std::filesystem;

namespace {

std::string work_dir(const std::string& name) {
  const auto d = fs::path(ZHILI_BINARY_DIR) / "analyze_test" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d.string();
}

std::string read(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Two outcomes, one factor, 3 points x 2 replicates; point means
// cost 1, 2, 3 and coverage 0.5, 0.9, 0.4: the front is points 0 and 1.
const char* kHandSummary =
    "run,point,replicate,seed,policy.hukou.openness,service_cost:final,service_cost:mean,coverage:final,"
    "coverage:mean\n"
    "0,0,0,1,0.1,0,0.9,0,0.4\n"
    "1,0,1,2,0.1,0,1.1,0,0.6\n"
    "2,1,0,3,0.5,0,2,0,0.8\n"
    "3,1,1,4,0.5,0,2,0,1.0\n"
    "4,2,0,5,0.9,0,3,0,0.3\n"
    "5,2,1,6,0.9,0,3,0,0.5\n";

}  // namespace

TEST(Analyze, HandWrittenSummaryGivesKnownTables) {
  const std::string dir = work_dir("hand");
  std::ofstream(dir + "/summary.csv") << kHandSummary;
  const auto r = run_zhili({"analyze", dir, "--no-figures"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path out = fs::path(dir) / "analysis";

  // Ranked by coverage (the default), highest first: points 1, 0, 2.
  const auto ranking = analyze::parse_csv(read(out / "ranking.csv"), "ranking.csv");
  ASSERT_EQ(ranking.rows.size(), 3u);
  EXPECT_EQ(ranking.rows[0].fields[1].text, "1");
  EXPECT_EQ(ranking.rows[1].fields[1].text, "0");
  EXPECT_EQ(ranking.rows[2].fields[1].text, "2");
  // Point 1: mean 0.9, sd √0.02, interval 0.9 ± 12.706 · 0.1 (t with 1 df),
  // cut at 0 below: coverage cannot be negative.
  const int mean = ranking.column_index("mean"), lo = ranking.column_index("ci_lo"),
            hi = ranking.column_index("ci_hi");
  EXPECT_NEAR(std::stod(ranking.rows[0].fields[static_cast<std::size_t>(mean)].text), 0.9, 1e-12);
  EXPECT_EQ(std::stod(ranking.rows[0].fields[static_cast<std::size_t>(lo)].text), 0.0);
  EXPECT_NEAR(std::stod(ranking.rows[0].fields[static_cast<std::size_t>(hi)].text), 0.9 + 12.7062 * 0.1, 1e-3);
  // With one degree of freedom every interval overlaps the best one.
  EXPECT_EQ(ranking.rows[2].fields.back().text, "1");

  // A named Pareto objective that the summary lacks is an error, as --rank is
  // (it was a note in the report, exit 0); a default one missing stays a note
  // (conflict_rate, below).
  for (const char* option : {"--cost", "--coverage", "--conflict"}) {
    const auto bad = run_zhili({"analyze", dir, "--no-figures", option, "bogus"});
    EXPECT_EQ(bad.exit_code, 2) << option;
    EXPECT_NE(bad.err.find("Pareto objective bogus: no such outcome"), std::string::npos) << bad.err;
  }

  // --rank service_cost --ascending: cheapest first.
  ASSERT_EQ(run_zhili({"analyze", dir, "--no-figures", "--rank", "service_cost", "--ascending"}).exit_code, 0);
  const auto by_cost = analyze::parse_csv(read(out / "ranking.csv"), "ranking.csv");
  EXPECT_EQ(by_cost.rows[0].fields[1].text, "0");
  EXPECT_EQ(by_cost.rows[0].fields[static_cast<std::size_t>(by_cost.column_index("outcome"))].text,
            "service_cost:mean");

  // Pareto: minimise cost, maximise coverage; no conflict_rate (noted).
  const auto pareto = analyze::parse_csv(read(out / "pareto.csv"), "pareto.csv");
  ASSERT_EQ(pareto.header.back(), "front");
  ASSERT_EQ(pareto.rows.size(), 3u);
  EXPECT_EQ(pareto.rows[0].fields[0].text, "0");  // front first, by cost
  EXPECT_EQ(pareto.rows[0].fields.back().text, "1");
  EXPECT_EQ(pareto.rows[1].fields[0].text, "1");
  EXPECT_EQ(pareto.rows[1].fields.back().text, "1");
  EXPECT_EQ(pareto.rows[2].fields.back().text, "0");

  const std::string report = read(out / "report.md");
  EXPECT_NE(report.find("no outcome 'conflict_rate'"), std::string::npos) << report;
  EXPECT_NE(report.find("no design.csv"), std::string::npos);
  EXPECT_NE(report.find("Figures skipped (--no-figures)"), std::string::npos);
  EXPECT_FALSE(fs::exists(out / "sobol.csv"));  // not a Saltelli design
  // The report names the tables written, not one that is not there.
  EXPECT_NE(report.find("`ranking.csv`, `effects.csv`, `effects.tex`, `pareto.csv`."), std::string::npos) << report;
  // One factor, three points: the linear effect of openness on coverage
  // (point means 0.5, 0.9, 0.4 at 0.1, 0.5, 0.9) is the slope -0.125 per
  // unit times the factor's sd 0.4.
  const auto effects = analyze::parse_csv(read(out / "effects.csv"), "effects.csv");
  bool found = false;
  for (const auto& row : effects.rows)
    if (row.fields[0].text == "coverage:mean") {
      EXPECT_NEAR(std::stod(row.fields[3].text), -0.125 * 0.4, 1e-9);
      found = true;
    }
  EXPECT_TRUE(found);
  EXPECT_NE(read(out / "effects.tex").find("\\begin{tabular}"), std::string::npos);
  EXPECT_NE(read(out / "effects.tex").find("policy.hukou.openness"), std::string::npos);
  EXPECT_EQ(report.find("`sobol.csv`"), std::string::npos) << report;
  // The report says which points its sweep cannot tell from the best, and
  // that two replicates make wide intervals.
  EXPECT_NE(report.find("| overlaps the best |"), std::string::npos) << report;
  EXPECT_NE(report.find("| 3 | 2 | "), std::string::npos) << report;
  EXPECT_NE(report.find(" | yes |\n"), std::string::npos) << report;
  EXPECT_NE(report.find("with 2 replicates a point's interval"), std::string::npos) << report;
  EXPECT_EQ(report.find("too few to rank"), std::string::npos) << report;  // no Sobol' indices here
  // points.csv: every point x outcome, 4 outcome columns.
  EXPECT_EQ(analyze::parse_csv(read(out / "points.csv"), "points.csv").rows.size(), 3u * 4u);
}

TEST(Analyze, SaltelliSweepGivesSobolIndices) {
  const std::string dir = work_dir("saltelli");
  const std::string sweep = dir + "/sweep.yaml";
  std::ofstream(sweep) << "base: " << ZHILI_SOURCE_DIR << "/tests/data/small.yaml\n"
                       << "overrides: [run.steps=3, population.households=3000]\n"
                          "factors:\n"
                          "  migration.inflow_rate: {range: [0.01, 0.12]}\n"
                          "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                          "design: {kind: saltelli, samples: 8}\n"
                          "replicates: 2\n"
                          "seed: 5\n"
                          "outcomes: [migrant_share, content_share]\n";
  const std::string out = dir + "/out";
  const auto s = run_zhili({"sweep", sweep, "-o", out, "--summary-only", "--jobs", "2", "--quiet"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(fs::exists(out + "/summary.h5"));
  const auto design = analyze::parse_csv(read(out + "/design.csv"), "design.csv");
  ASSERT_EQ(design.rows.size(), 8u * 4u);
  EXPECT_EQ(design.rows[8].fields[2].text, "B");

  const auto r = run_zhili({"analyze", out, "--no-figures", "--rank", "migrant_share"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto sobol = analyze::parse_csv(read(fs::path(out) / "analysis" / "sobol.csv"), "sobol.csv");
  ASSERT_EQ(sobol.rows.size(), 4u * 2u);  // 4 outcome columns x 2 factors
  for (const auto& row : sobol.rows) {
    EXPECT_EQ(row.fields[2].text, "8");  // every row used
    const double st = std::stod(row.fields[6].text);
    EXPECT_FALSE(std::isnan(st)) << row.fields[0].text;
    EXPECT_LE(std::stod(row.fields[7].text), st);  // the interval holds the estimate
    EXPECT_GE(std::stod(row.fields[8].text), st);
  }
  const std::string report = read(fs::path(out) / "analysis" / "report.md");
  EXPECT_NE(report.find("design: saltelli, N = 8 samples"), std::string::npos) << report;
  EXPECT_NE(report.find("## Sobol' indices"), std::string::npos);
  // Eight rows cannot rank two factors: the report and the terminal say so.
  EXPECT_NE(report.find("rows are too few to rank the factors"), std::string::npos) << report;
  EXPECT_NE(report.find("an interval wider than 0.5"), std::string::npos) << report;
  EXPECT_NE(r.out.find("note: Sobol' indices of `"), std::string::npos) << r.out;
  // No cost or coverage outcome: no front, no pareto.csv, and the report does not list one.
  EXPECT_FALSE(fs::exists(fs::path(out) / "analysis" / "pareto.csv"));
  EXPECT_NE(report.find("`ranking.csv`, `sobol.csv`, `effects.csv`, `effects.tex`."), std::string::npos) << report;
  EXPECT_NE(report.find("## Effects (linear, standardised)"), std::string::npos) << report;
}

TEST(Analyze, ErrorsSayWhereAndExit2) {
  const std::string empty = work_dir("empty");
  auto r = run_zhili({"analyze", empty});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("summary.csv: no summary"), std::string::npos) << r.err;

  const std::string bad = work_dir("bad");
  std::string text = kHandSummary;
  text.replace(text.find("2,1,0,3,0.5,0,2,0,0.8"), 21, "2,1,0,3,0.5,0,2,0");  // line 4 cut short
  std::ofstream(bad + "/summary.csv") << text;
  r = run_zhili({"analyze", bad, "--no-figures"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("summary.csv:4:1: error: row has 8 fields, the header 9"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(fs::path(bad) / "analysis" / "report.md"));

  const std::string hand = work_dir("rank");
  std::ofstream(hand + "/summary.csv") << kHandSummary;
  r = run_zhili({"analyze", hand, "--no-figures", "--rank", "coverag"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--rank coverag: no such outcome"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("coverage:mean"), std::string::npos);
}

}  // namespace zhili
