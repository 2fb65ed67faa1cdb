// Comparing two runs (outcome table, difference maps), PNG files, CSV export.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "data/colour.hpp"
#include "data/compare.hpp"
#include "data/export.hpp"
#include "data/png.hpp"
#include "fixture.hpp"

namespace zhili::view {

TEST(Compare, OutcomesPresentInBothRuns) {
  test::FixtureSpec a_spec, b_spec;
  b_spec.offset = 50.0;
  b_spec.start = {2016, 1, 1};  // starts a year later
  RunData a(test::write_fixture("cmp_a", a_spec)), b(test::write_fixture("cmp_b", b_spec));
  const double t = a.times()[14];  // 2016-03: step 14 of A, step 2 of B
  const auto rows = compare_outcomes(a, b, t);
  ASSERT_EQ(rows.size(), 4u);  // migrant_share (a headline, first), population, population_by_zone x 2
  EXPECT_EQ(rows[0].name, "migrant_share");
  const OutcomeRow& pop = rows[1];
  EXPECT_EQ(pop.name, "population");
  EXPECT_EQ(pop.a, test::population(14, 0.0));
  EXPECT_EQ(pop.b, test::population(2, 50.0));
  EXPECT_EQ(pop.difference(), pop.b - pop.a);
  EXPECT_EQ(rows[3].label, "fringe");
  EXPECT_EQ(rows[3].unit, "persons");
  // Before B starts, B has no value.
  EXPECT_TRUE(std::isnan(compare_outcomes(a, b, a.times()[3])[0].b));
}

TEST(Compare, HeadlineOutcomesComeFirst) {
  std::vector<OutcomeRow> rows;
  for (const char* n : {"population", "clearance_rate", "moves", "coverage", "conflict_rate", "coverage"})
    rows.push_back({n, "", "", 0.0, 0.0});
  rows[5].label = "second";
  order_headline_first(rows);
  const std::vector<std::string> names{rows[0].name, rows[1].name, rows[2].name,
                                       rows[3].name, rows[4].name, rows[5].name};
  EXPECT_EQ(names, (std::vector<std::string>{"coverage", "coverage", "conflict_rate", "clearance_rate",
                                             "population", "moves"}));
  EXPECT_EQ(rows[1].label, "second");  // stable: a breakdown keeps its order
  EXPECT_LT(headline_rank("trips_per_case"), headline_rank("conflict_rate"));
  EXPECT_EQ(headline_rank("population"), headline_rank("moves"));
}

TEST(Compare, DifferencesMeanWhatTheOutcomeIsFor) {
  OutcomeRow coverage{"coverage_by_group", "migrant", "1", 0.60, 0.75, Better::higher};
  EXPECT_EQ(meaning_of(coverage), Meaning::better);  // +15 pp of migrants' coverage is good news
  coverage.b = 0.55;
  EXPECT_EQ(meaning_of(coverage), Meaning::worse);
  OutcomeRow incidents{"incidents_started", "", "incidents/step", 3.0, 5.0, Better::lower};
  EXPECT_EQ(meaning_of(incidents), Meaning::worse);
  incidents.b = 1.0;
  EXPECT_EQ(meaning_of(incidents), Meaning::better);
  incidents.b = 3.0;
  EXPECT_EQ(meaning_of(incidents), Meaning::no_change);
  const OutcomeRow population{"population", "", "persons", 1000.0, 1200.0, Better::neither};
  EXPECT_EQ(meaning_of(population), Meaning::neither);
  const OutcomeRow unknown{"trips_per_case", "", "trips", 1.2, std::nan(""), Better::lower};
  EXPECT_EQ(meaning_of(unknown), Meaning::neither);
  // Difference maps: the better side blue, the worse red, neither purple-orange.
  const Rgba blue_high = difference_colours(Better::higher).at(1.0), red_high = difference_colours(Better::lower).at(1.0);
  EXPECT_GT(blue_high.b, blue_high.r);
  EXPECT_GT(red_high.r, red_high.b);
  EXPECT_EQ(&difference_colours(Better::neither), &diverging_neutral());
}

TEST(Compare, DifferenceMap) {
  const float nan = std::nanf("");
  const std::vector<float> a{1.0f, 2.0f, nan}, b{1.5f, 0.0f, 3.0f};
  const auto d = map_difference(a, b);
  EXPECT_EQ(d[0], 0.5f);
  EXPECT_EQ(d[1], -2.0f);
  EXPECT_TRUE(std::isnan(d[2]));
  EXPECT_THROW(map_difference(a, std::vector<float>{1.0f}), std::invalid_argument);
}

TEST(Png, WritesAndReadsBack) {
  Image img{3, 2, {}};
  for (int i = 0; i < 6; ++i)
    img.rgba.insert(img.rgba.end(), {static_cast<std::uint8_t>(40 * i), 7, static_cast<std::uint8_t>(255 - i), 255});
  const std::string path = test::fixture_dir() + "/png_roundtrip.png";
  write_png(path, img);
  const Image back = read_png(path);
  EXPECT_EQ(back.width, 3);
  EXPECT_EQ(back.height, 2);
  EXPECT_EQ(back.rgba, img.rgba);
  EXPECT_EQ(back.pixel(2, 1), pack({200, 7, 250, 255}));
  EXPECT_THROW(write_png("/nonexistent/dir/x.png", img), std::runtime_error);
  EXPECT_THROW(read_png("/nonexistent/x.png"), std::runtime_error);
  EXPECT_THROW(write_png(path, Image{2, 2, {}}), std::runtime_error);

  const Image part = crop(img, 1, 1, 5, 5);  // clipped to the 3 x 2 image
  EXPECT_EQ(part.width, 2);
  EXPECT_EQ(part.height, 1);
  EXPECT_EQ(part.pixel(1, 0), img.pixel(2, 1));
  EXPECT_EQ(crop(img, 5, 0, 2, 2).width, 0);  // nothing left
}

}  // namespace zhili::view

namespace zhili::view {

TEST(Export, ObservableAsCsvOverTheCommonTimeline) {
  test::FixtureSpec a_spec, b_spec;
  a_spec.steps = 3;
  b_spec.steps = 2;
  b_spec.start = {2015, 2, 1};  // one month later
  b_spec.offset = 0.5;
  RunData a(test::write_fixture("csv_a", a_spec)), b(test::write_fixture("csv_b", b_spec));
  const std::string csv = observable_csv({&a, &b}, {"base", "open, variant"}, "population");
  EXPECT_EQ(csv,
            "date,base,\"open, variant\"\n"
            "2015-01-01,1000,\n"
            "2015-02-01,1010,1000.5\n"
            "2015-03-01,1020,1010.5\n");
  const std::string zones = observable_csv({&a}, {"base"}, "population_by_zone");
  EXPECT_EQ(zones.substr(0, zones.find('\n')), "date,base:core,base:fringe");
  EXPECT_EQ(observable_csv({&a}, {"base"}, "unknown"), "date\n");  // no run has it: no rows
  const std::string path = test::fixture_dir() + "/export.csv";
  write_text_file(path, csv);
  std::ifstream in(path);
  std::stringstream back;
  back << in.rdbuf();
  EXPECT_EQ(back.str(), csv);
  EXPECT_THROW(write_text_file("/nonexistent/dir/x.csv", csv), std::runtime_error);
}

}  // namespace zhili::view
