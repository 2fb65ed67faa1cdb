#include "data/colour.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace zhili::view {

Rgba ColourMap::at(double u) const {
  if (!(u > 0.0)) return stops_.front();  // also catches NaN
  if (u >= 1.0) return stops_.back();
  const double x = u * static_cast<double>(stops_.size() - 1);
  const auto i = static_cast<std::size_t>(x);
  const double f = x - static_cast<double>(i);
  const Rgba a = stops_[i], b = stops_[i + 1];
  auto mix = [f](std::uint8_t p, std::uint8_t q) {
    return static_cast<std::uint8_t>(std::lround(p + f * (static_cast<double>(q) - p)));
  };
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

const ColourMap& viridis() {
  // Matplotlib's viridis sampled at 11 even points (van der Walt & Smith,
  // 2015); linear interpolation between them stays within a few units of the
  // 256-entry table.
  static const ColourMap map({{0x44, 0x01, 0x54, 255}, {0x48, 0x24, 0x75, 255}, {0x41, 0x44, 0x87, 255},
                              {0x35, 0x5f, 0x8d, 255}, {0x2a, 0x78, 0x8e, 255}, {0x21, 0x91, 0x8c, 255},
                              {0x22, 0xa8, 0x84, 255}, {0x44, 0xbf, 0x70, 255}, {0x7a, 0xd1, 0x51, 255},
                              {0xbd, 0xdf, 0x26, 255}, {0xfd, 0xe7, 0x25, 255}});
  return map;
}

const ColourMap& diverging() {
  // ColorBrewer RdBu (11 classes), reversed so that low is blue and high red.
  static const ColourMap map({{0x05, 0x30, 0x61, 255}, {0x21, 0x66, 0xac, 255}, {0x43, 0x93, 0xc3, 255},
                              {0x92, 0xc5, 0xde, 255}, {0xd1, 0xe5, 0xf0, 255}, {0xf7, 0xf7, 0xf7, 255},
                              {0xfd, 0xdb, 0xc7, 255}, {0xf4, 0xa5, 0x82, 255}, {0xd6, 0x60, 0x4d, 255},
                              {0xb2, 0x18, 0x2b, 255}, {0x67, 0x00, 0x1f, 255}});
  return map;
}

const ColourMap& diverging_better_high() {
  static const ColourMap map = diverging().reversed();  // RdBu in its own order: low red, high blue
  return map;
}

const ColourMap& diverging_neutral() {
  // ColorBrewer PuOr (11 classes), purple low, orange high.
  static const ColourMap map({{0x2d, 0x00, 0x4b, 255}, {0x54, 0x27, 0x88, 255}, {0x80, 0x73, 0xac, 255},
                              {0xb2, 0xab, 0xd2, 255}, {0xd8, 0xda, 0xeb, 255}, {0xf7, 0xf7, 0xf7, 255},
                              {0xfe, 0xe0, 0xb6, 255}, {0xfd, 0xb8, 0x63, 255}, {0xe0, 0x82, 0x14, 255},
                              {0xb3, 0x58, 0x06, 255}, {0x7f, 0x3b, 0x08, 255}});
  return map;
}

Rgba category_colour(std::size_t i) {
  static constexpr std::array<Rgba, 10> tableau{{{0x4e, 0x79, 0xa7, 255}, {0xf2, 0x8e, 0x2b, 255},
                                                 {0xe1, 0x57, 0x59, 255}, {0x76, 0xb7, 0xb2, 255},
                                                 {0x59, 0xa1, 0x4f, 255}, {0xed, 0xc9, 0x48, 255},
                                                 {0xb0, 0x7a, 0xa1, 255}, {0xff, 0x9d, 0xa7, 255},
                                                 {0x9c, 0x75, 0x5f, 255}, {0xba, 0xb0, 0xac, 255}}};
  return tableau[i % tableau.size()];
}

double ColourScale::position(double v) const {
  if (!(hi > lo)) return 0.5;
  return std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
}

Rgba ColourScale::operator()(double v) const {
  if (std::isnan(v)) return nan_colour;
  return map->at(position(v));
}

Range finite_extent(std::span<const float> values) {
  Range r{0.0, 0.0, true};
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    if (r.empty) {
      r = {v, v, false};
    } else {
      r.lo = std::min(r.lo, static_cast<double>(v));
      r.hi = std::max(r.hi, static_cast<double>(v));
    }
  }
  return r;
}

Range usable_range(const Range& r) {
  if (r.empty) return {0.0, 1.0, true};
  if (r.hi != r.lo) return r;
  // A constant field: an all-zero one (no activity yet) from 0, so that 0
  // takes the bottom colour; any other around its value.
  if (r.lo == 0.0) return {0.0, 1.0, false};
  return {r.lo - 0.5, r.hi + 0.5, false};
}

Range finite_range(std::span<const float> values) { return usable_range(finite_extent(values)); }

Range symmetric_range(std::span<const float> values) {
  double m = 0.0;
  bool any = false;
  for (float v : values) {
    if (!std::isfinite(v)) continue;
    any = true;
    m = std::max(m, std::abs(static_cast<double>(v)));
  }
  if (m == 0.0) m = 1.0;  // all zero (identical runs): any symmetric range shows white
  return {-m, m, !any};
}

Range merge(const Range& a, const Range& b) {
  if (a.empty) return b;
  if (b.empty) return a;
  return {std::min(a.lo, b.lo), std::max(a.hi, b.hi), false};
}

void colourise(std::span<const float> values, const ColourScale& scale, std::vector<std::uint32_t>& out) {
  out.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = pack(scale(values[i]));
}

}  // namespace zhili::view
