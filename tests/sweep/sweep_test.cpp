// zhili sweep as a user meets it: runs, summary, determinism across --jobs,
// resume, summary-only rows, and sweep-file errors with their positions.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "subprocess.hpp"

namespace zhili {

using testing::run_zhili;
namespace fs = std::filesystem;

namespace {

const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";

std::string work_dir(const std::string& name) {
  const auto d = fs::path(ZHILI_BINARY_DIR) / "sweep_test" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d.string();
}

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string l; std::getline(ss, l);) out.push_back(l);
  return out;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  for (std::string f; std::getline(ss, f, ',');) out.push_back(f);
  return out;
}

// 2 x 2 factorial x 2 replicates on the small city, 6 steps.
std::string write_sweep(const std::string& dir) {
  const std::string path = dir + "/sweep.yaml";
  std::ofstream(path) << "base: " << kSmall << "\n"
                      << "overrides: [run.steps=6]\n"
                         "factors:\n"
                         "  policy.hukou.openness: {values: [0.2, 0.8]}\n"
                         "  migration.inflow_rate: [0.03, 0.09]\n"
                         "replicates: 2\n"
                         "seed: 42\n";
  return path;
}

}  // namespace

TEST(Sweep, FactorialRunsEveryPointAndReplicate) {
  const auto dir = work_dir("factorial");
  const auto r = run_zhili({"sweep", write_sweep(dir), "-o", dir + "/out", "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("8 runs; 8 run now, 0 already complete, 0 failed"), std::string::npos) << r.out;
  const auto rows = lines(read(dir + "/out/summary.csv"));
  ASSERT_EQ(rows.size(), 9u);  // header + 8 runs
  const auto header = fields(rows[0]);
  EXPECT_EQ(header[4], "policy.hukou.openness");
  EXPECT_EQ(header[5], "migration.inflow_rate");
  EXPECT_EQ(header[6], "migrant_share:final");
  EXPECT_EQ(header[7], "migrant_share:mean");
  std::set<std::string> seeds, points;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto f = fields(rows[i]);
    ASSERT_EQ(f.size(), header.size());
    EXPECT_EQ(f[0], std::to_string(i - 1));  // sorted by run id
    seeds.insert(f[3]);
    points.insert(f[4] + "," + f[5]);
    EXPECT_TRUE(fs::exists(dir + "/out/runs/run-0000" + f[0] + ".h5"));
  }
  EXPECT_EQ(seeds.size(), 8u);   // every run its own seed
  EXPECT_EQ(points.size(), 4u);  // every combination
  EXPECT_EQ(lines(read(dir + "/out/manifest.csv")).size(), 9u);
}

TEST(Sweep, SummaryIsIdenticalForAnyNumberOfJobsAndWithoutFiles) {
  const auto dir = work_dir("jobs");
  const auto sweep = write_sweep(dir);
  ASSERT_EQ(run_zhili({"sweep", sweep, "-o", dir + "/one", "--jobs", "1"}).exit_code, 0);
  ASSERT_EQ(run_zhili({"sweep", sweep, "-o", dir + "/two", "--jobs", "2"}).exit_code, 0);
  ASSERT_EQ(run_zhili({"sweep", sweep, "-o", dir + "/rows", "--jobs", "2", "--summary-only"}).exit_code, 0);
  const auto one = read(dir + "/one/summary.csv");
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, read(dir + "/two/summary.csv"));
  EXPECT_EQ(one, read(dir + "/rows/summary.csv"));  // same bits from the file as while running
  EXPECT_FALSE(fs::exists(dir + "/rows/runs"));
  EXPECT_TRUE(fs::exists(dir + "/rows/rows/run-00007.csv"));
}

TEST(Sweep, ResumeRedoesOnlyMissingOrPartialRuns) {
  const auto dir = work_dir("resume");
  const auto sweep = write_sweep(dir);
  const auto out = dir + "/out";
  ASSERT_EQ(run_zhili({"sweep", sweep, "-o", out, "--jobs", "2"}).exit_code, 0);
  const auto before = read(out + "/summary.csv");
  const auto kept = fs::last_write_time(out + "/runs/run-00000.h5");

  fs::remove(out + "/runs/run-00003.h5");
  std::ofstream(out + "/runs/run-00005.h5") << "not an HDF5 file";  // as if killed before its first flush
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto r = run_zhili({"sweep", sweep, "-o", out, "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 run now, 6 already complete"), std::string::npos) << r.out;
  EXPECT_EQ(fs::last_write_time(out + "/runs/run-00000.h5"), kept);
  EXPECT_EQ(read(out + "/summary.csv"), before);

  // Summary-only rows resume the same way.
  const auto rows = dir + "/rows";
  ASSERT_EQ(run_zhili({"sweep", sweep, "-o", rows, "--summary-only"}).exit_code, 0);
  fs::remove(rows + "/rows/run-00002.csv");
  const auto again = run_zhili({"sweep", sweep, "-o", rows, "--summary-only"});
  EXPECT_NE(again.out.find("1 run now, 7 already complete"), std::string::npos) << again.out;
  EXPECT_EQ(read(rows + "/summary.csv"), before);
}

