// Opening runs: timeline, observables at an instant, map snapshots, the
// snapshot cache, refresh, errors, and the run catalogue.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "data/catalogue.hpp"
#include "data/run.hpp"
#include "fixture.hpp"

namespace zhili::view {

using test::FixtureSpec;
using test::write_fixture;

TEST(RunData, TimelineAndObservables) {
  RunData run(write_fixture("run_observables"));
  ASSERT_EQ(run.rows(), 24);
  EXPECT_EQ(run.dates().front(), "2015-01-01");
  EXPECT_EQ(run.metadata().scenario_name, "fixture");
  ASSERT_EQ(run.observables().size(), 3u);
  EXPECT_EQ(run.observables()[2].spec.labels, (std::vector<std::string>{"core", "fringe"}));
  EXPECT_EQ(run.series("population_by_zone").size(), 48u);
  EXPECT_EQ(run.find_observable("nothing"), nullptr);

  const double t5 = run.times()[5];
  EXPECT_EQ(run.value_at("population", 0, t5), test::population(5, 0.0));
  EXPECT_EQ(run.value_at("population", 0, t5 + 0.01), test::population(5, 0.0));  // still step 5
  EXPECT_EQ(run.value_at("population_by_zone", 1, t5), 200.0 * 5);
  EXPECT_TRUE(std::isnan(run.value_at("population", 0, 2014.5)));  // before the start
  EXPECT_EQ(run.value_at("population", 0, 2100.0), test::population(23, 0.0));
  EXPECT_TRUE(std::isnan(run.value_at("population", 7, t5)));  // no such column
  EXPECT_TRUE(std::isnan(run.value_at("unknown", 0, t5)));
}

TEST(RunData, MapSnapshotsInForce) {
  FixtureSpec spec;
  spec.steps = 100;  // 17 snapshots: more than the cache holds
  spec.map_every = 6;
  RunData run(write_fixture("run_maps", spec));
  EXPECT_EQ(run.map_width(), 5);
  EXPECT_EQ(run.map_height(), 4);
  ASSERT_NE(run.find_map("zone"), nullptr);
  const auto& mt = run.map_times("density");
  ASSERT_EQ(mt.size(), 17u);
  EXPECT_EQ(mt[1], run.times()[6]);
  EXPECT_EQ(run.snapshot_at("density", run.times()[0]), 0);
  EXPECT_EQ(run.snapshot_at("density", run.times()[11]), 1);  // snapshot of step 6 still in force
  EXPECT_EQ(run.snapshot_at("density", run.times()[12]), 2);
  EXPECT_EQ(run.snapshot_at("density", 2000.0), -1);
  // Read every snapshot twice in a row pattern that forces evictions; values must stay right.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::int64_t s = 0; s < 17; ++s) {
      const auto& cells = run.map_snapshot("density", s);
      ASSERT_EQ(cells.size(), 20u);
      EXPECT_TRUE(std::isnan(cells[0]));
      EXPECT_EQ(cells[7], test::density(s * 6, 1, 2, 5, 0.0)) << "snapshot " << s;
      EXPECT_EQ(run.map_snapshot("zone", s)[4], 1.0f);
    }
  }
}

TEST(RunData, MapRangeSpansFirstAndLastSnapshot) {
  RunData run(write_fixture("run_range"));
  const Range& r = run.map_range("density");
  // First snapshot (step 0): cells 1..19 (cell 0 is NaN); last (step 18): 19..37.
  EXPECT_FALSE(r.empty);
  EXPECT_EQ(r.lo, 1.0);
  EXPECT_EQ(r.hi, 18.0 + 19.0);
  EXPECT_TRUE(run.map_range("no such map").empty);
}

TEST(RunData, RefreshKeepsWorkingOnAFinishedFile) {
  RunData run(write_fixture("run_refresh"));
  const double before = run.value_at("population", 0, run.times().back());
  run.refresh();
  EXPECT_EQ(run.rows(), 24);
  EXPECT_EQ(run.value_at("population", 0, run.times().back()), before);
}

