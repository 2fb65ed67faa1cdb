#include "app/map_furniture.hpp"

#include <imgui.h>

#include "plot/ticks.hpp"

namespace zhili::view {

void draw_map_furniture(const CellHover& where, double cell_km) {
  if (where.zoom <= 0.0f || !(cell_km > 0)) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(where.p0, where.p1, true);
  constexpr ImU32 kInk = IM_COL32(255, 255, 255, 235), kPaper = IM_COL32(15, 15, 20, 200);
  const float canvas_w = where.p1.x - where.p0.x;
  // Scale bar: at most a quarter of the canvas.
  const double px_per_km = where.zoom / cell_km;
  const double km = scale_bar_km(px_per_km, canvas_w * 0.25);
  if (km > 0) {
    const auto len = static_cast<float>(km * px_per_km);
    const std::string text = scale_bar_label(km);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a(where.p0.x + 16.0f, where.p1.y - 16.0f);
    dl->AddRectFilled(ImVec2(a.x - 8, a.y - ts.y - 14), ImVec2(a.x + std::max(len, ts.x) + 8, a.y + 6), kPaper, 4.0f);
    dl->AddLine(a, ImVec2(a.x + len, a.y), kInk, 3.0f);
    dl->AddLine(ImVec2(a.x, a.y - 6), ImVec2(a.x, a.y + 1), kInk, 2.0f);
    dl->AddLine(ImVec2(a.x + len, a.y - 6), ImVec2(a.x + len, a.y + 1), kInk, 2.0f);
    dl->AddText(ImVec2(a.x, a.y - ts.y - 8), kInk, text.c_str());
  }
  // North arrow.
  const ImVec2 n(where.p1.x - 28.0f, where.p0.y + 22.0f);
  const ImVec2 ns = ImGui::CalcTextSize("N");
  dl->AddRectFilled(ImVec2(n.x - 14, n.y - 14), ImVec2(n.x + 14, n.y + 34 + ns.y), kPaper, 4.0f);
  dl->AddTriangleFilled(ImVec2(n.x, n.y - 10), ImVec2(n.x - 8, n.y + 14), ImVec2(n.x + 8, n.y + 14), kInk);
  dl->AddText(ImVec2(n.x - ns.x / 2, n.y + 18), kInk, "N");
  dl->PopClipRect();
}

}  // namespace zhili::view