// A stored run is reused only if it was made from the same inputs: after an
// edit of the fixed overrides (or of the base scenario) every run is redone,
// in both modes, and the summary is that of a fresh sweep. (Summary-only rows
// were reused whatever had changed.)
TEST(Sweep, ResumeRedoesRunsWhoseInputsChanged) {
  const auto dir = work_dir("resume-changed");
  const auto sweep = write_sweep(dir);
  for (const bool summary_only : {true, false}) {
    const auto out = dir + (summary_only ? "/rows" : "/files");
    std::vector<std::string> args = {"sweep", sweep, "-o", out, "--jobs", "2", "--quiet"};
    if (summary_only) args.push_back("--summary-only");
    ASSERT_EQ(run_zhili(args).exit_code, 0);
    const auto six_steps = read(out + "/summary.csv");
    std::string text = read(sweep);
    text.replace(text.find("run.steps=6"), 11, "run.steps=4");
    std::ofstream(sweep) << text;
    const auto again = run_zhili(args);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(read(out + "/summary.csv"), six_steps);
    const auto fresh_dir = out + "-fresh";
    args[3] = fresh_dir;
    ASSERT_EQ(run_zhili(args).exit_code, 0);
    EXPECT_EQ(read(out + "/summary.csv"), read(fresh_dir + "/summary.csv")) << (summary_only ? "summary-only" : "files");
    text.replace(text.find("run.steps=4"), 11, "run.steps=6");  // back, for the next mode
    std::ofstream(sweep) << text;
  }
}

// run.seed and run.threads among the fixed overrides would be overridden by
// the sweep's own: an error, as they are as factors.
TEST(Sweep, SeedOrThreadsAsAFixedOverrideIsAnError) {
  const auto dir = work_dir("seed-override");
  const std::string path = dir + "/sweep.yaml";
  std::ofstream(path) << "base: " << kSmall << "\n"
                      << "overrides: [run.steps=2, run.seed=5]\n"
                         "factors:\n"
                         "  policy.hukou.openness: [0.2, 0.8]\n";
  const auto r = run_zhili({"sweep", path, "-o", dir + "/out", "--summary-only"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sweep.yaml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("set by the sweep for every run"), std::string::npos) << r.err;
}

// Found by feeding broken sweep files: a missing base is said at the line
// naming it; a misspelt design kind is one error (it also blamed the size key
// of the design meant); -o on an existing file says so in words.
TEST(Sweep, BaseDesignKindAndOutputFolderErrors) {
  const auto dir = work_dir("more-errors");
  const std::string missing = dir + "/missing.yaml";
  std::ofstream(missing) << "base: nope.yaml\nfactors:\n  policy.hukou.openness: [0.2, 0.8]\n";
  auto r = run_zhili({"sweep", missing, "-o", dir + "/out", "--summary-only"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.yaml:1:7: error: base: no such file"), std::string::npos) << r.err;

  const std::string kind = dir + "/kind.yaml";
  std::ofstream(kind) << "base: " << kSmall << "\nfactors:\n  policy.hukou.openness: [0.2, 0.8]\n"
                      << "design: {kind: latin_hypercub, points: 3}\n";
  r = run_zhili({"sweep", kind, "-o", dir + "/out", "--summary-only"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1 error(s) in the sweep"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'latin_hypercube'?"), std::string::npos) << r.err;

  const std::string file = dir + "/a-file";
  std::ofstream(file) << "x";
  r = run_zhili({"sweep", write_sweep(dir), "-o", file, "--summary-only"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("a file of that name exists"), std::string::npos) << r.err;
}

TEST(Sweep, ErrorsNameLineColumnAndExit2) {
  const auto dir = work_dir("errors");
  const std::string bad = dir + "/bad.yaml";
  std::ofstream(bad) << "base: " << kSmall << "\n"
                     << "factors:\n"
                        "  policy.hukou.openness: [0.2, 0.8]\n"
                        "  migration.inflow_rate: {range: [0.01, 0.1]}\n"
                        "replicate: 2\n";
  auto r = run_zhili({"sweep", bad, "-o", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad + ":5:1: error: replicate: unknown key"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'replicates'?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad + ":4:3: error: factors.migration.inflow_rate: a range needs a sampling design"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out"));  // nothing run, nothing written

  const std::string bad_seeds = dir + "/bad_seeds.yaml";
  std::ofstream(bad_seeds) << "base: " << kSmall << "\n"
                           << "factors:\n"
                              "  policy.hukou.openness: [0.2, 0.8]\n"
                              "seeds: shared\n";
  r = run_zhili({"sweep", bad_seeds, "-o", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad_seeds + ":4:8: error: seeds: invalid value (found shared, expected common or independent)"),
            std::string::npos)
      << r.err;

  // A misspelt factor key is found by the scenario loader, reported where the factor is written.
  const std::string bad_key = dir + "/bad_key.yaml";
  std::ofstream(bad_key) << "base: " << kSmall << "\n"
                         << "factors:\n"
                            "  policy.hukou.openess: [0.2, 0.8]\n"
                            "  migration.inflow_rate: {values: [0.03, 2]}\n";
  r = run_zhili({"sweep", bad_key, "-o", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad_key + ":3:3: error: policy.hukou.openess: unknown key"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'policy.hukou.openness'?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad_key + ":4:3: error: migration.inflow_rate: value out of range"), std::string::npos)
      << r.err;
}

TEST(Sweep, LatinHypercubeRunsItsPoints) {
  const auto dir = work_dir("lhs");
  const std::string path = dir + "/lhs.yaml";
  std::ofstream(path) << "base: " << kSmall << "\n"
                      << "overrides: [run.steps=3]\n"
                         "factors:\n"
                         "  policy.hukou.openness: {range: [0.1, 0.9]}\n"
                         "  population.households: {range: [20000, 30000]}\n"
                         "design: {kind: latin_hypercube, points: 4}\n"
                         "outcomes: [migrant_share, population_by_registration]\n";
  const auto r = run_zhili({"sweep", path, "-o", dir + "/out", "--summary-only"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = lines(read(dir + "/out/summary.csv"));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_NE(rows[0].find("population_by_registration/"), std::string::npos) << rows[0];  // breakdown columns
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_EQ(fields(rows[i])[5].find('.'), std::string::npos) << "integer range gives integers: " << rows[i];
}

}  // namespace zhili
