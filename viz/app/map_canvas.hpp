// A map texture in a canvas with pan (drag) and zoom (mouse wheel about the
// cursor), reporting the cell under the mouse. Several canvases may share one
// MapView so that they move together (the compare panel).
#pragma once

#include <imgui.h>

#include "app/map_layer.hpp"
#include "app/state.hpp"

namespace zhili::view {

struct CellHover {
  int x = -1, y = -1;
  bool valid() const { return x >= 0; }
  // Where the map was drawn, for overlays (outlet markers): the canvas
  // rectangle, the screen position of the map's top-left corner and pixels
  // per cell; zoom 0 when nothing was drawn. `mouse_in` when the pointer is
  // over the canvas.
  ImVec2 p0{}, p1{};
  float ox = 0.0f, oy = 0.0f, zoom = 0.0f;
  bool mouse_in = false;
  ImVec2 cell_centre(int cx, int cy) const { return {ox + (cx + 0.5f) * zoom, oy + (cy + 0.5f) * zoom}; }
};

// Draws `layer` in a `size` canvas at the cursor (the canvas is one ImGui item
// with id `id`). An invalid layer draws an empty frame with `empty_text`.
CellHover map_canvas(const char* id, const MapLayer& layer, ImVec2 size, MapView& view, const char* empty_text);

}  // namespace zhili::view
