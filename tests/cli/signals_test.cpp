// A killed run leaves a readable file: SIGKILL keeps every step up to the last
// flush; SIGTERM finishes the step, flushes, marks the file interrupted and
// exits with 143.
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "io/result_reader.hpp"
#include "subprocess.hpp"

namespace zhili {

namespace {
const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";

// Starts a long run flushing every 2 steps and waits until at least `steps` are on disk.
pid_t start_long_run(const std::string& out, std::int64_t steps) {
  std::remove(out.c_str());
  const pid_t pid = testing::start_zhili({"run", kSmall, "-o", out, "--steps", "90000", "--threads", "1",
                                          "--set", "output.flush_every=2", "-q"});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    try {
      ResultReader r(out);
      if (r.steps_done() >= steps) return pid;
    } catch (const std::exception&) {
      // not created yet
    }
  }
  kill(pid, SIGKILL);
  testing::wait_for(pid);
  ADD_FAILURE() << "run did not reach " << steps << " steps";
  return -1;
}

void expect_consistent(const ResultReader& r) {
  const auto n = r.steps_done();
  EXPECT_EQ(static_cast<std::int64_t>(r.steps().size()), n);
  EXPECT_EQ(static_cast<std::int64_t>(r.dates().size()), n);
  for (const auto& name : r.observable_names()) {
    EXPECT_EQ(r.observable_info(name).rows, n) << name;
    EXPECT_EQ(r.read_observable(name).size(), n * r.observable_info(name).spec.width()) << name;
  }
  for (const auto& name : r.lever_names()) EXPECT_EQ(static_cast<std::int64_t>(r.read_lever(name).size()), n);
}
}  // namespace

TEST(Signals, SigkillLeavesAReadableFileUpToTheLastFlush) {
  const std::string out = std::string(ZHILI_BINARY_DIR) + "/killed.h5";
  const pid_t pid = start_long_run(out, 6);
  ASSERT_GT(pid, 0);
  kill(pid, SIGKILL);
  EXPECT_EQ(testing::wait_for(pid), 128 + SIGKILL);

  const ResultReader r(out);
  EXPECT_GE(r.steps_done(), 6);
  EXPECT_EQ(r.steps_done() % 2, 0);  // whole flushes only
  EXPECT_EQ(r.status(), RunStatus::running);  // never closed
  expect_consistent(r);
}

TEST(Signals, SigtermFinishesTheStepAndMarksTheFileInterrupted) {
  const std::string out = std::string(ZHILI_BINARY_DIR) + "/terminated.h5";
  const pid_t pid = start_long_run(out, 4);
  ASSERT_GT(pid, 0);
  kill(pid, SIGTERM);
  EXPECT_EQ(testing::wait_for(pid), 143);

  const ResultReader r(out);
  EXPECT_EQ(r.status(), RunStatus::interrupted);
  EXPECT_GE(r.steps_done(), 4);
  expect_consistent(r);
}

TEST(Signals, SigintExitsWith130) {
  const std::string out = std::string(ZHILI_BINARY_DIR) + "/sigint.h5";
  const pid_t pid = start_long_run(out, 2);
  ASSERT_GT(pid, 0);
  kill(pid, SIGINT);
  EXPECT_EQ(testing::wait_for(pid), 130);
  EXPECT_EQ(ResultReader(out).status(), RunStatus::interrupted);
}

}  // namespace zhili
