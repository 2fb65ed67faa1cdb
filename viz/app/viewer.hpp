// The viewer's window: header (runs, language), tabs for the panels, the
// timeline bar and a status line; keyboard shortcuts. One call per frame.
#pragma once

#include "app/panels.hpp"
#include "app/state.hpp"

namespace zhili::view {

class Viewer {
 public:
  ViewerState& state() { return state_; }
  // Draws one frame into the current ImGui frame; dt = seconds since the last.
  void frame(double dt);

 private:
  void handle_keys();
  void header();

  ViewerState state_;
  Layers layers_;
};

}  // namespace zhili::view
