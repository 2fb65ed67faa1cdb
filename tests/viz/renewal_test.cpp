// Renewal projects as the viewer draws them (viz/data/renewal): stage changes
// read from renewal_stage as dated marks, the stages at an instant, and the
// outline and label position of each project's area.
#include <gtest/gtest.h>

#include <filesystem>

#include "data/renewal.hpp"
#include "fixture.hpp"
#include "io/result_writer.hpp"

namespace zhili::view {
namespace {

// Two projects over 12 monthly steps from 2018-01: "east" noticed and
// demolished at step 0, construction from 2, complete at 9; "farms" planned
// until 3, consultation 3-5, demolition 6, construction 7 on.
const double kStages[12][2] = {{2, 0}, {2, 0}, {3, 0}, {3, 1}, {3, 1}, {3, 1},
                               {3, 2}, {3, 3}, {3, 3}, {4, 3}, {4, 3}, {4, 3}};

std::string write_renewal_run() {
  const std::string path = test::fixture_dir() + "/renewal.h5";
  std::filesystem::remove(path);
  ResultLayout layout;
  layout.observables = {{"renewal_stage", "stage", "", "project", {"east", "farms"}}};
  layout.maps = {{"renewal_area", "project", "project of each cell"}};
  layout.map_width = 4;
  layout.map_height = 3;
  RunMetadata meta;
  meta.scenario_name = "renewal";
  meta.calendar_start = "2018-01-01";
  meta.step_unit = "month";
  meta.steps_planned = 12;
  ResultWriter w(path, layout, meta, WriterSettings{4, 1});
  const Calendar cal(Date{2018, 1, 1}, TimeStep::month);
  // Project 1 the two left columns of the top two rows, project 2 the bottom-right cell.
  const std::vector<float> area = {1, 1, 0, 0,  //
                                   1, 1, 0, 0,  //
                                   0, 0, 0, 2};
  for (std::int64_t s = 0; s < 12; ++s) {
    w.append_step(s, cal.decimal_year_of(s), cal.date_of(s), kStages[s], {});
    if (s % 6 == 0) w.append_map(0, s, cal.decimal_year_of(s), area);
  }
  w.finish(RunStatus::finished, 1.0);
  return path;
}

TEST(Renewal, MarksAreEachProjectsStageChanges) {
  RunData run(write_renewal_run(), OpenCheck::none);
  const std::vector<TimeMark> marks = renewal_marks(run);
  ASSERT_EQ(marks.size(), 6u);
  const Calendar cal(Date{2018, 1, 1}, TimeStep::month);
  // In time order: east 0->2 at 0, east 2->3 at 2, farms 0->1 at 3, farms 1->2 at 6, farms 2->3 at 7, east 3->4 at 9.
  const struct { std::int64_t step; const char* project; int from, to; } expected[] = {
      {0, "east", 0, 2}, {2, "east", 2, 3}, {3, "farms", 0, 1}, {6, "farms", 1, 2}, {7, "farms", 2, 3}, {9, "east", 3, 4}};
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_DOUBLE_EQ(marks[k].t, cal.decimal_year_of(expected[k].step)) << k;
    EXPECT_EQ(marks[k].project, expected[k].project) << k;
    EXPECT_EQ(marks[k].from, expected[k].from) << k;
    EXPECT_EQ(marks[k].to, expected[k].to) << k;
  }
  EXPECT_EQ(renewal_stages_at(run, cal.decimal_year_of(4)), (std::vector<int>{3, 1}));
  EXPECT_STREQ(renewal_stage_name(3), "construction");
}

TEST(Renewal, RunsWithoutProjectsHaveNoMarks) {
  RunData run(test::write_fixture("no_renewal"), OpenCheck::none);
  EXPECT_TRUE(renewal_marks(run).empty());
  EXPECT_TRUE(renewal_stages_at(run, 2015.5).empty());
}

TEST(Renewal, OutlinesFollowTheAreasEdges) {
  const std::vector<float> area = {1, 1, 0, 0,  //
                                   1, 1, 0, 0,  //
                                   0, 0, 0, 2};
  const std::vector<Segment> edges = area_outline(area, 4, 3);
  // A 2 x 2 block has 8 unit edges on its border; a lone cell 4.
  ASSERT_EQ(edges.size(), 12u);
  float length = 0;
  for (const Segment& s : edges) {
    length += std::abs(s.x1 - s.x0) + std::abs(s.y1 - s.y0);
    // No edge runs inside the block (between two cells of project 1).
    EXPECT_FALSE(s.x0 == 1 && s.x1 == 1 && s.y0 < 2) << s.x0 << "," << s.y0;
  }
  EXPECT_FLOAT_EQ(length, 12.0f);
  const std::vector<AreaLabel> labels = area_labels(area, 4, 3);
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0].project, 1);
  EXPECT_FLOAT_EQ(labels[0].x, 1.0f);
  EXPECT_FLOAT_EQ(labels[0].y, 1.0f);
  EXPECT_EQ(labels[1].project, 2);
  EXPECT_FLOAT_EQ(labels[1].x, 3.5f);
  EXPECT_FLOAT_EQ(labels[1].y, 2.5f);
}

}  // namespace
}  // namespace zhili::view
