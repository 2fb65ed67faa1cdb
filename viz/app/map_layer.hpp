// One coloured map on screen: which run, field and snapshot it shows, on what
// colour scale, and the texture holding it. Re-coloured and re-uploaded only
// when one of those changes (a new snapshot while playing), not every frame.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "app/texture.hpp"
#include "data/categories.hpp"
#include "data/colour.hpp"
#include "data/run.hpp"

namespace zhili::view {

struct MapLayer {
  Texture texture;
  std::vector<Category> categories;  // non-empty for a code map (zones)
  ColourScale scale;
  std::int64_t snapshot = -1;        // -1: nothing to show at this instant
  std::string key;                   // what the texture holds: run, field, snapshot, scale
  int width = 0, height = 0;
  std::vector<float> cells;          // the values shown (a copy: the run's cache may evict)
  bool has_nan = false;              // some cells have no value (the legend then explains their colour)

  bool categorical() const { return !categories.empty(); }
  float value(int x, int y) const { return cells[static_cast<std::size_t>(y * width + x)]; }
};

// The scale a map is drawn on: categories for code maps, else viridis over
// the run's range of the map.
ColourScale sequential_scale(const Range& range);

// Shows map `name` of `run` at instant t on `scale` (categories if the map is
// a code map). Cheap when nothing changed.
void show_map(MapLayer& layer, RunData& run, const std::string& name, double t, const ColourScale& scale);
// Shows precomputed values (a difference map) on `scale`; `key` names them
// (callers skip the work when layer.key already equals it).
void show_values(MapLayer& layer, const std::string& key, std::vector<float> values, int width, int height,
                 const ColourScale& scale);

}  // namespace zhili::view
