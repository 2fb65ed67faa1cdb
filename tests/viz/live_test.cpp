// Live mode's controller (viz/live/live_run, sim/engine/live_control): a run
// on a background thread whose levers change mid-run. The change must land
// at the step the run was paused at, be recorded in the file, and leave a
// file equal to that of a plain run whose schedule has the change at that
// step; pausing must stop the stepping.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "engine/engine.hpp"
#include "engine/runner.hpp"
#include "fixture.hpp"
#include "io/result_reader.hpp"
#include "data/incidents.hpp"
#include "live/live_run.hpp"
#include "scenario/load.hpp"

namespace zhili::view {

namespace {

using namespace std::chrono_literals;

const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";

// tests/data/small.yaml (a ramp of hukou.openness from step 6, a set of
// permit_coverage at step 12) with services on, so the file has outlets too.
Scenario small_scenario(int steps) {
  return load_scenario(kSmall, {"run.steps=" + std::to_string(steps), "run.threads=2", "services.enabled=true"});
}

std::string tmp(const std::string& name) { return test::fixture_dir() + "/" + name; }

// Waits until the run is paused at a step boundary or over.
void settle(LiveRun& live) {
  for (int i = 0; i < 120 && !live.control().wait_until_idle(1s); ++i) {
  }
}

std::size_t lever_index(LeverId id) { return static_cast<std::size_t>(id); }

// Same length and the same bytes (NaN included, which == would not equal).
template <class T>
void expect_same(const std::vector<T>& a, const std::vector<T>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(T)), 0) << what << " differs";
}

}  // namespace

TEST(LiveRun, LeverChangeIsRecordedAtTheStepItWasMade) {
  const std::string path = tmp("live_change.h5");
  LiveRun live(small_scenario(8), path);
  live.control().pause_at(3);
  live.start();
  settle(live);
  ASSERT_EQ(live.steps_done(), 3);
  ASSERT_TRUE(live.control().waiting());
  live.set_lever(LeverId::hukou_openness, 0.9);
  live.set_lever(LeverId::services_equalization, 2.0);  // out of range: clamped to 1
  EXPECT_EQ(live.levers_next()[lever_index(LeverId::hukou_openness)], 0.9);  // shown before it is applied
  live.control().resume();
  settle(live);
  ASSERT_TRUE(live.ended());
  EXPECT_EQ(live.error(), "");
  EXPECT_EQ(live.steps_done(), 8);

  ResultReader r(path);
  EXPECT_EQ(r.status(), RunStatus::finished);
  const auto openness = r.read_lever("hukou.openness");
  ASSERT_EQ(openness.size(), 8u);
  for (int k = 0; k < 3; ++k) EXPECT_EQ(openness[k], 0.2) << "step " << k;
  // From step 3 the new value, until the scenario's ramp starts at step 6
  // (2015-07) and wins, as a later schedule entry would.
  for (int k = 3; k < 6; ++k) EXPECT_EQ(openness[k], 0.9) << "step " << k;
  EXPECT_NEAR(openness[6], 0.2, 1e-12);
  EXPECT_EQ(r.read_lever("services.equalization")[3], 1.0);
  EXPECT_EQ(r.read_lever("services.equalization")[2], 0.5);

  const EventTable changes = r.read_events("lever_changes");
  ASSERT_EQ(changes.columns.size(), 3u);
  ASSERT_EQ(changes.columns[0].size(), 2u);
  EXPECT_EQ(changes.columns[0][0], 3.0);  // step
  EXPECT_EQ(changes.columns[1][0], static_cast<double>(lever_index(LeverId::hukou_openness)));
  EXPECT_EQ(changes.columns[2][0], 0.9);
  EXPECT_EQ(changes.columns[2][1], 1.0);
  EXPECT_EQ(r.lever_names()[static_cast<std::size_t>(changes.columns[1][0])], "hukou.openness");
}

