// The sweep panel: a sweep's analysis (`zhili analyze DIR`, docs/SWEEPS.md)
// drawn with the charts' look: design points by an outcome with their
// replicate intervals, an outcome against a factor, Sobol' indices with
// bootstrap intervals, and the Pareto front. Clicking a design point opens its
// runs in the viewer. `zhili-view --sweep DIR [--plot ranking|effect|sobol|pareto]
// [--outcome NAME] [--factor NAME] [--screenshot OUT.png]`; `zhili analyze`
// draws its report's figures this way.
#pragma once

#include <memory>
#include <string>

#include "app/options.hpp"
#include "app/state.hpp"
#include "data/sweep_data.hpp"

namespace zhili::view {

enum class SweepPlot { ranking, effect, sobol, pareto };

struct SweepView {
  std::shared_ptr<const SweepAnalysis> data;
  SweepPlot plot = SweepPlot::ranking;
  std::string outcome;  // an outcome column of points.csv
  std::string factor;   // effect plot: a factor column ("" = the first)
  int picked = -1;      // the design point clicked this frame, -1 when none
  std::string message;  // why the last picked point opened nothing (or not all)
  bool can_open = false;  // clicks open runs (the viewer's tab; not the figures)
};

// Reads --sweep DIR's analysis and applies --plot, --outcome and --factor.
// Returns an exit code (kExitOk, or kExitFile / kExitUsage after a message).
int load_sweep_view(const Options& opt, SweepView& v);

// Draws the panel into the current ImGui window: plot, outcome and factor
// choosers, then the plot filling the rest. A click on a design point sets
// v.picked.
void draw_sweep_panel(SweepView& v);

// The viewer's Sweep tab (s.sweep set): the panel, and a picked point's runs
// opened (added to s.runs) with the charts panel shown.
void draw_sweep_tab(ViewerState& s);

// zhili-view --sweep DIR --screenshot OUT.png: one frame of the panel alone
// to a PNG (the figures of `zhili analyze`). Returns the exit code.
int run_sweep_view(const Options& opt);

}  // namespace zhili::view
