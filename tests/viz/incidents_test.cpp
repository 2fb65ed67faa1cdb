// Collective incidents as map markers (viz/data/incidents): the rows of
// /events/incidents, which are in progress or ended at an instant, marker
// sizes, files without the table, and the per-run cache following a file
// that grows. A real Epstein run is checked against its own observables in
// screenshot_test.cpp (it needs the zhili program).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "data/incidents.hpp"
#include "fixture.hpp"
#include "io/result_writer.hpp"

namespace zhili::view {

namespace {

struct Row {
  std::int64_t id, start, duration;
  double peak;
  std::int64_t cells, x, y, ongoing;
  std::int64_t written_at;  // step whose flush writes it (the model writes an incident when it ends)
};

// Three incidents over 20 weekly steps on a 10 x 8 map: #1 at step 3 only,
// #0 over steps 2-4, #2 from step 15 to the end (ongoing), in the order the
// model writes them (when they end).
const Row kRows[] = {{1, 3, 1, 40.0, 12, 6, 4, 0, 4},
                     {0, 2, 3, 10.0, 5, 1, 1, 0, 5},
                     {2, 15, 5, 2.5, 1, 9, 7, 1, 19}};

ResultLayout incident_layout() {
  using T = EventColumn::Type;
  ResultLayout layout;
  layout.observables = {{"population", "persons", "", "", {}}};
  layout.maps = {{"active_share", "1", "share active"}};
  layout.map_width = 10;
  layout.map_height = 8;
  layout.event_tables = {{"incidents",
                          "collective incidents",
                          {{"id", T::int64, "", ""},
                           {"start_step", T::int64, "step", ""},
                           {"duration_steps", T::int64, "steps", ""},
                           {"peak_active", T::float64, "households", ""},
                           {"peak_cells", T::int64, "cells", ""},
                           {"x", T::int64, "cell", ""},
                           {"y", T::int64, "cell", ""},
                           {"ongoing", T::int64, "", ""}}}};
  return layout;
}

std::unique_ptr<ResultWriter> open_incident_writer(const std::string& path) {
  std::filesystem::remove(path);
  RunMetadata meta;
  meta.scenario_name = "incidents";
  meta.calendar_start = "2000-01-03";
  meta.step_unit = "week";
  meta.steps_planned = 20;
  return std::make_unique<ResultWriter>(path, incident_layout(), meta, WriterSettings{10, 1});
}

// Steps [first, first + count), with the incidents written at those steps.
void append_incident_steps(ResultWriter& w, std::int64_t first, std::int64_t count) {
  const Calendar cal(Date{2000, 1, 3}, TimeStep::week);
  const std::vector<float> cells(80, 0.25f);
  for (std::int64_t s = first; s < first + count; ++s) {
    const double pop = 1000.0;
    w.append_step(s, cal.decimal_year_of(s), cal.date_of(s), {&pop, 1}, {});
    if (s % 5 == 0) w.append_map(0, s, cal.decimal_year_of(s), cells);
    for (const Row& r : kRows)
      if (r.written_at == s) {
        const double row[8] = {double(r.id), double(r.start), double(r.duration), r.peak,
                               double(r.cells), double(r.x),  double(r.y),        double(r.ongoing)};
        w.append_event(0, row);
      }
  }
}

std::string write_incident_run(const std::string& name) {
  const std::string path = test::fixture_dir() + "/" + name + ".h5";
  auto w = open_incident_writer(path);
  append_incident_steps(*w, 0, 20);
  w->finish(RunStatus::finished, 1.0);
  return path;
}

std::vector<std::int64_t> ids(const std::vector<Incident>& list) {
  std::vector<std::int64_t> out;
  for (const auto& i : list) out.push_back(i.id);
  std::sort(out.begin(), out.end());
  return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST(Incidents, EveryColumnOfEveryRow) {
  const IncidentTable table = read_incidents(write_incident_run("incidents_columns"));
  ASSERT_EQ(table.incidents.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    const Incident& i = table.incidents[k];
    const Row& r = kRows[k];  // in file order
    EXPECT_EQ(i.id, r.id);
    EXPECT_EQ(i.start_step, r.start);
    EXPECT_EQ(i.duration_steps, r.duration);
    EXPECT_EQ(i.peak_active, r.peak);
    EXPECT_EQ(i.peak_cells, r.cells);
    EXPECT_EQ(i.x, r.x);
    EXPECT_EQ(i.y, r.y);
    EXPECT_EQ(i.ongoing, r.ongoing == 1);
  }
  EXPECT_EQ(table.max_peak_active, 40.0);
  ASSERT_EQ(table.steps.size(), 20u);
  EXPECT_EQ(table.row_of_step(7), 7);
  EXPECT_EQ(table.row_of_step(20), -1);
  EXPECT_EQ(table.step_of_row(-1), -1);
}

TEST(Incidents, InProgressAtAnInstant) {
  const std::string path = write_incident_run("incidents_at");
  RunData run(path);
  const IncidentTable table = read_incidents(path);
  const auto at = [&](double t) { return ids(incidents_in_progress(table, incident_step_at(table, run, t))); };
  const auto step = [&](std::size_t s) { return run.times()[s]; };
  EXPECT_EQ(at(step(1)), Ids{});
  EXPECT_EQ(at(step(2)), (Ids{0}));        // #0 starts
  EXPECT_EQ(at(step(3)), (Ids{0, 1}));     // #1 lasts one step
  EXPECT_EQ(at(step(3) + 0.001), (Ids{0, 1}));  // between steps: the step in force
  EXPECT_EQ(at(step(4)), (Ids{0}));
  EXPECT_EQ(at(step(5)), Ids{});           // start + duration is the first step without it
  EXPECT_EQ(at(step(14)), Ids{});
  EXPECT_EQ(at(step(15)), (Ids{2}));
  EXPECT_EQ(at(step(19)), (Ids{2}));       // ongoing at the end of the run
  EXPECT_EQ(at(step(19) + 1.0), (Ids{2}));  // after the end: the last step
  EXPECT_EQ(at(step(0) - 0.1), Ids{});     // before the run starts: none
  EXPECT_EQ(incident_step_at(table, run, step(0) - 0.1), -1);
}

TEST(Incidents, StartedAndEndedUpToAnInstant) {
  const IncidentTable table = read_incidents(write_incident_run("incidents_started"));
  EXPECT_EQ(ids(incidents_started_by(table, 1)), Ids{});
  EXPECT_EQ(ids(incidents_started_by(table, 3)), (Ids{0, 1}));
  EXPECT_EQ(ids(incidents_ended_by(table, 3)), Ids{});
  EXPECT_EQ(ids(incidents_ended_by(table, 4)), (Ids{1}));
  EXPECT_EQ(ids(incidents_ended_by(table, 10)), (Ids{0, 1}));
  EXPECT_EQ(ids(incidents_started_by(table, 19)), (Ids{0, 1, 2}));
  EXPECT_EQ(ids(incidents_ended_by(table, 19)), (Ids{0, 1}));  // #2 still going
  EXPECT_EQ(ids(incidents_started_by(table, -1)), Ids{});
  // Started by = in progress + ended, at every step.
  for (std::int64_t s = 0; s < 20; ++s)
    EXPECT_EQ(incidents_started_by(table, s).size(),
              incidents_in_progress(table, s).size() + incidents_ended_by(table, s).size())
        << "step " << s;
}

TEST(Incidents, MarkerAreaGrowsWithPeakActive) {
  const IncidentTable table = read_incidents(write_incident_run("incidents_size"));
  const Incident& biggest = table.incidents[0];  // #1, peak 40 = the run's largest
  EXPECT_FLOAT_EQ(incident_radius(biggest, table.max_peak_active, 5.0f, 25.0f), 25.0f);
  const Incident& small = table.incidents[1];  // #0, peak 10
  EXPECT_NEAR(incident_radius(small, table.max_peak_active, 5.0f, 25.0f), 5.0f + 20.0f * std::sqrt(10.0 / 40.0),
              1e-4);
  Incident none = small;
  none.peak_active = 0.0;
  EXPECT_EQ(incident_radius(none, table.max_peak_active, 5.0f, 25.0f), 5.0f);
  none.peak_active = std::nan("");
  EXPECT_EQ(incident_radius(none, table.max_peak_active, 5.0f, 25.0f), 5.0f);
  EXPECT_EQ(incident_radius(small, 0.0, 5.0f, 25.0f), 5.0f);  // a run without peaks
}

TEST(Incidents, FilesWithoutTheTableHaveNone) {
  const std::string path = test::write_fixture("incidents_none");
  const IncidentTable table = read_incidents(path);
  EXPECT_TRUE(table.empty());
  EXPECT_EQ(table.max_peak_active, 0.0);
  RunData run(path);
  IncidentCache cache;
  EXPECT_TRUE(cache.of(run).empty());
  EXPECT_TRUE(incidents_in_progress(cache.of(run), incident_step_at(cache.of(run), run, run.times().back())).empty());
  EXPECT_THROW(read_incidents("/nonexistent/run.h5"), std::runtime_error);
}

// The cache reads a run once, and again when it has grown: the writer runs in
// a child process, as in run_test.cpp, and says through a pipe when a flush is done.
TEST(Incidents, CacheFollowsAGrowingFile) {
  const std::string path = test::fixture_dir() + "/incidents_growing.h5";
  int to_test[2], to_child[2];
  ASSERT_EQ(pipe(to_test), 0);
  ASSERT_EQ(pipe(to_child), 0);
  const pid_t child = fork();
  if (child == 0) {
    char c = 0;
    try {
      auto w = open_incident_writer(path);
      append_incident_steps(*w, 0, 10);  // one flush: #1 and #0 written
      if (write(to_test[1], "x", 1) != 1 || read(to_child[0], &c, 1) != 1) _exit(3);
      append_incident_steps(*w, 10, 10);
      w->finish(RunStatus::finished, 1.0);  // + #2
    } catch (...) {
      _exit(2);
    }
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(read(to_test[0], &c, 1), 1);
  RunData run(path);
  IncidentCache cache;
  EXPECT_EQ(run.rows(), 10);
  EXPECT_EQ(ids(cache.of(run).incidents), (Ids{0, 1}));
  EXPECT_EQ(&cache.of(run), &cache.of(run));  // read once, kept

  ASSERT_EQ(write(to_child[1], "x", 1), 1);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(ids(cache.of(run).incidents), (Ids{0, 1}));  // the run not re-read yet
  run.refresh();
  EXPECT_EQ(run.rows(), 20);
  EXPECT_EQ(ids(cache.of(run).incidents), (Ids{0, 1, 2}));
  EXPECT_EQ(ids(incidents_in_progress(cache.of(run), 19)), (Ids{2}));
  for (int fd : {to_test[0], to_test[1], to_child[0], to_child[1]}) close(fd);
}

}  // namespace zhili::view
