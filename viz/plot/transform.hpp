// Data <-> pixel transforms for charts and maps: a linear map per axis from a
// data interval to a pixel interval. The y axis of a chart runs upward, so its
// pixel interval is given bottom first (p0 > p1); the same code then serves
// both axes and the inverse (for hover read-outs and zooming about the cursor).
#pragma once

namespace zhili::view {

struct Axis {
  double v0 = 0.0, v1 = 1.0;  // data interval
  float p0 = 0.0f, p1 = 1.0f; // pixel interval, p0 is where v0 lands

  float to_pixel(double v) const {
    if (v1 == v0) return 0.5f * (p0 + p1);
    return static_cast<float>(p0 + (v - v0) / (v1 - v0) * (p1 - p0));
  }
  double to_value(float p) const {
    if (p1 == p0) return 0.5 * (v0 + v1);
    return v0 + static_cast<double>(p - p0) / static_cast<double>(p1 - p0) * (v1 - v0);
  }
  bool contains(double v) const { return v0 <= v1 ? (v >= v0 && v <= v1) : (v >= v1 && v <= v0); }
};

struct Transform2D {
  Axis x, y;
};

// Zoom the data interval of `a` by `factor` (< 1 zooms in) keeping the value
// under pixel `p` where it is: what a mouse wheel over a chart or map does.
inline void zoom_about(Axis& a, float p, double factor) {
  const double c = a.to_value(p);
  a.v0 = c + (a.v0 - c) * factor;
  a.v1 = c + (a.v1 - c) * factor;
}

}  // namespace zhili::view
