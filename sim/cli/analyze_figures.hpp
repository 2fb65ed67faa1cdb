// The figures of `zhili analyze`, drawn by the viewer's headless renderer
// (zhili-view --panel sweep --screenshot, docs/VIEWER.md) so that a report and
// the viewer look alike. A missing viewer or display is not an error: the
// report says why it has no figures.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/report.hpp"

namespace zhili {

struct FigureRequest {
  std::string sweep_dir;   // DIR: the viewer reads DIR/analysis/*.csv
  std::string viewer;      // zhili-view program ("" = next to this program)
};

// Draws the ranking, the ranked outcome against the first factor (effect.png),
// the Sobol' indices (Saltelli designs) and the Pareto
// front (when there is one) into DIR/analysis/*.png. Returns the figures made;
// `note` says what was skipped and why ("" when nothing was).
std::vector<analyze::Figure> draw_figures(const analyze::Analysis& a, const FigureRequest& request, std::string& note);

}  // namespace zhili
