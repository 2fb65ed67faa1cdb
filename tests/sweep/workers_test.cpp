// Runs that write files go to worker processes (sim/sweep/process_workers.hpp):
// the summary is the threads' to the byte, a failing run is still reported
// with its message, and a sweep stopped by Ctrl-C or killed outright takes
// its workers with it and resumes to the same summary.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "subprocess.hpp"
#include "sweep_fixture.hpp"

namespace zhili {

using namespace zhili::testing;
namespace fs = std::filesystem;

namespace {
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST(SweepWorkers, ProcessesWriteTheThreadsSummaryToTheByte) {
  const auto dir = fresh_dir("workers_same");
  const auto sweep = write_small_sweep(dir, 6, 3);  // 6 runs
  ProcessResult threads, processes;
  {
    ScopedEnv env("ZHILI_SWEEP_WORKERS", "threads");
    threads = run_zhili({"sweep", sweep, "-o", dir + "/threads", "--jobs", "3"});
  }
  {
    ScopedEnv env("ZHILI_SWEEP_WORKERS", "processes");
    processes = run_zhili({"sweep", sweep, "-o", dir + "/processes", "--jobs", "3"});
  }
  ASSERT_EQ(threads.exit_code, 0) << threads.err;
  ASSERT_EQ(processes.exit_code, 0) << processes.err;
  EXPECT_NE(threads.out.find("on 3 threads"), std::string::npos) << threads.out;
  EXPECT_NE(processes.out.find("on 3 worker processes"), std::string::npos) << processes.out;
  const auto summary = read_file(dir + "/threads/summary.csv");
  EXPECT_EQ(split_lines(summary).size(), 7u);
  EXPECT_EQ(summary, read_file(dir + "/processes/summary.csv"));
  EXPECT_EQ(read_file(dir + "/threads/manifest.csv"), read_file(dir + "/processes/manifest.csv"));

  // With files and several jobs, processes are the default; --summary-only stays on threads.
  const auto automatic = run_zhili({"sweep", sweep, "-o", dir + "/auto", "--jobs", "2"});
  EXPECT_NE(automatic.out.find("on 2 worker processes"), std::string::npos) << automatic.out;
  const auto rows = run_zhili({"sweep", sweep, "-o", dir + "/rows", "--jobs", "2", "--summary-only"});
  EXPECT_NE(rows.out.find("on 2 threads"), std::string::npos) << rows.out;
  EXPECT_EQ(summary, read_file(dir + "/rows/summary.csv"));
}

TEST(SweepWorkers, FailedRunIsReportedWithItsMessage) {
  const auto dir = fresh_dir("workers_failed");
  const std::string sweep = dir + "/fail.yaml";
  // The second point cannot be housed: the world builder refuses it, in a worker.
  std::ofstream(sweep) << "base: " << ZHILI_SOURCE_DIR << "/tests/data/small.yaml\n"
                       << "overrides: [run.steps=2]\n"
                          "factors:\n"
                          "  population.households: [20000, 900000]\n"
                          "replicates: 2\n";
  const auto r = run_zhili({"sweep", sweep, "-o", dir + "/out", "--jobs", "2"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("2 run now, 0 already complete, 2 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("on 2 worker processes"), std::string::npos) << r.out;
  EXPECT_EQ(count(r.err, "more households than the map can house"), 2u) << r.err;
  EXPECT_NE(r.err.find("zhili: run-00002 failed: "), std::string::npos) << r.err;
  EXPECT_EQ(count(read_file(dir + "/out/manifest.csv"), ",failed,"), 2u);
  EXPECT_FALSE(fs::exists(dir + "/out/summary.csv"));
}

// Stopped while run 2 goes (runs 0 or 1 are done), then resumed.
class SweepStopped : public ::testing::TestWithParam<int> {};

TEST_P(SweepStopped, TakesItsWorkersAndResumesToTheSameSummary) {
  const int sig = GetParam();
  const auto dir = fresh_dir(sig == SIGINT ? "workers_sigint" : "workers_sigkill");
  const auto sweep = write_small_sweep(dir, 48, 3);  // 6 runs of 4 years
  const auto out = dir + "/out";
  ASSERT_EQ(run_zhili({"sweep", sweep, "-o", dir + "/reference", "--summary-only"}).exit_code, 0);

  const pid_t pid = start_zhili({"sweep", sweep, "-o", out, "--jobs", "2"});
  ASSERT_TRUE(wait_for_file(out + "/runs/run-00002.h5", 120)) << "the sweep never reached run 2";
  EXPECT_EQ(workers_of(pid), 2);
  kill(pid, sig);  // the parent only: it forwards SIGINT itself; SIGKILL takes the workers by PR_SET_PDEATHSIG
  EXPECT_EQ(wait_for(pid), 128 + sig);
  EXPECT_TRUE(workers_gone(pid, 5)) << "worker processes outlived the sweep";
  EXPECT_FALSE(fs::exists(out + "/summary.csv"));
  if (sig == SIGINT) {
    const auto manifest = read_file(out + "/manifest.csv");
    EXPECT_GE(count(manifest, ",finished,"), 1u) << manifest;
    EXPECT_GE(count(manifest, ",interrupted,"), 1u) << manifest;  // run 2, stopped cleanly
  }

  const auto again = run_zhili({"sweep", sweep, "-o", out, "--jobs", "2"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.find(" 0 already complete"), std::string::npos) << "nothing was kept: " << again.out;
  EXPECT_EQ(again.out.find("; 0 run now"), std::string::npos) << "run 2 was not redone: " << again.out;
  EXPECT_EQ(read_file(out + "/summary.csv"), read_file(dir + "/reference/summary.csv"));
}

INSTANTIATE_TEST_SUITE_P(Signals, SweepStopped, ::testing::Values(SIGINT, SIGKILL),
                         [](const auto& info) { return info.param == SIGINT ? "SIGINT" : "SIGKILL"; });

TEST(SweepWorkers, BadWorkersSettingIsRefused) {
  const auto dir = fresh_dir("workers_env");
  ScopedEnv env("ZHILI_SWEEP_WORKERS", "fibers");
  const auto r = run_zhili({"sweep", write_small_sweep(dir, 2, 1), "-o", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ZHILI_SWEEP_WORKERS=fibers: expected 'threads' or 'processes'"), std::string::npos) << r.err;
}

}  // namespace zhili
