// Axis ticks for values and dates, and data <-> pixel transforms.
#include <gtest/gtest.h>

#include <cmath>

#include "plot/date_ticks.hpp"
#include "plot/stack.hpp"
#include "plot/ticks.hpp"
#include "plot/transform.hpp"

namespace zhili::view {

namespace {
std::vector<std::string> labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const auto& t : ticks) out.push_back(t.label);
  return out;
}
}  // namespace

TEST(Ticks, NiceSteps) {
  EXPECT_DOUBLE_EQ(nice_step(1.0, 5), 0.2);
  EXPECT_DOUBLE_EQ(nice_step(1.0, 10), 0.1);
  EXPECT_DOUBLE_EQ(nice_step(7.0, 5), 2.0);
  EXPECT_DOUBLE_EQ(nice_step(480000.0, 6), 100000.0);
  EXPECT_DOUBLE_EQ(nice_step(0.03, 6), 0.005);
  EXPECT_DOUBLE_EQ(nice_step(0.0, 5), 1.0);  // degenerate: something sane
}

TEST(Ticks, RoundLabelsInsideTheRange) {
  EXPECT_EQ(labels(nice_ticks(0.0, 1.0, 5)), (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  EXPECT_EQ(labels(nice_ticks(-3.3, 4.1, 4)), (std::vector<std::string>{"-2", "0", "2", "4"}));
  EXPECT_EQ(labels(nice_ticks(250000.0, 480295.0, 5)),
            (std::vector<std::string>{"250k", "300k", "350k", "400k", "450k"}));
  EXPECT_EQ(labels(nice_ticks(0.0, 3.2e6, 4)), (std::vector<std::string>{"0", "1M", "2M", "3M"}));
  EXPECT_EQ(labels(nice_ticks(0.1, 0.13, 3)), (std::vector<std::string>{"0.10", "0.11", "0.12", "0.13"}));
  EXPECT_TRUE(nice_ticks(1.0, 1.0, 5).empty());
  EXPECT_TRUE(nice_ticks(2.0, 1.0, 5).empty());
  for (const auto& t : nice_ticks(-0.7, 0.7, 7)) EXPECT_NE(t.label, "-0.0");
}

TEST(Ticks, ScaleBarIsARoundLengthThatFits) {
  EXPECT_DOUBLE_EQ(scale_bar_km(10.0, 200.0), 20.0);   // 20 km fit exactly
  EXPECT_DOUBLE_EQ(scale_bar_km(10.0, 199.0), 10.0);
  EXPECT_DOUBLE_EQ(scale_bar_km(100.0, 160.0), 1.0);
  EXPECT_DOUBLE_EQ(scale_bar_km(800.0, 160.0), 0.2);   // 200 m
  EXPECT_DOUBLE_EQ(scale_bar_km(3.0, 160.0), 50.0);
  EXPECT_EQ(scale_bar_km(0.0, 160.0), 0.0);            // no cell size in the file
  EXPECT_EQ(scale_bar_label(0.5), "500 m");
  EXPECT_EQ(scale_bar_label(20.0), "20 km");
}

TEST(Ticks, NiceBounds) {
  double lo = 0.13, hi = 0.87;
  nice_bounds(lo, hi, 5);
  EXPECT_DOUBLE_EQ(lo, 0.0);
  EXPECT_DOUBLE_EQ(hi, 1.0);
  lo = hi = 5.0;  // a flat series still gets a frame
  nice_bounds(lo, hi, 5);
  EXPECT_LT(lo, 5.0);
  EXPECT_GT(hi, 5.0);
}

TEST(DateTicks, YearsForLongSpans) {
  EXPECT_EQ(labels(date_ticks(2015.0, 2025.9, 12)),
            (std::vector<std::string>{"2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023",
                                      "2024", "2025"}));
  EXPECT_EQ(labels(date_ticks(2015.0, 2025.9, 6)), (std::vector<std::string>{"2016", "2018", "2020", "2022", "2024"}));
  EXPECT_EQ(labels(date_ticks(1978.0, 2030.0, 8)),
            (std::vector<std::string>{"1980", "1990", "2000", "2010", "2020", "2030"}));
  const auto t = date_ticks(2015.3, 2019.0, 10);
  EXPECT_EQ(t.front().value, 2016.0);
  EXPECT_EQ(t.back().value, 2019.0);
}

TEST(DateTicks, MonthsWhenZoomedIn) {
  EXPECT_EQ(labels(date_ticks(2017.0, 2017.99, 6)),
            (std::vector<std::string>{"2017-01", "2017-03", "2017-05", "2017-07", "2017-09", "2017-11"}));
  EXPECT_EQ(labels(date_ticks(2017.0, 2017.99, 4)),
            (std::vector<std::string>{"2017-01", "2017-04", "2017-07", "2017-10"}));
  const auto m = date_ticks(2017.05, 2017.3, 12);  // mid-January to mid-April
  EXPECT_EQ(labels(m), (std::vector<std::string>{"2017-02", "2017-03", "2017-04"}));
  EXPECT_NEAR(m[0].value, 2017.0 + 31.0 / 365.0, 1e-12);
  EXPECT_TRUE(date_ticks(2017.0, 2017.0, 5).empty());
}

TEST(Stack, RunningSumsAcrossLabels) {
  const std::vector<double> v{1, 2, 3, 10, std::nan(""), 30};
  EXPECT_EQ(stack_columns(v, 3), (std::vector<double>{1, 3, 6, 10, 10, 40}));  // NaN counts as 0
  EXPECT_EQ(stack_columns(v, 1), (std::vector<double>{1, 2, 3, 10, 0, 30}));
  EXPECT_TRUE(stack_columns({}, 2).empty());
}

TEST(Transform, DataToPixelAndBack) {
  const Axis x{2015.0, 2025.0, 100.0f, 600.0f};
  EXPECT_FLOAT_EQ(x.to_pixel(2020.0), 350.0f);
  EXPECT_DOUBLE_EQ(x.to_value(350.0f), 2020.0);
  // y runs upward: the bottom pixel is p0.
  const Axis y{0.0, 1.0, 400.0f, 0.0f};
  EXPECT_FLOAT_EQ(y.to_pixel(0.25), 300.0f);
  EXPECT_NEAR(y.to_value(100.0f), 0.75, 1e-9);
  EXPECT_TRUE(y.contains(0.5));
  EXPECT_FALSE(y.contains(1.5));
  Axis z = x;
  zoom_about(z, 350.0f, 0.5);
  EXPECT_NEAR(z.to_value(350.0f), 2020.0, 1e-9);  // the point under the cursor stays put
  EXPECT_NEAR(z.v1 - z.v0, 5.0, 1e-9);
  const Axis flat{3.0, 3.0, 0.0f, 10.0f};
  EXPECT_FLOAT_EQ(flat.to_pixel(3.0), 5.0f);
}

}  // namespace zhili::view