TEST(LiveRun, PauseStopsSteppingAndStopClosesTheFile) {
  const std::string path = tmp("live_pause.h5");
  LiveRun live(small_scenario(8), path);
  live.control().pause_at(2);
  live.start();
  settle(live);
  ASSERT_EQ(live.steps_done(), 2);
  std::this_thread::sleep_for(300ms);  // a run that ignored the pause would be done by now
  EXPECT_EQ(live.steps_done(), 2);
  EXPECT_TRUE(live.paused());
  EXPECT_FALSE(live.ended());
  live.control().request_flush();  // "Save" while paused: answered at once, still paused
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(live.steps_done(), 2);
  live.stop();
  EXPECT_TRUE(live.ended());
  ResultReader r(path);
  EXPECT_EQ(r.status(), RunStatus::interrupted);
  EXPECT_EQ(r.steps_done(), 2);
}

TEST(LiveRun, SpeedCapSpacesTheSteps) {
  LiveRun live(small_scenario(5), tmp("live_speed.h5"));
  live.control().set_max_steps_per_second(20.0);
  const auto t0 = std::chrono::steady_clock::now();
  live.start();
  settle(live);
  ASSERT_TRUE(live.ended());
  // Four waits of at least 50 ms between the five steps.
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 200ms);
}

// The file of a live run with changes equals, dataset by dataset, the file of
// a plain run whose scenario has those changes in its schedule at the same
// steps (observables, levers, maps and per-outlet series, bit for bit).
TEST(LiveRun, FileEqualsARunWithTheChangeInItsSchedule) {
  const std::string live_path = tmp("live_equal.h5");
  {
    LiveRun live(small_scenario(8), live_path);
    live.control().pause_at(2);
    live.start();
    settle(live);
    live.set_lever(LeverId::hukou_permit_coverage, 0.1);
    live.control().pause_at(5);
    live.control().resume();
    settle(live);
    ASSERT_EQ(live.steps_done(), 5);
    live.set_lever(LeverId::services_equalization, 0.95);
    live.set_lever(LeverId::hukou_openness, 0.7);
    live.control().resume();
    settle(live);
    ASSERT_TRUE(live.ended());
  }
  Scenario planned = small_scenario(8);
  insert_lever_set(planned.schedule, 2, LeverId::hukou_permit_coverage, 0.1, 1000);
  insert_lever_set(planned.schedule, 5, LeverId::services_equalization, 0.95, 1001);
  insert_lever_set(planned.schedule, 5, LeverId::hukou_openness, 0.7, 1002);
  const std::string plain_path = tmp("live_equal_plain.h5");
  RunRequest req;
  req.output_path = plain_path;
  run_scenario(planned, req);

  ResultReader a(live_path), b(plain_path);
  ASSERT_EQ(a.steps_done(), 8);
  ASSERT_EQ(b.steps_done(), 8);
  ASSERT_EQ(a.observable_names(), b.observable_names());
  for (const auto& name : a.observable_names())
    expect_same(a.read_observable(name), b.read_observable(name), "observable " + name);
  ASSERT_EQ(a.lever_names(), b.lever_names());
  for (const auto& name : a.lever_names()) expect_same(a.read_lever(name), b.read_lever(name), "lever " + name);
  EXPECT_EQ(a.read_lever("hukou.permit_coverage")[2], 0.1);
  ASSERT_EQ(a.maps().size(), b.maps().size());
  for (const auto& m : a.maps()) {
    ASSERT_EQ(a.map_steps(m.name), b.map_steps(m.name)) << m.name;
    for (std::size_t s = 0; s < a.map_steps(m.name).size(); ++s)
      expect_same(a.read_map(m.name, static_cast<std::int64_t>(s)), b.read_map(m.name, static_cast<std::int64_t>(s)),
                  "map " + m.name);
  }
  ASSERT_FALSE(a.entity_series().empty());
  for (const auto& e : a.entity_series())
    expect_same(a.read_entity_series(e.group, e.name), b.read_entity_series(e.group, e.name),
                "entities " + e.group + "/" + e.name);
  // Only the live file lists the changes.
  EXPECT_EQ(a.read_events("lever_changes").columns[0].size(), 3u);
  const auto names = b.event_table_names();
  EXPECT_EQ(std::find(names.begin(), names.end(), "lever_changes"), names.end());
}

