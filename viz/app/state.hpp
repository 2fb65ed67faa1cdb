// What the viewer remembers between frames: the open runs, the instant shown,
// the play state and each panel's choices. Everything else is recomputed
// every frame (immediate mode); the runs' caches make that cheap.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "data/catalogue.hpp"
#include "data/run.hpp"
#include "data/timeline.hpp"

namespace zhili::view {

enum class Panel { map, charts, compare, runs };

// Pan and zoom of a map canvas: `zoom` screen pixels per cell (0 = fit the
// canvas), centred on cell coordinate (cx, cy).
struct MapView {
  float zoom = 0.0f;
  double cx = 0.0, cy = 0.0;
};

// Visible time range of a chart; `fit` shows every run's whole timeline.
struct ChartView {
  bool fit = true;
  double t0 = 0.0, t1 = 1.0;
};

struct ViewerState {
  std::vector<std::unique_ptr<RunData>> runs;
  std::vector<std::string> labels;  // one per run, distinct (legends, tables)
  CommonTimeline timeline;
  std::size_t time_index = 0;
  bool playing = false;
  float speed = 12.0f;  // timeline instants per second while playing
  double play_clock = 0.0;

  Panel panel = Panel::map;
  bool panel_changed = true;  // tell the tab bar to select `panel` on the next frame

  int map_run = 0;
  std::string map_name;
  MapView map_view;

  std::string observable;
  ChartView chart_view;
  bool stacked = false;  // breakdowns as stacked areas instead of lines

  int compare_a = 0, compare_b = 1;
  std::string compare_map;
  MapView compare_view;  // shared by the three compare canvases: they pan and zoom together

  std::string browser_folder;  // run browser: folder listed ("" = the first run's folder)
  std::vector<CatalogueEntry> browser_entries;
  std::string browser_error;
  bool browser_scanned = false;

  std::string message;  // status line: a dropped file that failed, where an export went, ...
  bool save_png_requested = false;  // the main loop saves the next frame (it owns the framebuffer)
  bool save_panel_requested = false;  // likewise, cropped to the panel
  float panel_rect[4] = {0, 0, 0, 0};  // x, y, width, height of the panel in the last frame (pixels)
  bool cjk_font = true;

  double now() const { return timeline.empty() ? 0.0 : timeline.time(time_index); }
  // Adds a run, rebuilds the common timeline and the labels; keeps the instant.
  void add_run(std::unique_ptr<RunData> run);
  // Re-reads runs still being written (status "running": `zhili run` is
  // writing it, or it was killed). Returns true if any grew; the timeline is
  // rebuilt and, if it showed the last instant, moves on to the new last one.
  bool follow_growing_runs();
  void set_time(double t);  // the timeline instant in force at t
};

}  // namespace zhili::view
