// Colour maps and scales for maps, legends and chart lines.
//
// Sequential data uses a viridis-like map: perceptually uniform (equal steps in
// value look like equal steps in colour), readable in grey and by most colour-
// blind viewers. Differences use a diverging blue-white-red map centred on 0,
// so "no change" is white and the sign is the hue. Categories (zone codes,
// runs, breakdown labels) use a qualitative palette of distinct hues.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace zhili::view {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

// Bytes r, g, b, a in memory order: ImGui's ImU32 (IM_COL32) and an OpenGL
// GL_RGBA / GL_UNSIGNED_BYTE texel on a little-endian machine.
inline std::uint32_t pack(Rgba c) {
  return static_cast<std::uint32_t>(c.r) | static_cast<std::uint32_t>(c.g) << 8 |
         static_cast<std::uint32_t>(c.b) << 16 | static_cast<std::uint32_t>(c.a) << 24;
}

// A colour map: evenly spaced stops, linearly interpolated.
class ColourMap {
 public:
  explicit ColourMap(std::vector<Rgba> stops) : stops_(std::move(stops)) {}
  Rgba at(double u) const;  // u in [0, 1], clamped; NaN gives the first stop
  ColourMap reversed() const { return ColourMap(std::vector<Rgba>(stops_.rbegin(), stops_.rend())); }
 private:
  std::vector<Rgba> stops_;
};

const ColourMap& viridis();
const ColourMap& diverging();  // blue (low) - white (middle) - red (high)
// Differences of something that is better higher: red (lower: worse) -
// white - blue (higher: better); diverging() serves those better lower.
const ColourMap& diverging_better_high();
// Differences with no better way (population, rents): purple - white -
// orange (ColorBrewer PuOr), which says neither good nor bad.
const ColourMap& diverging_neutral();

// Qualitative palette (Tableau 10): colour i of a set of categories, cycling.
Rgba category_colour(std::size_t i);

// Value -> colour over [lo, hi]; NaN (empty cells, "no value") gets nan_colour.
struct ColourScale {
  const ColourMap* map = &viridis();
  double lo = 0.0;
  double hi = 1.0;
  // Dark grey, near the canvas background: empty cells recede instead of
  // competing with the data (a mid grey reads as a value in viridis).
  Rgba nan_colour{58, 58, 64, 255};

  double position(double v) const;  // (v - lo) / (hi - lo), clamped to [0, 1]
  Rgba operator()(double v) const;
};

struct Range {
  double lo = 0.0;
  double hi = 1.0;
  bool empty = true;  // no finite value was seen
};

// Smallest and largest finite value; a constant field gets a range of width 1
// around it, so a scale built from it never divides by zero.
Range finite_range(std::span<const float> values);
// The same in two steps, for ranges merged over several snapshots: the
// finite values' extent (empty when none), then widened where it is a single
// value (only once merged, or a first all-zero snapshot would push the
// merged range below 0).
Range finite_extent(std::span<const float> values);
Range usable_range(const Range& r);
// [-m, m] with m the largest finite |value|: a diverging scale centred on 0.
Range symmetric_range(std::span<const float> values);
// Union of two ranges (for two runs drawn on the same scale).
Range merge(const Range& a, const Range& b);

// Colours every value into `out` (resized to values.size()) as packed RGBA.
void colourise(std::span<const float> values, const ColourScale& scale, std::vector<std::uint32_t>& out);

}  // namespace zhili::view