// Outlets closed, reopened and re-staffed from the viewer act as scenario
// `schedule:` entries with `outlet:` at the steps they were made: the live
// file equals, bit for bit, a plain run whose scenario has those events, and
// records each change in /events/outlet_changes.
TEST(LiveRun, OutletChangesActAsScheduleEntriesAtTheirSteps) {
  const std::string live_path = tmp("live_outlets.h5");
  int centre = -1, station = -1, centre_windows = 0;
  std::vector<std::string> names;
  {
    LiveRun live(small_scenario(8), live_path);
    live.control().pause_at(2);
    live.start();
    settle(live);
    ASSERT_EQ(live.steps_done(), 2);
    const std::vector<OutletState> before = live.outlets_next();
    ASSERT_FALSE(before.empty());
    for (std::size_t o = 0; o < before.size(); ++o) {
      names.push_back(before[o].name);
      if (before[o].name == "centre") centre = static_cast<int>(o);
      if (station < 0 && before[o].name.rfind("station-", 0) == 0) station = static_cast<int>(o);
    }
    ASSERT_GE(centre, 0);
    ASSERT_GE(station, 0);
    ASSERT_TRUE(before[static_cast<std::size_t>(centre)].open);
    centre_windows = before[static_cast<std::size_t>(centre)].windows;
    ASSERT_GT(centre_windows, 0);
    live.set_outlet(centre, false, centre_windows);
    live.set_outlet(-1, true, 3);                                      // no such outlet: ignored
    live.set_outlet(static_cast<std::int32_t>(before.size()), true, 3);  // nor this
    EXPECT_FALSE(live.outlets_next()[static_cast<std::size_t>(centre)].open);  // shown while pending
    live.control().pause_at(4);
    live.control().resume();
    settle(live);
    ASSERT_EQ(live.steps_done(), 4);
    EXPECT_FALSE(live.outlets_next()[static_cast<std::size_t>(centre)].open);  // as step 3 left it
    live.set_outlet(centre, true, centre_windows + 3);
    live.set_outlet(station, true, -2);  // no windows (clamped to 0): open, but nobody is served
    live.control().resume();
    settle(live);
    ASSERT_TRUE(live.ended());
    EXPECT_EQ(live.error(), "");
  }
  ResultReader a(live_path);
  ASSERT_EQ(a.steps_done(), 8);
  ASSERT_EQ(a.find_entity_group("outlets")->names, names);
  const std::vector<double> windows = a.read_entity_series("outlets", "windows");
  ASSERT_EQ(windows.size(), 8 * names.size());
  const auto at = [&](int step, int outlet) { return windows[static_cast<std::size_t>(step) * names.size() + static_cast<std::size_t>(outlet)]; };
  for (int k = 0; k < 2; ++k) EXPECT_EQ(at(k, centre), centre_windows) << "step " << k;
  for (int k = 2; k < 4; ++k) EXPECT_EQ(at(k, centre), 0.0) << "step " << k;  // closed
  for (int k = 4; k < 8; ++k) EXPECT_EQ(at(k, centre), centre_windows + 3) << "step " << k;
  EXPECT_GT(at(3, station), 0.0);
  EXPECT_EQ(at(4, station), 0.0);
  const EventTable changes = a.read_events("outlet_changes");
  ASSERT_EQ(changes.columns.size(), 4u);
  ASSERT_EQ(changes.columns[0].size(), 3u);  // the two bad indices left no row
  EXPECT_EQ(changes.columns[0], (std::vector<double>{2, 4, 4}));
  EXPECT_EQ(changes.columns[1], (std::vector<double>{static_cast<double>(centre), static_cast<double>(centre),
                                                     static_cast<double>(station)}));
  EXPECT_EQ(changes.columns[2], (std::vector<double>{0, 1, 1}));
  EXPECT_EQ(changes.columns[3], (std::vector<double>{static_cast<double>(centre_windows),
                                                     static_cast<double>(centre_windows + 3), 0}));

  // The same changes as scenario events (what a `schedule:` entry with
  // `outlet:`, `open:` and `windows:` loads to), after the scenario's own.
  Scenario planned = small_scenario(8);
  const auto add = [&](std::int64_t step, int outlet, bool open, int n) {
    OutletEvent e;
    e.step = step;
    e.outlet = names[static_cast<std::size_t>(outlet)];
    e.kind = open ? OutletEvent::Kind::open : OutletEvent::Kind::close;
    planned.services.events.push_back(e);
    e.kind = OutletEvent::Kind::set_windows;
    e.windows = n;
    planned.services.events.push_back(e);
  };
  ASSERT_TRUE(planned.services.events.empty());
  add(2, centre, false, centre_windows);
  add(4, centre, true, centre_windows + 3);
  add(4, station, true, 0);
  const std::string plain_path = tmp("live_outlets_plain.h5");
  RunRequest req;
  req.output_path = plain_path;
  run_scenario(planned, req);
  ResultReader b(plain_path);
  ASSERT_EQ(a.observable_names(), b.observable_names());
  for (const auto& name : a.observable_names())
    expect_same(a.read_observable(name), b.read_observable(name), "observable " + name);
  for (const auto& e : a.entity_series())
    expect_same(a.read_entity_series(e.group, e.name), b.read_entity_series(e.group, e.name),
                "entities " + e.group + "/" + e.name);
  const auto plain_tables = b.event_table_names();
  EXPECT_EQ(std::find(plain_tables.begin(), plain_tables.end(), "outlet_changes"), plain_tables.end());
}

