#include "data/png.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace zhili::view {

std::uint32_t Image::pixel(int x, int y) const {
  std::uint32_t p = 0;
  std::memcpy(&p, &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4], 4);
  return p;
}

Image crop(const Image& image, int x, int y, int width, int height) {
  const int x0 = std::clamp(x, 0, image.width), y0 = std::clamp(y, 0, image.height);
  const int x1 = std::clamp(x + width, x0, image.width), y1 = std::clamp(y + height, y0, image.height);
  Image out{x1 - x0, y1 - y0, {}};
  if (out.width == 0 || out.height == 0) return Image{};
  out.rgba.reserve(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
  for (int row = y0; row < y1; ++row) {
    const auto begin = image.rgba.begin() + (static_cast<std::ptrdiff_t>(row) * image.width + x0) * 4;
    out.rgba.insert(out.rgba.end(), begin, begin + static_cast<std::ptrdiff_t>(out.width) * 4);
  }
  return out;
}

void write_png(const std::string& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4)
    throw std::runtime_error("cannot write '" + path + "': empty or inconsistent image");
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4))
    throw std::runtime_error("cannot write '" + path + "' (check that the folder exists and is writable)");
}

Image read_png(const std::string& path) {
  int w = 0, h = 0, channels = 0;
  std::unique_ptr<stbi_uc, void (*)(void*)> data(stbi_load(path.c_str(), &w, &h, &channels, 4), stbi_image_free);
  if (!data) throw std::runtime_error("cannot read PNG '" + path + "': " + stbi_failure_reason());
  Image img{w, h, {}};
  img.rgba.assign(data.get(), data.get() + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  return img;
}

}  // namespace zhili::view
