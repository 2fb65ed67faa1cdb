// Outlets as map markers (viz/data/outlets): positions, kinds and names come
// from the file's /entities/outlets metadata, figures from the per-outlet
// series at the instant; files without the metadata show no markers.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "data/outlets.hpp"
#include "fixture.hpp"
#include "io/result_writer.hpp"

namespace zhili::view {

namespace {

const char* kSeries[] = {"arrivals", "served", "balked", "queue", "utilisation"};

// Two outlets over 6 monthly steps; series `k` of outlet `o` at step s is
// 100 k + 10 o + s, except utilisation = 0.1 (o + 1) + 0.01 s and outlet 1
// closed (NaN queue and utilisation) at step 4.
double figure(std::size_t k, std::size_t o, std::int64_t s) {
  if (o == 1 && s == 4 && k >= 3) return std::nan("");
  if (k == 4) return 0.1 * static_cast<double>(o + 1) + 0.01 * static_cast<double>(s);
  return 100.0 * static_cast<double>(k) + 10.0 * static_cast<double>(o) + static_cast<double>(s);
}

std::string write_outlet_run(const std::string& name, bool with_metadata) {
  const std::string path = test::fixture_dir() + "/" + name + ".h5";
  std::filesystem::remove(path);
  const std::vector<std::string> names{"centre", "window-east"};
  ResultLayout layout;
  layout.observables = {{"population", "persons", "", "", {}}};
  for (const char* s : kSeries) layout.entity_series.push_back({"outlets", s, "", "", names});
  if (with_metadata)
    layout.entity_groups.push_back({"outlets", "outlets", names, {"district_centre", "department_window"}, {3, 7}, {2, 5}});
  RunMetadata meta;
  meta.scenario_name = name;
  meta.calendar_start = "2017-01-01";
  meta.step_unit = "month";
  ResultWriter w(path, layout, meta, WriterSettings{4, 1});
  const Calendar cal(Date{2017, 1, 1}, TimeStep::month);
  for (std::int64_t s = 0; s < 6; ++s) {
    const double pop = 1000.0;
    w.append_step(s, cal.decimal_year_of(s), cal.date_of(s), {&pop, 1}, {});
    for (std::size_t k = 0; k < 5; ++k) {
      const double row[2] = {figure(k, 0, s), figure(k, 1, s)};
      w.append_entity_row(k, row);
    }
  }
  w.finish(RunStatus::finished, 1.0);
  return path;
}

}  // namespace

TEST(Outlets, PositionsKindsAndFiguresAtAnInstant) {
  RunData run(write_outlet_run("outlets_meta", true));
  const EntityGroupSpec* g = run.entity_group("outlets");
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->has_cells());

  const double t = run.times()[2];  // step 2
  const auto markers = outlets_at(run, t);
  ASSERT_EQ(markers.size(), 2u);
  EXPECT_EQ(markers[0].name, "centre");
  EXPECT_EQ(markers[0].kind, "district_centre");
  EXPECT_EQ(markers[0].x, 3);
  EXPECT_EQ(markers[0].y, 2);
  EXPECT_EQ(markers[1].name, "window-east");
  EXPECT_EQ(markers[1].kind, "department_window");
  EXPECT_EQ(markers[1].x, 7);
  EXPECT_EQ(markers[1].y, 5);
  EXPECT_EQ(markers[0].arrivals, figure(0, 0, 2));
  EXPECT_EQ(markers[1].served, figure(1, 1, 2));
  EXPECT_EQ(markers[1].balked, figure(2, 1, 2));
  EXPECT_EQ(markers[1].queue, figure(3, 1, 2));
  EXPECT_EQ(markers[0].utilisation, figure(4, 0, 2));

  // Between steps the step in force; before the start nothing.
  EXPECT_EQ(outlets_at(run, t + 0.01)[0].arrivals, figure(0, 0, 2));
  EXPECT_TRUE(std::isnan(outlets_at(run, run.times()[0] - 1.0)[0].queue));
  // A closed outlet: no queue, no utilisation.
  EXPECT_TRUE(std::isnan(outlets_at(run, run.times()[4])[1].utilisation));
}

TEST(Outlets, MarkerSizeFollowsQueueOrUtilisation) {
  RunData run(write_outlet_run("outlets_size", true));
  const double max_queue = run.entity_max("outlets", "queue");
  EXPECT_EQ(max_queue, figure(3, 1, 5));  // the largest finite queue of the run
  const auto m = outlets_at(run, run.times()[5]);
  // The largest queue of the run gets the largest marker; area grows with the value.
  EXPECT_FLOAT_EQ(marker_radius(m[1], MarkerSize::queue, max_queue, 4.0f, 20.0f), 20.0f);
  const float r0 = marker_radius(m[0], MarkerSize::queue, max_queue, 4.0f, 20.0f);
  EXPECT_NEAR(r0, 4.0f + 16.0f * std::sqrt(m[0].queue / max_queue), 1e-4);
  EXPECT_NEAR(marker_radius(m[0], MarkerSize::utilisation, max_queue, 4.0f, 20.0f),
              4.0f + 16.0f * std::sqrt(m[0].utilisation), 1e-4);
  // No value (closed): the smallest marker.
  const auto closed = outlets_at(run, run.times()[4]);
  EXPECT_EQ(marker_radius(closed[1], MarkerSize::utilisation, max_queue, 4.0f, 20.0f), 4.0f);
}

TEST(Outlets, FilesWithoutOutletCellsShowNoMarkers) {
  // Written as before outlet metadata existed: series, but no names/x/y attributes.
  RunData old(write_outlet_run("outlets_old", false));
  EXPECT_EQ(old.entity_group("outlets"), nullptr);
  EXPECT_TRUE(outlets_at(old, old.times().back()).empty());
  EXPECT_EQ(old.entity_series("outlets", "queue").size(), 12u);  // the series still read
  // And a file without any outlets.
  RunData none(test::write_fixture("outlets_none"));
  EXPECT_TRUE(outlets_at(none, none.times().back()).empty());
}

}  // namespace zhili::view
