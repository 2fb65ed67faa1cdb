// Collective incidents on a real run: a 300-step run of
// scenarios/conflict/epstein-rebellion.yaml, whose /events/incidents must
// agree step by step with its own observables, and the map panel drawing the
// incidents in progress as red rings (under Xvfb; skipped without xvfb-run).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/xvfb_run.hpp"
#include "data/colour.hpp"
#include "data/incidents.hpp"
#include "data/png.hpp"
#include "fixture.hpp"
#include "process.hpp"

namespace zhili::view {

namespace {

std::string tmp(const std::string& name) { return test::fixture_dir() + "/" + name; }

// One file per test (0.2 s of simulation): ctest runs the tests as separate
// processes, perhaps at once.
std::string epstein_run(const std::string& name) {
  const std::string path = tmp(name + ".h5");
  const auto r = test::run_program({ZHILI_EXE, "run",
                                    std::string(ZHILI_SOURCE_DIR) + "/scenarios/conflict/epstein-rebellion.yaml",
                                    "--set", "run.steps=300", "-o", path, "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << "zhili run of the Epstein scenario failed: " << r.err;
  return path;
}

bool have_xvfb() { return std::filesystem::exists(ZHILI_XVFB_RUN); }

test::Result view(std::vector<std::string> args) {
  std::vector<std::string> full = xvfb_run_prefix(ZHILI_XVFB_RUN);
  full.push_back(ZHILI_VIEW_EXE);
  args.insert(args.begin(), full.begin(), full.end());
  return test::run_program(args);
}

// Pixels of the incident rings' colour (app/incident_markers.cpp), a pure red
// the viridis-like map scale never has, above the legend (whose line has a
// ring of its own): the top 80 % of the window holds the map canvas.
int count_ring_pixels(const Image& img, int x_from_percent = 0, int x_to_percent = 100) {
  int n = 0;
  for (int y = 0; y < img.height * 8 / 10; ++y)
    for (int x = img.width * x_from_percent / 100; x < img.width * x_to_percent / 100; ++x)
      n += img.pixel(x, y) == pack(Rgba{255, 30, 30, 255});
  return n;
}

}  // namespace

TEST(Incidents, EpsteinRunAgreesWithItsObservables) {
  RunData run(epstein_run("incidents_epstein"));
  const IncidentTable table = read_incidents(run.path());
  ASSERT_FALSE(table.empty()) << "the Epstein run had no incidents in 300 steps";
  ASSERT_EQ(table.steps.size(), 300u);
  std::set<std::int64_t> ids;
  for (const auto& i : table.incidents) {
    ids.insert(i.id);
    EXPECT_GE(i.duration_steps, 1);
    EXPECT_TRUE(i.x >= 0 && i.x < run.map_width() && i.y >= 0 && i.y < run.map_height()) << i.x << "," << i.y;
    EXPECT_GT(i.peak_cells, 0);
    EXPECT_LE(i.peak_active, table.max_peak_active);
  }
  EXPECT_EQ(ids.size(), table.incidents.size()) << "ids repeat";
  EXPECT_EQ(*ids.rbegin() + 1, static_cast<std::int64_t>(ids.size())) << "ids are 0 .. n-1";
  // Step by step: the incidents the viewer finds in progress and starting are
  // the model's own counts (observables incidents_in_progress, incidents_started).
  const auto& in_progress = run.series("incidents_in_progress");
  const auto& started = run.series("incidents_started");
  ASSERT_EQ(in_progress.size(), 300u);
  for (std::int64_t row = 0; row < 300; ++row) {
    const double t = run.times()[static_cast<std::size_t>(row)];
    const std::int64_t step = incident_step_at(table, run, t);
    ASSERT_EQ(step, table.steps[static_cast<std::size_t>(row)]);
    EXPECT_EQ(static_cast<double>(incidents_in_progress(table, step).size()),
              in_progress[static_cast<std::size_t>(row)])
        << "step " << step;
    const auto begun = std::count_if(table.incidents.begin(), table.incidents.end(),
                                     [&](const Incident& i) { return i.start_step == step; });
    EXPECT_EQ(static_cast<double>(begun), started[static_cast<std::size_t>(row)]) << "step " << step;
  }
}

TEST(Screenshot, IncidentsInProgressAreRedRingsOnTheMap) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found (Debian packages xvfb, xauth): screenshot tests skipped";
  RunData run(epstein_run("incidents_epstein_shot"));
  const IncidentTable table = read_incidents(run.path());
  ASSERT_FALSE(table.empty());
  // The step with the most incidents in progress, and one with none.
  std::int64_t busiest = 0, quiet = -1;
  std::size_t most = 0;
  for (std::int64_t row = 0; row < run.rows(); ++row) {
    const std::size_t n = incidents_in_progress(table, table.step_of_row(row)).size();
    if (n > most) {
      most = n;
      busiest = row;
    }
    if (n == 0 && row >= 50 && quiet < 0) quiet = row;  // after the first map snapshots
  }
  ASSERT_GT(most, 0u);
  ASSERT_GE(quiet, 0);
  const auto shot = [&](std::int64_t row, const std::string& png) {
    std::filesystem::remove(png);
    const auto r = view({"--screenshot", png, "--size", "900x640", "--panel", "map", "--map", "active_share", "--time",
                         run.dates()[static_cast<std::size_t>(row)], run.path()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_png(png);
  };
  const Image busy = shot(busiest, tmp("incidents_busy.png"));
  const Image calm = shot(quiet, tmp("incidents_calm.png"));
  // A ring of radius 5 px or more, 3 px wide, has well over 20 pixels of its
  // full colour (the rest anti-aliased).
  EXPECT_GT(count_ring_pixels(busy), 20 * static_cast<int>(most)) << most << " incidents in progress";
  EXPECT_EQ(count_ring_pixels(calm), 0) << "rings at a step without incidents";
}

// Live mode: a file still being written has no row for an incident that is
// still going on, so the rings come from the run. Six steps into an outburst
// (legitimacy 0.3 lower from the start), the file holds none of the
// incidents in progress, and the map still shows them.
TEST(Screenshot, LiveRunShowsIncidentsBeforeTheFileHasThem) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found (Debian packages xvfb, xauth): screenshot tests skipped";
  const std::string h5 = tmp("incidents_live.h5"), png = tmp("incidents_live.png");
  std::filesystem::remove(h5);
  std::filesystem::remove(png);
  const auto r = view({"--live", std::string(ZHILI_SOURCE_DIR) + "/scenarios/conflict/epstein-rebellion.yaml", "--set",
                       "policy.conflict.legitimacy_shock=0.3", "--set", "output.map_every=1", "--set", "run.steps=200",
                       "--live-steps", "6", "--map", "active_share", "--size", "900x640", "--screenshot", png, "-o",
                       h5});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // (The viewer closed the run on exit, which wrote the incidents still open
  // as ongoing; while it drew, the file had only those that had ended.)
  RunData run(h5);
  const auto& in_progress = run.series("incidents_in_progress");
  ASSERT_EQ(in_progress.size(), 6u);
  ASSERT_GT(in_progress.back(), 0.0) << "no incident in progress after six steps of the outburst";
  const IncidentTable file = read_incidents(h5);
  EXPECT_TRUE(std::none_of(file.incidents.begin(), file.incidents.end(),
                           [](const Incident& i) { return !i.ongoing && i.in_progress_at(5); }))
      << "the file had an incident in progress at the step drawn: the rings could have come from it";
  EXPECT_GT(count_ring_pixels(read_png(png)), 20 * static_cast<int>(in_progress.back()));
}

// The compare panel rings each run's incidents on its own map (none on the
// difference map): two runs of an outburst (legitimacy 0.3 lower from the
// start, seeds 1 and 2), each with an incident in progress on 2000-02-05.
TEST(Screenshot, ComparePanelRingsEachRunsIncidents) {
  if (!have_xvfb()) GTEST_SKIP() << "xvfb-run not found (Debian packages xvfb, xauth): screenshot tests skipped";
  std::string runs[2];
  for (int seed = 1; seed <= 2; ++seed) {
    runs[seed - 1] = tmp("incidents_compare_" + std::to_string(seed) + ".h5");
    const auto r = test::run_program(
        {ZHILI_EXE, "run", std::string(ZHILI_SOURCE_DIR) + "/scenarios/conflict/epstein-rebellion.yaml", "--set",
         "run.steps=20", "--set", "output.map_every=1", "--set", "policy.conflict.legitimacy_shock=0.3", "--set",
         "run.seed=" + std::to_string(seed), "-o", runs[seed - 1], "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const IncidentTable table = read_incidents(runs[seed - 1]);
    ASSERT_EQ(incidents_in_progress(table, 5).size(), 1u) << "seed " << seed;  // 2000-02-05 is step 5
  }
  const std::string png = tmp("incidents_compare.png");
  std::filesystem::remove(png);
  const auto r = view({"--screenshot", png, "--panel", "compare", "--map", "active_share", "--time", "2000-02-05",
                       "--size", "1400x800", runs[0], runs[1]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Image img = read_png(png);
  EXPECT_GT(count_ring_pixels(img, 0, 33), 20) << "run A's map";
  EXPECT_GT(count_ring_pixels(img, 33, 66), 20) << "run B's map";
  EXPECT_EQ(count_ring_pixels(img, 66, 100), 0) << "the difference map";
}

}  // namespace zhili::view
