#include "app/legend.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/i18n.hpp"
#include "app/names_shown.hpp"
#include "data/format.hpp"
#include "plot/ticks.hpp"
#include "plot/transform.hpp"

namespace zhili::view {

namespace {
ImU32 col(Rgba c) { return pack(c); }

void category_legend(const MapLayer& layer) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = ImGui::GetTextLineHeight();
  for (std::size_t i = 0; i < layer.categories.size(); ++i) {
    if (i > 0) ImGui::SameLine(0.0f, 14.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + h, p.y + h), col(category_colour(i)));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::TextUnformatted(name_of(NameKind::label, layer.categories[i].name).c_str());
  }
}

void colour_bar(const MapLayer& layer, const std::string& unit, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::string shown_unit = unit_shown(unit);
  // The last tick's label is centred on the bar's end: the unit starts after its half.
  const float tick_half = 0.5f * ImGui::CalcTextSize("1000").x;
  const float unit_w = std::max(ImGui::CalcTextSize(shown_unit.c_str()).x,
                                layer.has_nan ? ImGui::CalcTextSize(tr(txt::no_value)).x + 24.0f : 0.0f) + 12.0f +
                       tick_half;
  const float bar_w = std::max(60.0f, width - unit_w - 16.0f);
  const float bar_h = 12.0f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 p0(p.x + 8.0f, p.y);
  constexpr int kSegments = 64;
  for (int i = 0; i < kSegments; ++i) {
    const float x0 = p0.x + bar_w * i / kSegments, x1 = p0.x + bar_w * (i + 1) / kSegments;
    const ImU32 c0 = col(layer.scale.map->at(static_cast<double>(i) / kSegments));
    const ImU32 c1 = col(layer.scale.map->at(static_cast<double>(i + 1) / kSegments));
    dl->AddRectFilledMultiColor(ImVec2(x0, p0.y), ImVec2(x1 + 0.5f, p0.y + bar_h), c0, c1, c1, c0);
  }
  dl->AddRect(p0, ImVec2(p0.x + bar_w, p0.y + bar_h), IM_COL32(160, 160, 160, 255));
  const double lo = display_value(layer.scale.lo, unit), hi = display_value(layer.scale.hi, unit);
  const Axis axis{lo, hi, p0.x, p0.x + bar_w};
  const int max_ticks = std::max(2, static_cast<int>(bar_w / 70.0f));
  for (const Tick& t : nice_ticks(lo, hi, max_ticks)) {
    const float x = axis.to_pixel(t.value);
    dl->AddLine(ImVec2(x, p0.y + bar_h), ImVec2(x, p0.y + bar_h + 4.0f), IM_COL32(200, 200, 200, 255));
    const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
    dl->AddText(ImVec2(x - tw / 2, p0.y + bar_h + 4.0f), IM_COL32(220, 220, 220, 255), t.label.c_str());
  }
  dl->AddText(ImVec2(p0.x + bar_w + 10.0f + tick_half, p0.y - 2.0f), IM_COL32(220, 220, 220, 255), shown_unit.c_str());
  if (layer.has_nan) {
    // Below the unit: the colour of cells without a value.
    const ImVec2 q(p0.x + bar_w + 10.0f + tick_half, p0.y + bar_h + 4.0f);
    const float h = ImGui::GetTextLineHeight();
    dl->AddRectFilled(q, ImVec2(q.x + h, q.y + h), col(layer.scale.nan_colour));
    dl->AddRect(q, ImVec2(q.x + h, q.y + h), IM_COL32(160, 160, 160, 255));
    dl->AddText(ImVec2(q.x + h + 4.0f, q.y), IM_COL32(220, 220, 220, 255), tr(txt::no_value));
  }
  ImGui::Dummy(ImVec2(width, bar_h + 6.0f + ImGui::GetTextLineHeight()));
}
}  // namespace

void map_legend(const MapLayer& layer, const std::string& unit, float width) {
  if (layer.categorical()) category_legend(layer);
  else colour_bar(layer, unit, width);
}

}  // namespace zhili::view
