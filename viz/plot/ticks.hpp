// Axis ticks for values: "nice" steps (1, 2 or 5 times a power of ten) so the
// labels are round numbers a reader can interpolate between, and labels with
// just as many decimals as the step needs (large values as 480k, 1.2M).
#pragma once

#include <string>
#include <vector>

namespace zhili::view {

struct Tick {
  double value = 0.0;
  std::string label;
};

// The smallest nice step that cuts `span` into at most `max_ticks` intervals.
double nice_step(double span, int max_ticks);
// Ticks at multiples of nice_step inside [lo, hi] (inclusive, with a small
// tolerance). An empty or inverted range gives no ticks.
std::vector<Tick> nice_ticks(double lo, double hi, int max_ticks);
// A label for `value` on an axis whose ticks are `step` apart.
std::string tick_label(double value, double step);
// Extends [lo, hi] outward to the nearest nice ticks, so a chart's frame
// starts and ends on a labelled value; a zero-width range is widened first.
void nice_bounds(double& lo, double& hi, int max_ticks);

// A map's scale bar: the longest round length (1, 2 or 5 times a power of
// ten, in km) drawn in at most `max_px` pixels at `px_per_km`; 0 when even
// the shortest round length is too long, or the scale is unknown.
double scale_bar_km(double px_per_km, double max_px);
// Its label: "500 m", "2 km".
std::string scale_bar_label(double km);

}  // namespace zhili::view
