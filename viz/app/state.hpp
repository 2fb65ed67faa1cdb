// What the viewer remembers between frames: the open runs, the instant shown,
// the play state and each panel's choices. Everything else is recomputed
// every frame (immediate mode); the runs' caches make that cheap.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "data/catalogue.hpp"
#include "data/chart_mark.hpp"
#include "data/incidents.hpp"
#include "data/outlets.hpp"
#include "data/run.hpp"
#include "data/timeline.hpp"
#include "live/live_run.hpp"

namespace zhili::view {

enum class Panel { map, charts, compare, runs, sweep };  // sweep: with --sweep DIR (app/sweep_panel.hpp)

struct SweepView;  // app/sweep_panel.hpp

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
  bool show_outlets = true;                    // outlet markers on the map, where the run has outlets
  MarkerSize marker_size = MarkerSize::queue;  // what a marker's size shows
  bool show_renewal = true;            // renewal areas outlined on the map, where the run has renewal_area
  bool show_zones = false;             // borders between zones on the map (on in the presentation layout)
  bool show_incidents = true;          // incidents in progress on the map, where the run has /events/incidents
  bool show_ended_incidents = false;   // and, faded, those that already ended
  IncidentCache incidents;             // each run's incident table, read when first shown

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

  std::shared_ptr<SweepView> sweep;  // --sweep DIR: the Sweep tab's analysis and choices (null: no tab)

  std::string message;  // status line: a dropped file that failed, where an export went, ...
  bool save_png_requested = false;  // the main loop saves the next frame (it owns the framebuffer)
  bool save_panel_requested = false;  // likewise, cropped to the panel
  bool animation_requested = false;   // the main loop records the panel from here to the end (app/animation.hpp)
  std::vector<ChartMark> marks;       // the open runs' dated events, gathered once a frame (app/time_marks.hpp)
  bool present = false;               // the presentation layout (app/presentation.hpp)
  std::string present_title;          // its title ("" = the presented run's description)
  bool burn_date = false;             // the date written large over the panel (animation frames)
  float panel_rect[4] = {0, 0, 0, 0};  // x, y, width, height of the panel in the last frame (pixels)
  bool cjk_font = true;

  // Live mode (--live): the run going on a background thread, and its index
  // in `runs` once its file has a step (-1 before).
  std::unique_ptr<LiveRun> live;
  int live_index = -1;
  std::int64_t live_seen_steps = 0;  // steps of the live run the viewer has read
  double live_refreshed_at = -1.0;   // seconds (steady clock) of the last re-read
  bool live_cap = false;             // cap the run's speed at live_rate steps per second
  float live_rate = 5.0f;
  int live_active_lever = -1;        // slider being dragged (shows its own value, not the run's)
  float live_lever_edit[kLeverCount] = {};

  double now() const { return timeline.empty() ? 0.0 : timeline.time(time_index); }
  // Adds a run, rebuilds the common timeline and the labels; keeps the instant.
  void add_run(std::unique_ptr<RunData> run);
  // Re-reads runs still being written (status "running": `zhili run` is
  // writing it, or it was killed). Returns true if any grew; the timeline is
  // rebuilt and, if it showed the last instant, moves on to the new last one.
  bool follow_growing_runs();
  // Re-reads run `index` (growing), rebuilds the timeline and follows the end
  // as follow_growing_runs() does.
  void refresh_run(std::size_t index);
  void set_time(double t);  // the timeline instant in force at t
  // Run `index`'s incidents as the map shows them: its file's table, and for
  // the live run also the incidents still in progress (the file gets an
  // incident's row when it ends).
  IncidentTable incidents_shown(int index);

 private:
  // After runs grew: the common timeline again, staying at the end if it was there.
  void rebuild_timeline();
};

}  // namespace zhili::view
