// Lines along cell edges for outlines drawn over a map: a renewal project's
// area (data/renewal.hpp), the borders between zones (presentation layout).
#pragma once

#include <span>
#include <vector>

namespace zhili::view {

// A straight piece of outline, in cell units: corner (x, y) is the top-left
// of cell (x, y).
struct Segment {
  float x0, y0, x1, y1;
};

// Cell edges where a cell with a value > 0 borders a cell of another value
// (or the map's edge): the outline of every area, one segment per edge.
std::vector<Segment> area_outline(std::span<const float> area, int width, int height);

// Edges between neighbouring cells whose values differ (NaN counts as a value
// of its own), joined into runs along each row and column: the borders of a
// categorical map, without the map's own edge.
std::vector<Segment> value_boundaries(std::span<const float> values, int width, int height);

}  // namespace zhili::view
