// Colour maps and scales, categories and the formatting of values.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "data/categories.hpp"
#include "data/colour.hpp"
#include "data/format.hpp"

namespace zhili::view {

namespace {
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Relative luminance (ITU-R BT.709 on linearised sRGB).
double luminance(Rgba c) {
  auto lin = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
}  // namespace

TEST(ColourMap, ViridisRunsDarkToLightMonotonically) {
  const ColourMap& v = viridis();
  EXPECT_EQ(v.at(0.0), (Rgba{0x44, 0x01, 0x54, 255}));
  EXPECT_EQ(v.at(1.0), (Rgba{0xfd, 0xe7, 0x25, 255}));
  // Perceptual order: brighter for every larger value, so a map reads in grey too.
  double prev = -1.0;
  for (int i = 0; i <= 200; ++i) {
    const double y = luminance(v.at(i / 200.0));
    EXPECT_GT(y, prev) << "at " << i / 200.0;
    prev = y;
  }
  EXPECT_EQ(v.at(-3.0), v.at(0.0));  // clamped
  EXPECT_EQ(v.at(7.0), v.at(1.0));
}

TEST(ColourMap, DivergingIsWhiteInTheMiddleBlueBelowRedAbove) {
  const ColourMap& d = diverging();
  EXPECT_EQ(d.at(0.5), (Rgba{0xf7, 0xf7, 0xf7, 255}));
  EXPECT_GT(d.at(0.0).b, d.at(0.0).r);
  EXPECT_GT(d.at(1.0).r, d.at(1.0).b);
  // Symmetric in lightness, so +x and -x look equally strong.
  for (double u : {0.1, 0.25, 0.4}) EXPECT_NEAR(luminance(d.at(0.5 - u)), luminance(d.at(0.5 + u)), 0.12) << u;
}

TEST(ColourScale, ValuesRangesAndNaN) {
  ColourScale s;
  s.lo = 10.0;
  s.hi = 20.0;
  EXPECT_EQ(s.position(15.0), 0.5);
  EXPECT_EQ(s.position(-5.0), 0.0);
  EXPECT_EQ(s.position(99.0), 1.0);
  EXPECT_EQ(s(20.0), viridis().at(1.0));
  EXPECT_EQ(s(kNaN), s.nan_colour);

  const std::vector<float> values{3.0f, kNaN, -2.0f, 5.0f, std::numeric_limits<float>::infinity()};
  const Range r = finite_range(values);
  EXPECT_FALSE(r.empty);
  EXPECT_EQ(r.lo, -2.0);
  EXPECT_EQ(r.hi, 5.0);
  const Range c = finite_range(std::vector<float>{4.0f, 4.0f});
  EXPECT_LT(c.lo, 4.0);  // a constant field still has a usable range
  EXPECT_GT(c.hi, 4.0);
  EXPECT_TRUE(finite_range(std::vector<float>{kNaN}).empty);
  // An all-zero field starts at 0; merged extents are widened only once.
  EXPECT_EQ(finite_range(std::vector<float>{0.0f, 0.0f}).lo, 0.0);
  const Range merged = usable_range(merge(finite_extent(std::vector<float>{0.0f}),
                                          finite_extent(std::vector<float>{0.2f, 0.6f})));
  EXPECT_EQ(merged.lo, 0.0);
  EXPECT_FLOAT_EQ(static_cast<float>(merged.hi), 0.6f);
  const Range sym = symmetric_range(values);
  EXPECT_EQ(sym.lo, -5.0);
  EXPECT_EQ(sym.hi, 5.0);
  EXPECT_EQ(symmetric_range(std::vector<float>{0.0f}).hi, 1.0);
  const Range m = merge({0.0, 1.0, false}, {-1.0, 0.5, false});
  EXPECT_EQ(m.lo, -1.0);
  EXPECT_EQ(m.hi, 1.0);
  EXPECT_EQ(merge({0, 0, true}, {2.0, 3.0, false}).lo, 2.0);

  std::vector<std::uint32_t> px;
  colourise(values, s, px);
  ASSERT_EQ(px.size(), values.size());
  EXPECT_EQ(px[1], pack(s.nan_colour));
}

TEST(ColourScale, PackedBytesAreRgbaInMemory) {
  const std::uint32_t p = pack({1, 2, 3, 4});
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(&p);
  EXPECT_EQ(bytes[0], 1);
  EXPECT_EQ(bytes[1], 2);
  EXPECT_EQ(bytes[2], 3);
  EXPECT_EQ(bytes[3], 4);
  EXPECT_NE(category_colour(0), category_colour(1));
  EXPECT_EQ(category_colour(0), category_colour(10));  // cycles
}

TEST(Categories, ZoneCodesFromTheDescription) {
  const auto cats = parse_categories("Zone type: 0 urban_core, 1 fringe, 2 urban_village, 3 suburb, 4 rural");
  ASSERT_EQ(cats.size(), 5u);
  EXPECT_EQ(cats[2].code, 2);
  EXPECT_EQ(cats[2].name, "urban_village");
  EXPECT_EQ(category_name(cats, 3.0), "suburb");
  EXPECT_EQ(category_name(cats, 3.0000001), "suburb");
  EXPECT_EQ(category_index(cats, 4.0), 4);
  EXPECT_EQ(category_name(cats, 9.0), "");
  EXPECT_EQ(category_index(cats, std::nan("")), -1);
  EXPECT_TRUE(parse_categories("Resident households per cell").empty());
  EXPECT_TRUE(parse_categories("Share: 0.5 of x").empty());
}

TEST(Categories, CodeMapsColouredByCategory) {
  const auto cats = parse_categories("Zone type: 0 core, 4 rural");
  std::vector<std::uint32_t> px;
  const Rgba other{1, 2, 3, 255};
  colourise_categories(std::vector<float>{4.0f, 0.0f, 2.0f, kNaN}, cats, other, px);
  ASSERT_EQ(px.size(), 4u);
  EXPECT_EQ(px[0], pack(category_colour(1)));  // colour by position in the list, not by code
  EXPECT_EQ(px[1], pack(category_colour(0)));
  EXPECT_EQ(px[2], pack(other));
  EXPECT_EQ(px[3], pack(other));
}

TEST(Format, SharesCountsAndDifferences) {
  EXPECT_EQ(format_value(0.316, "1"), "31.60 %");
  EXPECT_EQ(format_value(480295.0, "persons"), "480,295 persons");
  EXPECT_EQ(format_value(-1234567.0, "yuan"), "-1,234,567 yuan");
  EXPECT_EQ(format_value(2.5, "yuan/month"), "2.5 yuan/month");
  EXPECT_EQ(format_value(7.0, ""), "7");
  EXPECT_EQ(format_value(std::nan(""), "1"), "n/a");
  EXPECT_EQ(format_difference(0.012, "1"), "+1.20 pp");
  EXPECT_EQ(format_difference(-2000.0, "persons"), "-2,000 persons");
  EXPECT_EQ(format_difference(3000.0, "persons"), "+3,000 persons");
  EXPECT_EQ(format_difference(0.5, "km"), "+0.5 km");
  EXPECT_EQ(format_difference(0.0, "persons"), "0 persons");
  EXPECT_EQ(format_difference(0.0, "1"), "0 pp");
  EXPECT_EQ(display_value(0.25, "1"), 25.0);
  EXPECT_EQ(display_value(0.25, "km"), 0.25);
}

}  // namespace zhili::view
