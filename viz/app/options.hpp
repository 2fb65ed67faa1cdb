// Command-line options of zhili-view (parsed in main.cpp with CLI11).
#pragma once

#include <string>
#include <vector>

#include "app/state.hpp"

namespace zhili::view {

struct Options {
  std::vector<std::string> runs;
  std::string screenshot;      // non-empty: render one frame to this PNG and exit
  std::string time;            // "YYYY-MM" or "YYYY-MM-DD": the instant shown first
  Panel panel = Panel::map;
  int width = 1600, height = 1000;
  std::string map;             // field shown first on the map and compare panels
  std::string browse;          // folder of the run browser
  std::string observable;      // observable shown first on the charts panel
  bool stacked = false;
  bool panel_only = false;     // screenshots: crop to the panel
  bool present = false;        // the presentation layout: title, headline figures, large type
  std::string title;           // its title instead of the run's description
  std::string lang = "en";
  std::string font;            // font file overriding the CJK default
  std::string csv;             // non-empty: write the --observable chart's data here
  float hover_x = -1.0f, hover_y = -1.0f;  // screenshots: pointer position (tooltips), -1 = none
  int bench_frames = 0;        // > 0: frame-time benchmark of that many frames, then exit
  std::string animate;         // "FROM:TO" dates: --screenshot writes an animated PNG over them
  int fps = 4;                 // --animate: frames a second
  // Sweep panel (app/sweep_panel.hpp): a sweep folder `zhili analyze` has analysed.
  std::string sweep, plot = "ranking", outcome, factor;
  // Live mode: run this scenario on a background thread and show it as it goes.
  std::string live;
  std::vector<std::string> overrides;  // --set key.path=value, as `zhili run`
  std::string output;                  // -o: result file (default: the scenario's output.path)
  long long live_steps = -1;           // headless: pause after this many steps, then render
};

// Exit codes, as in `zhili` where they overlap.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;    // bad command line
inline constexpr int kExitFile = 3;     // a run cannot be read, or the PNG cannot be written
inline constexpr int kExitDisplay = 4;  // no display or no OpenGL 3.3 context

}  // namespace zhili::view
