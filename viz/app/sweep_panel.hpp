// The sweep panel: a sweep's analysis (`zhili analyze DIR`, docs/SWEEPS.md)
// drawn with the charts' look: design points by an outcome with their
// replicate intervals, Sobol' indices with bootstrap intervals, and the
// Pareto front. `zhili-view --sweep DIR [--plot ranking|sobol|pareto]
// [--outcome NAME] [--screenshot OUT.png]`; `zhili analyze` draws its report's
// figures this way.
#pragma once

#include <string>

#include "app/options.hpp"
#include "data/sweep_data.hpp"

namespace zhili::view {

enum class SweepPlot { ranking, sobol, pareto };

struct SweepView {
  const SweepAnalysis* data = nullptr;
  SweepPlot plot = SweepPlot::ranking;
  std::string outcome;  // an outcome column of points.csv
};

// Draws the panel into the current ImGui window: plot and outcome choosers,
// then the plot filling the rest.
void draw_sweep_panel(SweepView& v);

// zhili-view in sweep mode (--sweep DIR or --panel sweep): a window with the
// panel, or with --screenshot one frame to a PNG. Returns the exit code.
int run_sweep_view(const Options& opt);

}  // namespace zhili::view
