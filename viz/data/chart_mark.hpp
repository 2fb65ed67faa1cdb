// A dated mark for the viewer's time axes (charts, the timeline), kept
// apart from the drawing so the viewer's state can hold the frame's marks.
#pragma once

#include <string>

#include "data/colour.hpp"

namespace zhili::view {

// A dated event drawn as a dashed vertical line with its label: the
// schedule's policy changes, renewal projects' stages.
struct ChartMark {
  double t = 0;  // decimal year
  std::string label;
  Rgba colour{255, 196, 40, 200};
  std::string detail;  // the hover read-out's text ("" = the label)
};

}  // namespace zhili::view
