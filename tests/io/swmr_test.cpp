// Reading while writing, and what a killed or abandoned writer leaves.
//
// The writer runs in a forked child: a reader in the writer's own process
// would share the writer's in-memory file (HDF5 opens a file once per
// process), which tests nothing about what reaches the disk.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <functional>
#include <utility>

#include "io/result_reader.hpp"
#include "io/result_writer.hpp"
#include "sample_run.hpp"

namespace zhili {
namespace {

// A one-byte-per-message pipe between the test and its child.
struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() { EXPECT_EQ(pipe(fd), 0); }
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void send() const { ASSERT_EQ(write(fd[1], "x", 1), 1); }
  bool receive() const {  // false on EOF: the other side died
    char c = 0;
    return read(fd[0], &c, 1) == 1;
  }
  void keep_read_end() { close(std::exchange(fd[1], -1)); }
  void keep_write_end() { close(std::exchange(fd[0], -1)); }
};

// Runs `body` in a child process and returns its pid; the child never returns
// into the test framework (_exit, no atexit handlers, no second report).
pid_t spawn(const std::function<void()>& body) {
  const pid_t pid = fork();
  if (pid == 0) {
    try {
      body();
    } catch (...) {
      _exit(2);
    }
    _exit(0);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  EXPECT_EQ(waitpid(pid, &status, 0), pid);
  return status;
}

void expect_population(const ResultReader& r, std::int64_t rows) {
  const auto values = r.read_observable("population");
  ASSERT_EQ(values.size(), static_cast<std::size_t>(rows));
  for (std::int64_t k = 0; k < rows; ++k) EXPECT_EQ(values[k], test::observable_value(k, 0));
  EXPECT_EQ(r.steps().size(), static_cast<std::size_t>(rows));
}

TEST(IoSwmr, ReaderSeesFlushedRowsWhileTheWriterRuns) {
  const std::string path = test::temp_path("swmr_live");
  Pipe to_test, to_child;
  const pid_t child = spawn([&] {
    to_test.keep_write_end();
    to_child.keep_read_end();
    ResultWriter w(path, test::sample_layout(), test::sample_metadata(), {10, 4});
    test::write_steps(w, 0, 10);   // exactly flush_every: flushed automatically
    test::write_steps(w, 10, 3);   // buffered, not visible
    to_test.send();
    if (!to_child.receive()) _exit(3);
    test::write_steps(w, 13, 7);   // completes the second interval: flushed
    to_test.send();
    if (!to_child.receive()) _exit(3);
    w.finish(RunStatus::finished, 3.0);
    to_test.send();
    if (!to_child.receive()) _exit(3);
  });
  ASSERT_GT(child, 0);
  to_test.keep_read_end();
  to_child.keep_write_end();

  ASSERT_TRUE(to_test.receive());
  ResultReader r(path);  // opened while the writer holds the file
  EXPECT_EQ(r.status(), RunStatus::running);
  EXPECT_EQ(r.steps_done(), 10);
  expect_population(r, 10);
  EXPECT_EQ(r.observable_info("employment_share").rows, 10);
  EXPECT_EQ(r.map_steps("density"), (std::vector<std::int64_t>{0, 5}));

  to_child.send();
  ASSERT_TRUE(to_test.receive());
  EXPECT_EQ(r.steps_done(), 10) << "nothing changes before refresh()";
  r.refresh();
  EXPECT_EQ(r.status(), RunStatus::running);
  EXPECT_EQ(r.steps_done(), 20);
  expect_population(r, 20);
  EXPECT_EQ(r.read_lever("hukou.openness").size(), 20u);
  EXPECT_EQ(r.map_steps("density"), (std::vector<std::int64_t>{0, 5, 10, 15}));

  to_child.send();
  ASSERT_TRUE(to_test.receive());
  r.refresh();
  EXPECT_EQ(r.status(), RunStatus::finished);
  EXPECT_EQ(r.wall_seconds(), 3.0);
  expect_population(r, 20);
  to_child.send();
  const int status = wait_for(child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
}

TEST(IoSwmr, KilledWriterLeavesEveryFlushedStep) {
  const std::string path = test::temp_path("swmr_killed");
  const pid_t child = spawn([&] {
    ResultWriter w(path, test::sample_layout(), test::sample_metadata(), {10, 4});
    test::write_steps(w, 0, 25);  // flushes after steps 9 and 19; 20..24 only in memory
    raise(SIGKILL);
  });
  ASSERT_GT(child, 0);
  const int status = wait_for(child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;

  const ResultReader r(path);
  EXPECT_EQ(r.status(), RunStatus::running) << "reported as-is: the writer never got to say otherwise";
  EXPECT_EQ(r.steps_done(), 20);
  expect_population(r, 20);
  EXPECT_EQ(r.read_entity_series("courts", "backlog").size(), 20u * 3);
  // Events of steps 1, 5, 9, 13, 17 were flushed with their steps.
  EXPECT_EQ(r.read_events("incidents").columns[0], (std::vector<double>{1, 5, 9, 13, 17}));
  // Maps are written at once but only made visible by a flush: 0..15 for sure,
  // the snapshot of step 20 only if HDF5 happened to write its metadata early.
  const auto map_steps = r.map_steps("density");
  ASSERT_GE(map_steps.size(), 4u);
  EXPECT_EQ(std::vector<std::int64_t>(map_steps.begin(), map_steps.begin() + 4),
            (std::vector<std::int64_t>{0, 5, 10, 15}));
}

// Documents HDF5 1.10 behaviour the reader relies on (docs/FORMAT.md).
bool opens(const std::string& path, unsigned flags) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t f = H5Fopen(path.c_str(), flags, H5P_DEFAULT);
  if (f >= 0) H5Fclose(f);
  return f >= 0;
}

TEST(IoSwmr, SwmrReadOpensKilledAndClosedFiles) {
  // The superblock of a killed SWMR writer still says "open for writing": a
  // plain read-only open refuses it, a SWMR-read open accepts it.
  const std::string killed = test::temp_path("swmr_killed_open");
  const pid_t child = spawn([&] {
    ResultWriter w(killed, test::sample_layout(), test::sample_metadata(), {5, 4});
    test::write_steps(w, 0, 5);
    raise(SIGKILL);
  });
  ASSERT_GT(child, 0);
  wait_for(child);
  EXPECT_FALSE(opens(killed, H5F_ACC_RDONLY)) << "plain open of a killed SWMR file unexpectedly worked";
  EXPECT_TRUE(opens(killed, H5F_ACC_RDONLY | H5F_ACC_SWMR_READ));
  // A cleanly closed file opens either way: SWMR-read is safe to use always.
  const std::string closed = test::temp_path("swmr_closed_open");
  {
    ResultWriter w(closed, test::sample_layout(), test::sample_metadata(), {5, 4});
    test::write_steps(w, 0, 5);
    w.finish(RunStatus::finished, 0.0);
  }
  EXPECT_TRUE(opens(closed, H5F_ACC_RDONLY));
  EXPECT_TRUE(opens(closed, H5F_ACC_RDONLY | H5F_ACC_SWMR_READ));
}

TEST(IoSwmr, DestructorWithoutFinishMarksFailed) {
  const std::string path = test::temp_path("swmr_abandoned");
  {
    ResultWriter w(path, test::sample_layout(), test::sample_metadata(), {10, 4});
    test::write_steps(w, 0, 15);
  }  // e.g. an exception unwinding through the run loop
  const ResultReader r(path);
  EXPECT_EQ(r.status(), RunStatus::failed);
  EXPECT_EQ(r.steps_done(), 15) << "buffered steps are still written";
  expect_population(r, 15);
}

}  // namespace
}  // namespace zhili
