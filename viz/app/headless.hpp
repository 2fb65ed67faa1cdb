// Screenshot mode: renders frames offscreen until the layout has settled,
// writes the last one as a PNG and returns. Used by tests, reports and the
// README picture; needs a display (Xvfb is enough) but shows no window.
#pragma once

#include "app/options.hpp"
#include "app/platform.hpp"
#include "app/viewer.hpp"

namespace zhili::view {

// Throws std::runtime_error if the PNG cannot be written. `panel_only` crops
// the picture to the panel (no header, tabs or timeline).
void take_screenshot(Platform& platform, Viewer& viewer, const std::string& path, bool panel_only = false);

// The panel's part of a frame (the panel's rectangle of the last frame drawn).
Image panel_part(const Image& frame, const ViewerState& s);

struct FrameStats {
  int frames = 0;
  double mean_ms = 0.0, median_ms = 0.0, p95_ms = 0.0;
  double fps() const { return mean_ms > 0.0 ? 1000.0 / mean_ms : 0.0; }
};

// Frame-time benchmark: plays the timeline (one instant per frame, looping)
// for `frames` frames offscreen and times each one to the end of GL work.
FrameStats measure_frames(Platform& platform, Viewer& viewer, int frames);

}  // namespace zhili::view
