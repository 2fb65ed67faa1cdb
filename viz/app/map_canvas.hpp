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
};

// Draws `layer` in a `size` canvas at the cursor (the canvas is one ImGui item
// with id `id`). An invalid layer draws an empty frame with `empty_text`.
CellHover map_canvas(const char* id, const MapLayer& layer, ImVec2 size, MapView& view, const char* empty_text);

}  // namespace zhili::view
