// Animated PNG (viz/data/apng): frames written one by one read back pixel for
// pixel, with the frame count, delays, plays and the dates chunk; the writer
// refuses frames of another size and a file cut short.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "data/apng.hpp"
#include "fixture.hpp"

namespace zhili::view {
namespace {

Image pattern(int w, int h, int k) {
  Image im;
  im.width = w;
  im.height = h;
  im.rgba.resize(static_cast<std::size_t>(w * h * 4));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &im.rgba[static_cast<std::size_t>((y * w + x) * 4)];
      p[0] = static_cast<std::uint8_t>(x * 7 + k * 40);
      p[1] = static_cast<std::uint8_t>(y * 13 + k);
      p[2] = static_cast<std::uint8_t>((x ^ y) + k * 3);
      p[3] = static_cast<std::uint8_t>(200 + k);
    }
  return im;
}

TEST(Apng, FramesComeBackPixelForPixel) {
  const std::string path = test::fixture_dir() + "/three.png";
  {
    ApngWriter w(path, 33, 17, 3, 5, 0, {"2018-01-01", "2018-02-01", "2018-03-01"});
    for (int k = 0; k < 3; ++k) w.add(pattern(33, 17, k));
    w.finish();
  }
  const Apng a = read_apng(path);
  EXPECT_EQ(a.width, 33);
  EXPECT_EQ(a.height, 17);
  EXPECT_EQ(a.frames, 3);
  EXPECT_EQ(a.plays, 0);  // forever
  EXPECT_EQ(a.dates, (std::vector<std::string>{"2018-01-01", "2018-02-01", "2018-03-01"}));
  ASSERT_EQ(a.images.size(), 3u);
  ASSERT_EQ(a.delays.size(), 3u);
  for (int k = 0; k < 3; ++k) {
    EXPECT_DOUBLE_EQ(a.delays[static_cast<std::size_t>(k)], 0.2);
    EXPECT_EQ(a.images[static_cast<std::size_t>(k)].rgba, pattern(33, 17, k).rgba) << "frame " << k;
  }
  // Any PNG reader shows the first frame.
  EXPECT_EQ(read_png(path).rgba, pattern(33, 17, 0).rgba);
}

TEST(Apng, WrongSizesAndMissingFramesAreErrors) {
  const std::string path = test::fixture_dir() + "/bad.png";
  {
    ApngWriter w(path, 8, 8, 2, 4, 1, {});
    EXPECT_THROW(w.add(pattern(9, 8, 0)), std::runtime_error);
    w.add(pattern(8, 8, 0));
    EXPECT_THROW(w.finish(), std::runtime_error);  // 1 frame of 2
  }
  // An animation left unfinished leaves no file claiming frames it lacks.
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_THROW(ApngWriter(path, 0, 8, 1, 4, 0, {}), std::runtime_error);
}

TEST(Apng, AFileCutShortIsRefused) {
  const std::string path = test::fixture_dir() + "/cut.png";
  {
    ApngWriter w(path, 8, 8, 1, 4, 0, {});
    w.add(pattern(8, 8, 1));
    w.finish();
  }
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 12);  // no IEND
  EXPECT_THROW(read_apng(path), std::runtime_error);
}

}  // namespace
}  // namespace zhili::view
