#include "app/map_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace zhili::view {

namespace {
void upload(MapLayer& layer) {
  layer.has_nan = std::any_of(layer.cells.begin(), layer.cells.end(), [](float v) { return std::isnan(v); });
  std::vector<std::uint32_t> texels;
  if (layer.categorical())
    colourise_categories(layer.cells, layer.categories, layer.scale.nan_colour, texels);
  else
    colourise(layer.cells, layer.scale, texels);
  layer.texture.upload(layer.width, layer.height, texels);
}

std::string key_of(const RunData& run, const std::string& name, std::int64_t snap, const ColourScale& s) {
  return run.path() + '\n' + name + '\n' + std::to_string(snap) + '\n' +
         std::to_string(reinterpret_cast<std::uintptr_t>(s.map)) + '\n' + std::to_string(s.lo) + '\n' +
         std::to_string(s.hi);
}
}  // namespace

ColourScale sequential_scale(const Range& range) {
  ColourScale s;
  s.map = &viridis();
  s.lo = range.lo;
  s.hi = range.hi;
  return s;
}

void show_map(MapLayer& layer, RunData& run, const std::string& name, double t, const ColourScale& scale) {
  const MapSpec* spec = run.find_map(name);
  const std::int64_t snap = spec ? run.snapshot_at(name, t) : -1;
  if (snap < 0) {
    layer.snapshot = -1;
    return;
  }
  std::string key = key_of(run, name, snap, scale);
  if (key == layer.key && layer.texture.valid()) return;
  layer.key = std::move(key);
  layer.categories = spec->unit == "code" ? parse_categories(spec->description) : std::vector<Category>{};
  layer.scale = scale;
  layer.snapshot = snap;
  layer.width = run.map_width();
  layer.height = run.map_height();
  layer.cells = run.map_snapshot(name, snap);
  upload(layer);
}

void show_values(MapLayer& layer, const std::string& key, std::vector<float> values, int width, int height,
                 const ColourScale& scale) {
  layer.key = key;
  layer.categories.clear();
  layer.scale = scale;
  layer.snapshot = 0;
  layer.width = width;
  layer.height = height;
  layer.cells = std::move(values);
  upload(layer);
}

}  // namespace zhili::view
