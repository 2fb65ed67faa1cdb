// Public service outlets as map markers: where each outlet is, what kind it
// is (the file's /entities/outlets metadata) and its figures at an instant
// (the per-outlet series /entities/outlets/*). No drawing here: the map panel
// turns markers into circles, the tests check the numbers.
#pragma once

#include <string>
#include <vector>

#include "data/run.hpp"

namespace zhili::view {

struct OutletMarker {
  std::string name, kind;
  int x = 0, y = 0;  // map cell
  // During the step in force at the instant (NaN before the run starts, or
  // utilisation of a closed outlet).
  double arrivals = 0, served = 0, balked = 0, queue = 0, utilisation = 0;
};

// What a marker's size shows.
enum class MarkerSize { queue, utilisation };

// The outlets of `run` at time t; empty when the file does not say where its
// outlets are (no services, or written before outlet cells were recorded).
std::vector<OutletMarker> outlets_at(RunData& run, double t);

// Radius in pixels: the area grows with the value (queue over the largest
// queue of the whole run, so sizes mean the same while the timeline plays;
// utilisation over 1), between min_px (value 0 or none) and max_px.
float marker_radius(const OutletMarker& m, MarkerSize size, double run_max_queue, float min_px, float max_px);

}  // namespace zhili::view
