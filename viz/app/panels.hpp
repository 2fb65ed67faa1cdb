// The viewer's panels, each a function drawing into the current ImGui window
// from the ViewerState (immediate mode: no panel objects, no retained widgets).
#pragma once

#include "app/chart_cache.hpp"
#include "app/map_layer.hpp"
#include "app/state.hpp"

namespace zhili::view {

// GPU-side state of the panels: the textures of the maps and chart on screen.
struct Layers {
  MapLayer map;
  MapLayer compare_a, compare_b, compare_diff;
  ChartCache chart;
};

void draw_map_panel(ViewerState& s, Layers& layers);
void draw_chart_panel(ViewerState& s, Layers& layers);
void draw_compare_panel(ViewerState& s, Layers& layers);

// Run browser: the result files of a folder, to open.
void draw_browser_panel(ViewerState& s);
void scan_browser_folder(ViewerState& s);

// Timeline: date slider, play/pause, speed, step back and forward.
void draw_timeline_bar(ViewerState& s);
// Moves the timeline on while playing: `speed` instants per second.
void advance_playback(ViewerState& s, double dt);

// Live mode: opens and follows the live run's file (call once a frame), and
// the column with its controls and lever sliders.
void update_live(ViewerState& s);
void draw_live_controls(ViewerState& s);

// Tooltip listing every map of `run` at cell (x, y) and instant t: code maps
// (zones) by category name, others as values with units.
void cell_tooltip(RunData& run, int x, int y, double t, const std::string& hovered_map);

}  // namespace zhili::view
