// A time-series chart drawn with ImGui draw lists (ImPlot is not packaged in
// Debian): lines over a date axis, nice value ticks, a legend, a vertical line
// at the current instant and a hover read-out of every line at the cursor's
// date. Axis logic lives in viz/plot (unit-tested); this file only draws.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/chart_cache.hpp"
#include "app/state.hpp"
#include "data/chart_mark.hpp"
#include "data/colour.hpp"

namespace zhili::view {

// Line styles tell runs apart when colours already tell labels apart
// (several runs of a breakdown): solid, dashed, dotted, dash-dot.
inline constexpr int kLineStyles = 4;

struct ChartLine {
  std::string name;                 // read-out text
  Rgba colour;
  int style = 0;                    // 0 solid, 1 dashed, 2 dotted, 3 dash-dot (cycles)
  std::span<const double> times;    // decimal years, one per row
  std::span<const double> values;   // rows x stride
  std::size_t stride = 1;           // width of the observable (breakdowns)
  std::size_t column = 0;
  // Stacked areas: `values` are running sums (plot/stack); the band between
  // column `column - 1` (or zero for the first) and `column` is filled when
  // `fill` is set; `readout` holds the unstacked values for the hover read-out.
  bool stacked = false;
  bool fill = false;
  std::span<const double> readout;
};

struct LegendEntry {
  std::string name;
  Rgba colour;
  int style = 0;
};

// Draws the chart in a `size` canvas at the cursor. `unit` is the values'
// unit (shares are shown in %); `now` the timeline's instant. With a
// `cache`, the plot area is drawn from it and redrawn only when it changes.
// `marks` are drawn over the lines and named in the hover read-out near them.
void draw_chart(const char* id, ImVec2 size, const std::vector<ChartLine>& lines,
                const std::vector<LegendEntry>& legend, const std::string& unit, double now, ChartView& view,
                ChartCache* cache = nullptr, const std::vector<ChartMark>& marks = {});

}  // namespace zhili::view
