// PNG files for screenshots (and reading them back in tests), through stb's
// image libraries, which Debian's Dear ImGui package already depends on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace zhili::view {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, top row first
  std::uint32_t pixel(int x, int y) const;  // packed like view::pack (r in the low byte)
};

// The part of `image` in the rectangle (x, y, width, height), clipped to the
// image; empty (0 x 0) if nothing is left. For exporting one panel of a frame.
Image crop(const Image& image, int x, int y, int width, int height);

// Writes `image` as an 8-bit RGBA PNG. Throws std::runtime_error naming the path.
void write_png(const std::string& path, const Image& image);
// Reads any PNG as RGBA. Throws std::runtime_error naming the path.
Image read_png(const std::string& path);

}  // namespace zhili::view
