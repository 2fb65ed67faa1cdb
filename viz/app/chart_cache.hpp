// A chart's plot area kept in a texture. Drawing thousands of line segments
// is cheap for ImGui but not for a software rasterizer (llvmpipe spends
// microseconds per triangle): while the timeline plays only the time cursor
// moves, so the lines are drawn once into an offscreen texture and redrawn
// only when what they show changes (the key: data, zoom, size).
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

namespace zhili::view {

class ChartCache {
 public:
  ChartCache() = default;
  ~ChartCache();
  ChartCache(const ChartCache&) = delete;
  ChartCache& operator=(const ChartCache&) = delete;

  // Makes the texture hold what `draw` puts into the rectangle p0..p1 (screen
  // pixels), calling it only if `key` differs from last time. `draw` must
  // clear the whole rectangle (the texture starts with stale content).
  void update(const std::string& key, ImVec2 p0, ImVec2 p1, const std::function<void(ImDrawList*)>& draw);
  // Draws the texture into `dl` over p0..p1.
  void show(ImDrawList* dl, ImVec2 p0, ImVec2 p1) const;

 private:
  unsigned fbo_ = 0, texture_ = 0;
  int width_ = 0, height_ = 0;
  std::string key_;
};

}  // namespace zhili::view