TEST(LiveRun, BadWorldIsReportedAsAnInputError) {
  // Valid keys, but more households than the map has homes: found when the
  // world is built, i.e. on the run's thread.
  Scenario s = load_scenario(kSmall, {"run.steps=2", "population.households=5000000"});
  LiveRun live(std::move(s), tmp("live_bad.h5"));
  live.start();
  settle(live);
  EXPECT_TRUE(live.ended());
  EXPECT_TRUE(live.failed_on_input());
  EXPECT_NE(live.error().find("population.households"), std::string::npos) << live.error();
  EXPECT_FALSE(live.file_ready());
}

// Incidents still going on reach the viewer from the run itself: the file
// gets an incident only when it ends. Paused during the outburst that a
// legitimacy shock set off in the Epstein scenario, the run's open rows are
// incidents the file does not hold yet, in progress at the last step done
// and as many as the step's observable counts; once the run is over, the file
// holds every one of them and the run offers none.
TEST(LiveRun, IncidentsInProgressComeFromTheRunUntilTheFileHasThem) {
  const std::string path = tmp("live_incidents.h5");
  LiveRun live(load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/conflict/epstein-rebellion.yaml",
                             {"run.steps=130", "run.threads=2"}),
               path);
  live.control().pause_at(100);
  live.start();
  settle(live);
  ASSERT_EQ(live.steps_done(), 100);
  live.set_lever(LeverId::conflict_legitimacy_shock, 0.3);
  live.control().pause_at(106);
  live.control().resume();
  settle(live);
  ASSERT_EQ(live.steps_done(), 106);

  const auto open = live.open_incident_rows();
  ASSERT_FALSE(open.empty()) << "no incident in progress five steps after a legitimacy drop of 0.3";
  const IncidentTable file = read_incidents(path);
  const IncidentTable both = with_open_incidents(file, open);
  ASSERT_EQ(both.incidents.size(), file.incidents.size() + open.size());
  std::vector<std::int64_t> open_ids;
  for (std::size_t k = file.incidents.size(); k < both.incidents.size(); ++k) {
    const Incident& i = both.incidents[k];
    open_ids.push_back(i.id);
    EXPECT_TRUE(i.ongoing);
    EXPECT_EQ(i.start_step + i.duration_steps, 106) << "incident " << i.id << " is not in progress at step 105";
    EXPECT_GT(i.peak_active, 0.0);
  }
  {
    ResultReader r(path);
    r.refresh();
    const auto in_progress = r.read_observable("incidents_in_progress");
    ASSERT_EQ(in_progress.size(), 106u);
    EXPECT_EQ(static_cast<double>(incidents_in_progress(both, 105).size()), in_progress[105]);
  }

  live.control().pause_at(-1);
  live.control().resume();
  settle(live);
  ASSERT_TRUE(live.ended());
  EXPECT_TRUE(live.open_incident_rows().empty());
  const IncidentTable done = read_incidents(path);
  for (const std::int64_t id : open_ids)
    EXPECT_TRUE(std::any_of(done.incidents.begin(), done.incidents.end(), [&](const Incident& i) { return i.id == id; }))
        << "incident " << id << " never reached the file";
}

}  // namespace zhili::view
