#include "app/animation.hpp"

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "app/headless.hpp"
#include "app/i18n.hpp"
#include "data/decimal_year.hpp"

namespace zhili::view {

namespace {

constexpr int kInterfaceFps = 4;  // a year of monthly steps in 3 s: slow enough to read the date

std::vector<std::string> dates_of(const ViewerState& s, std::size_t first, std::size_t last) {
  std::vector<std::string> out;
  for (std::size_t i = first; i <= last; ++i) out.push_back(date_label(s.timeline.time(i)));
  return out;
}

}  // namespace

int write_animation(Platform& platform, Viewer& viewer, const std::string& path, std::size_t first,
                    std::size_t last, int fps, bool panel_only) {
  ViewerState& s = viewer.state();
  if (s.timeline.empty() || first > last || last >= s.timeline.size())
    throw std::runtime_error(path + ": no instants of the runs' timeline in the range");
  s.burn_date = true;
  s.playing = false;
  std::unique_ptr<ApngWriter> writer;
  for (std::size_t i = first; i <= last; ++i) {
    s.time_index = i;
    // The first frame settles the layout (as a screenshot); later ones only
    // move the instant, so two frames each are enough.
    const int frames = i == first ? 4 : 2;
    for (int k = 0; k < frames; ++k) {
      platform.begin_frame();
      viewer.frame(0.0);
      platform.end_frame();
    }
    const Image window = platform.read_pixels();
    const Image frame = panel_only ? panel_part(window, s) : window;
    if (!writer)
      writer = std::make_unique<ApngWriter>(path, frame.width, frame.height, static_cast<int>(last - first + 1), fps, 0,
                                            dates_of(s, first, last));
    writer->add(frame);
  }
  writer->finish();
  s.burn_date = false;
  return writer->frames_written();
}

Recording::Recording(ViewerState& s)
    : path_(std::filesystem::absolute("zhili-view-animation.png").string()),
      first_(s.time_index),
      next_(s.time_index),
      last_(s.timeline.empty() ? 0 : s.timeline.size() - 1) {
  s.burn_date = true;
  s.playing = false;
}

bool Recording::take(Platform& platform, ViewerState& s) {
  try {
    const Image frame = panel_part(platform.read_pixels(), s);
    if (!writer_) {
      // The panel's size is fixed for the whole recording by its first frame.
      width_ = frame.width;
      height_ = frame.height;
      writer_ = std::make_unique<ApngWriter>(path_, width_, height_, static_cast<int>(last_ - next_ + 1), kInterfaceFps,
                                             0, dates_of(s, next_, last_));
    }
    writer_->add(frame.width == width_ && frame.height == height_ ? frame : crop(frame, 0, 0, width_, height_));
    if (next_ >= last_) {
      writer_->finish();
      s.message = std::string(tr(txt::saved)) + " " + path_;
      s.burn_date = false;
      return false;
    }
    s.time_index = ++next_;
    char buf[512];
    std::snprintf(buf, sizeof buf, tr(txt::recording), path_.c_str(), writer_->frames_written() + 1,
                  static_cast<int>(last_ - first_ + 1));
    s.message = buf;
    return true;
  } catch (const std::exception& e) {
    writer_.reset();  // an unfinished writer removes its file
    s.message = e.what();
    s.burn_date = false;
    return false;
  }
}

}  // namespace zhili::view
