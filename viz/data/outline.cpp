#include "data/outline.hpp"

#include <cmath>

namespace zhili::view {

namespace {
bool same(float a, float b) { return a == b || (std::isnan(a) && std::isnan(b)); }
}  // namespace

std::vector<Segment> area_outline(std::span<const float> area, int width, int height) {
  std::vector<Segment> out;
  const auto at = [&](int x, int y) -> float {
    if (x < 0 || y < 0 || x >= width || y >= height) return 0.0f;
    return area[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const float a = at(x, y);
      if (!(a > 0)) continue;
      const auto fx = static_cast<float>(x), fy = static_cast<float>(y);
      if (at(x, y - 1) != a) out.push_back({fx, fy, fx + 1, fy});
      if (at(x, y + 1) != a) out.push_back({fx, fy + 1, fx + 1, fy + 1});
      if (at(x - 1, y) != a) out.push_back({fx, fy, fx, fy + 1});
      if (at(x + 1, y) != a) out.push_back({fx + 1, fy, fx + 1, fy + 1});
    }
  return out;
}

std::vector<Segment> value_boundaries(std::span<const float> values, int width, int height) {
  std::vector<Segment> out;
  if (width <= 0 || height <= 0 || values.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height))
    return out;
  const auto at = [&](int x, int y) {
    return values[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  };
  // Horizontal runs: the edge at row y between cells (x, y - 1) and (x, y).
  for (int y = 1; y < height; ++y) {
    int start = -1;
    for (int x = 0; x <= width; ++x) {
      const bool edge = x < width && !same(at(x, y - 1), at(x, y));
      if (edge && start < 0) start = x;
      if (!edge && start >= 0) {
        out.push_back({static_cast<float>(start), static_cast<float>(y), static_cast<float>(x), static_cast<float>(y)});
        start = -1;
      }
    }
  }
  // Vertical runs: the edge at column x between cells (x - 1, y) and (x, y).
  for (int x = 1; x < width; ++x) {
    int start = -1;
    for (int y = 0; y <= height; ++y) {
      const bool edge = y < height && !same(at(x - 1, y), at(x, y));
      if (edge && start < 0) start = y;
      if (!edge && start >= 0) {
        out.push_back({static_cast<float>(x), static_cast<float>(start), static_cast<float>(x), static_cast<float>(y)});
        start = -1;
      }
    }
  }
  return out;
}

}  // namespace zhili::view
