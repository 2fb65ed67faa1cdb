#include "app/map_canvas.hpp"

#include <algorithm>
#include <cmath>

namespace zhili::view {

CellHover map_canvas(const char* id, const MapLayer& layer, ImVec2 size, MapView& view, const char* empty_text) {
  size.x = std::max(size.x, 32.0f);
  size.y = std::max(size.y, 32.0f);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  dl->AddRectFilled(p0, p1, IM_COL32(30, 30, 34, 255));
  if (layer.snapshot < 0 || !layer.texture.valid() || layer.width <= 0) {
    const ImVec2 ts = ImGui::CalcTextSize(empty_text);
    dl->AddText(ImVec2(p0.x + (size.x - ts.x) / 2, p0.y + (size.y - ts.y) / 2), IM_COL32(200, 200, 200, 255),
                empty_text);
    return {};
  }
  const float fit = std::min(size.x / static_cast<float>(layer.width), size.y / static_cast<float>(layer.height));
  if (view.zoom <= 0.0f) {  // fit and centre
    view.zoom = fit;
    view.cx = layer.width / 2.0;
    view.cy = layer.height / 2.0;
  }
  ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0.0f) {
    // Zoom about the cursor: the cell under it stays under it.
    const double mx = view.cx + (io.MousePos.x - (p0.x + size.x / 2)) / view.zoom;
    const double my = view.cy + (io.MousePos.y - (p0.y + size.y / 2)) / view.zoom;
    const float z = std::clamp(view.zoom * std::pow(1.2f, io.MouseWheel), fit * 0.5f, fit * 64.0f);
    view.cx = mx - (io.MousePos.x - (p0.x + size.x / 2)) / z;
    view.cy = my - (io.MousePos.y - (p0.y + size.y / 2)) / z;
    view.zoom = z;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
    view.cx -= io.MouseDelta.x / view.zoom;
    view.cy -= io.MouseDelta.y / view.zoom;
  }
  // Screen position of the map's top-left corner.
  const float ox = static_cast<float>(p0.x + size.x / 2 - view.cx * view.zoom);
  const float oy = static_cast<float>(p0.y + size.y / 2 - view.cy * view.zoom);
  const ImVec2 a(ox, oy), b(ox + layer.width * view.zoom, oy + layer.height * view.zoom);
  dl->PushClipRect(p0, p1, true);
  dl->AddImage(layer.texture.imgui_id(), a, b);
  dl->PopClipRect();

  CellHover h;
  h.p0 = p0;
  h.p1 = p1;
  h.ox = ox;
  h.oy = oy;
  h.zoom = view.zoom;
  h.mouse_in = hovered;
  if (hovered) {
    const int cx = static_cast<int>(std::floor((io.MousePos.x - ox) / view.zoom));
    const int cy = static_cast<int>(std::floor((io.MousePos.y - oy) / view.zoom));
    if (cx >= 0 && cy >= 0 && cx < layer.width && cy < layer.height) {
      h.x = cx;
      h.y = cy;
      const ImVec2 c0(ox + cx * view.zoom, oy + cy * view.zoom);
      dl->PushClipRect(p0, p1, true);
      dl->AddRect(c0, ImVec2(c0.x + view.zoom, c0.y + view.zoom), IM_COL32(255, 255, 255, 220), 0.0f, 0, 1.5f);
      dl->PopClipRect();
    }
  }
  return h;
}

}  // namespace zhili::view
