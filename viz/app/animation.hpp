// Animation export (docs/VIEWER.md, "Exporting"): the panel (or the whole
// window) over a range of the timeline, one frame an instant, the date
// burnt in, written as an animated PNG (data/apng.hpp). From the command line
// (`--animate FROM:TO` with `--screenshot OUT.png`) and from the interface
// (Save animation: the panel from the instant shown to the end).
#pragma once

#include <memory>
#include <string>

#include "app/platform.hpp"
#include "app/viewer.hpp"
#include "data/apng.hpp"

namespace zhili::view {

// Renders instants [first, last] of the timeline headlessly and writes them
// to `path` at `fps` frames a second. Returns the frames written; throws
// std::runtime_error (the file, a frame) naming the path.
int write_animation(Platform& platform, Viewer& viewer, const std::string& path, std::size_t first,
                    std::size_t last, int fps, bool panel_only);

// The interface's recording, one frame per pass of the main loop while the
// window shows what is recorded.
class Recording {
 public:
  // Starts at the instant shown; the file is zhili-view-animation.png in the
  // working directory.
  explicit Recording(ViewerState& s);
  // After a frame was rendered: takes it and moves the timeline on. Returns
  // false when the last instant is in (the file is finished, s.message says where).
  bool take(Platform& platform, ViewerState& s);

 private:
  std::unique_ptr<ApngWriter> writer_;
  std::string path_;
  std::size_t first_, next_, last_;
  int width_ = 0, height_ = 0;
};

}  // namespace zhili::view
