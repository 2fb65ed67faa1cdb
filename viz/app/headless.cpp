#include "app/headless.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace zhili::view {

Image panel_part(const Image& frame, const ViewerState& s) {
  const auto px = [](float v) { return static_cast<int>(v + 0.5f); };
  return crop(frame, px(s.panel_rect[0]), px(s.panel_rect[1]), px(s.panel_rect[2]), px(s.panel_rect[3]));
}

void take_screenshot(Platform& platform, Viewer& viewer, const std::string& path, bool panel_only) {
  // ImGui lays out in the frame after it measures: a tab selected by flag
  // shows one frame later, auto-sized items settle in the second. Four frames
  // leave margin; each costs a few ms even on a software renderer.
  constexpr int kFrames = 4;
  for (int i = 0; i < kFrames; ++i) {
    platform.begin_frame();
    viewer.frame(0.0);
    platform.end_frame();
  }
  const Image frame = platform.read_pixels();
  if (!panel_only) {
    write_png(path, frame);
    return;
  }
  write_png(path, panel_part(frame, viewer.state()));
}

FrameStats measure_frames(Platform& platform, Viewer& viewer, int frames) {
  ViewerState& s = viewer.state();
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(frames));
  for (int i = 0; i < frames; ++i) {
    if (!s.playing) {  // at the end: loop, so every frame moves the timeline
      if (s.time_index + 1 >= s.timeline.size()) s.time_index = 0;
      s.playing = true;
    }
    const auto t0 = std::chrono::steady_clock::now();
    platform.begin_frame();
    viewer.frame(1.0 / s.speed);  // exactly one instant per frame
    platform.end_frame();
    platform.finish();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  FrameStats st;
  st.frames = frames;
  if (ms.empty()) return st;
  for (double m : ms) st.mean_ms += m / static_cast<double>(ms.size());
  std::sort(ms.begin(), ms.end());
  st.median_ms = ms[ms.size() / 2];
  st.p95_ms = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  return st;
}

}  // namespace zhili::view
