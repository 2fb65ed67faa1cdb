// The presentation layout's headline figures (viz/data/headline): means of
// the twelve months to the date shown, NaN months skipped, a breakdown's sum,
// unemployment as the complement of the employment rate (and its meaning
// flipped), the change since the first year or against another run; and the
// zone borders drawn over the map (viz/data/outline).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "core/calendar.hpp"
#include "data/headline.hpp"
#include "data/outline.hpp"
#include "fixture.hpp"
#include "io/result_writer.hpp"

namespace zhili::view {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 24 months from 2015-01: migrants' coverage 0.5 + 0.01 s (+ offset),
// registered 0.9 but NaN in the last month, complaints 10 + s by hotline and
// 1 by petition, employment rate 0.95.
std::string write_run(const std::string& name, double offset) {
  const std::string path = test::fixture_dir() + "/" + name + ".h5";
  std::filesystem::remove(path);
  ResultLayout layout;
  layout.observables = {
      {"coverage_by_group", "1", "coverage", "group", {"registered", "migrant"}, Better::higher},
      {"complaints_rate", "1/10k/year", "complaints", "channel", {"hotline", "petition"}},
      {"urban_employment_rate", "1", "p", "", {}, Better::higher}};
  RunMetadata meta;
  meta.scenario_name = name;
  meta.calendar_start = "2015-01-01";
  meta.step_unit = "month";
  meta.steps_planned = 24;
  ResultWriter w(path, layout, meta, WriterSettings{5, 1});
  const Calendar cal(Date{2015, 1, 1}, TimeStep::month);
  for (std::int64_t s = 0; s < 24; ++s) {
    const double row[5] = {s == 23 ? kNaN : 0.9, 0.5 + 0.01 * static_cast<double>(s) + offset,
                           10.0 + static_cast<double>(s), 1.0, 0.95};
    w.append_step(s, cal.decimal_year_of(s), cal.date_of(s), row, {});
  }
  w.finish(RunStatus::finished, 1.0);
  return path;
}

const HeadlineFigure* find(const std::vector<HeadlineFigure>& f, const char* observable, const char* label) {
  for (const auto& x : f)
    if (x.row.name == observable && x.row.label == label) return &x;
  return nullptr;
}

TEST(Headline, MeansOfTheYearToTheDateAgainstTheFirstYear) {
  RunData run(write_run("headline_a", 0.0), OpenCheck::none);
  const double end = run.times().back();
  const auto figures = headline_figures(run, nullptr, end);
  ASSERT_EQ(figures.size(), 4u);  // the run has no trips, incidents or urban share: left out

  const HeadlineFigure* migrants = find(figures, "coverage_by_group", "migrant");
  ASSERT_NE(migrants, nullptr);
  EXPECT_NEAR(migrants->row.b, 0.5 + 0.01 * 17.5, 1e-12);  // months 12..23
  EXPECT_NEAR(migrants->row.a, 0.5 + 0.01 * 5.5, 1e-12);   // months 0..11
  EXPECT_EQ(meaning_of(migrants->row), Meaning::better);

  const HeadlineFigure* registered = find(figures, "coverage_by_group", "registered");
  ASSERT_NE(registered, nullptr);
  EXPECT_DOUBLE_EQ(registered->row.b, 0.9);  // the NaN month is skipped, not averaged in
  EXPECT_EQ(meaning_of(registered->row), Meaning::no_change);

  const HeadlineFigure* complaints = find(figures, "complaints_rate", "");
  ASSERT_NE(complaints, nullptr);
  EXPECT_NEAR(complaints->row.b, 11.0 + 17.5, 1e-12);  // both channels
  EXPECT_EQ(meaning_of(complaints->row), Meaning::neither);  // the file says neither way is better

  const HeadlineFigure* unemployment = find(figures, "urban_employment_rate", "");
  ASSERT_NE(unemployment, nullptr);
  EXPECT_NEAR(unemployment->row.b, 0.05, 1e-12);
  EXPECT_EQ(unemployment->row.better, Better::lower);

  // Half-way: the year to 2015-12 is the first year itself.
  const auto mid = headline_figures(run, nullptr, run.times()[11]);
  EXPECT_NEAR(find(mid, "coverage_by_group", "migrant")->row.b, 0.5 + 0.01 * 5.5, 1e-12);
  // Before the run: nothing to show.
  EXPECT_TRUE(std::isnan(headline_figures(run, nullptr, 2014.0).front().row.b));
}

TEST(Headline, AgainstAnotherRunAtTheSameDate) {
  RunData before(write_run("headline_before", 0.0), OpenCheck::none);
  RunData after(write_run("headline_after", -0.1), OpenCheck::none);
  const auto figures = headline_figures(after, &before, after.times().back());
  const HeadlineFigure* migrants = find(figures, "coverage_by_group", "migrant");
  ASSERT_NE(migrants, nullptr);
  EXPECT_NEAR(migrants->row.difference(), -0.1, 1e-12);
  EXPECT_EQ(meaning_of(migrants->row), Meaning::worse);
}

TEST(Outline, BordersBetweenValuesJoinedAlongRowsAndColumns) {
  // 0 0 1
  // 0 0 1
  // 2 2 2
  const std::vector<float> v = {0, 0, 1, 0, 0, 1, 2, 2, 2};
  const auto s = value_boundaries(v, 3, 3);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].x0, 0.0f);  // the row border above the 2s, one segment across the map
  EXPECT_EQ(s[0].y0, 2.0f);
  EXPECT_EQ(s[0].x1, 3.0f);
  EXPECT_EQ(s[1].x0, 2.0f);  // the column border left of the 1s, two cells long
  EXPECT_EQ(s[1].y0, 0.0f);
  EXPECT_EQ(s[1].y1, 2.0f);
  const std::vector<float> nan = {std::nanf(""), std::nanf(""), 1, 1};
  EXPECT_EQ(value_boundaries(nan, 2, 2).size(), 1u);  // NaN next to NaN is no border
}

}  // namespace
}  // namespace zhili::view