// Following a file that is still being written: the writer runs in a child
// process (a reader in the writer's process would see its memory, not the
// disk) and says through a pipe when a flush is done.
TEST(RunData, RefreshFollowsAGrowingFile) {
  const std::string path = test::fixture_dir() + "/run_growing.h5";
  FixtureSpec spec;
  int to_test[2], to_child[2];
  ASSERT_EQ(pipe(to_test), 0);
  ASSERT_EQ(pipe(to_child), 0);
  const pid_t child = fork();
  if (child == 0) {
    char c = 0;
    try {
      auto w = test::open_fixture_writer(path, spec);
      test::append_fixture_steps(*w, spec, 0, 10);  // two full flush intervals
      if (write(to_test[1], "x", 1) != 1 || read(to_child[0], &c, 1) != 1) _exit(3);
      test::append_fixture_steps(*w, spec, 10, 10);
      if (write(to_test[1], "x", 1) != 1 || read(to_child[0], &c, 1) != 1) _exit(3);
      w->finish(RunStatus::finished, 1.0);
    } catch (...) {
      _exit(2);
    }
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(read(to_test[0], &c, 1), 1);
  RunData run(path);
  EXPECT_EQ(run.status(), RunStatus::running);
  EXPECT_EQ(run.rows(), 10);
  EXPECT_EQ(run.map_times("density").size(), 2u);  // steps 0 and 6
  EXPECT_EQ(run.value_at("population", 0, 2100.0), test::population(9, 0.0));

  ASSERT_EQ(write(to_child[1], "x", 1), 1);
  ASSERT_EQ(read(to_test[0], &c, 1), 1);
  run.refresh();
  EXPECT_EQ(run.rows(), 20);
  EXPECT_EQ(run.series("population").size(), 20u);
  EXPECT_EQ(run.value_at("population", 0, 2100.0), test::population(19, 0.0));
  EXPECT_EQ(run.map_times("density").size(), 4u);  // + steps 12 and 18
  EXPECT_EQ(run.map_snapshot("density", 3)[7], test::density(18, 1, 2, 5, 0.0));

  ASSERT_EQ(write(to_child[1], "x", 1), 1);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  run.refresh();
  EXPECT_EQ(run.status(), RunStatus::finished);
  for (int fd : {to_test[0], to_test[1], to_child[0], to_child[1]}) close(fd);
}

TEST(RunData, MissingOrBadFileNamesThePath) {
  try {
    RunData run("/nonexistent/run.h5");
    FAIL() << "opened a missing file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/run.h5"), std::string::npos) << e.what();
  }
  const std::string bad = test::fixture_dir() + "/run_not_hdf5.h5";
  std::ofstream(bad) << "this is not an HDF5 file\n";
  EXPECT_THROW(RunData{bad}, std::runtime_error);
}

TEST(Catalogue, ScansAFolderOfRuns) {
  const std::string dir = test::fixture_dir() + "/catalogue";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  FixtureSpec a;
  a.scenario = "open";
  a.seed = 42;
  FixtureSpec b;
  b.scenario = "closed";
  b.start = {2016, 1, 1};
  b.unit = TimeStep::week;
  b.steps = 10;
  std::filesystem::rename(write_fixture("cat_a", a), dir + "/b_open.h5");
  std::filesystem::rename(write_fixture("cat_b", b), dir + "/a_closed.h5");
  std::ofstream(dir + "/c_broken.h5") << "garbage";
  std::ofstream(dir + "/notes.txt") << "not a run";

  const auto entries = scan_folder(dir);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].file_name, "a_closed.h5");
  EXPECT_EQ(entries[0].scenario_name, "closed");
  EXPECT_EQ(entries[0].first_date, "2016-01-01");
  EXPECT_EQ(entries[0].last_date, "2016-03-04");  // 9 weeks later
  EXPECT_EQ(entries[0].steps_done, 10);
  EXPECT_EQ(entries[1].scenario_name, "open");
  EXPECT_EQ(entries[1].seed, 42u);
  EXPECT_EQ(entries[1].last_date, "2016-12-01");
  EXPECT_EQ(entries[1].status, RunStatus::finished);
  EXPECT_TRUE(entries[1].ok());
  EXPECT_FALSE(entries[2].ok());
  EXPECT_NE(entries[2].error.find("c_broken.h5"), std::string::npos) << entries[2].error;
  EXPECT_THROW(scan_folder(dir + "/missing"), std::runtime_error);
}

}  // namespace zhili::view
