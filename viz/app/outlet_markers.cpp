#include "app/outlet_markers.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "app/i18n.hpp"
#include "app/names_shown.hpp"
#include "data/format.hpp"

namespace zhili::view {

namespace {

// Kinds in the order of the scenario's outlet kinds; warm, saturated colours
// that stand out on the viridis map (which has no reds or pinks), opaque so a
// marker reads the same over any cell.
ImU32 kind_colour(std::string_view kind) {
  if (kind == "district_centre") return IM_COL32(235, 60, 60, 255);
  if (kind == "street_station") return IM_COL32(255, 150, 40, 255);
  if (kind == "department_window") return IM_COL32(240, 240, 240, 255);
  if (kind == "social_organisation") return IM_COL32(230, 90, 220, 255);
  return IM_COL32(200, 200, 200, 255);
}

constexpr float kMinRadius = 4.0f, kMaxRadius = 22.0f;

bool closed(const OutletMarker& m) { return std::isnan(m.utilisation) && std::isnan(m.queue); }

}  // namespace

int draw_outlet_markers(const std::vector<OutletMarker>& markers, const CellHover& where, MarkerSize size,
                        double run_max_queue) {
  if (where.zoom <= 0.0f || markers.empty()) return -1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(where.p0, where.p1, true);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hovered = -1;
  float best = 0.0f;
  // Largest first, so a small marker next to a big one stays visible on top.
  std::vector<std::pair<float, int>> order;
  order.reserve(markers.size());
  for (std::size_t i = 0; i < markers.size(); ++i)
    order.emplace_back(marker_radius(markers[i], size, run_max_queue, kMinRadius, kMaxRadius), static_cast<int>(i));
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [r, i] : order) {
    const OutletMarker& m = markers[static_cast<std::size_t>(i)];
    const ImVec2 c = where.cell_centre(m.x, m.y);
    if (closed(m)) {
      dl->AddCircle(c, kMinRadius, kind_colour(m.kind), 0, 2.0f);
    } else {
      dl->AddCircleFilled(c, r, kind_colour(m.kind));
      dl->AddCircle(c, r, IM_COL32(20, 20, 20, 255), 0, 1.5f);
    }
    if (!where.mouse_in) continue;
    const float d = std::hypot(mouse.x - c.x, mouse.y - c.y);
    if (d <= std::max(r, kMinRadius) + 2.0f && (hovered < 0 || d < best)) {
      hovered = i;
      best = d;
    }
  }
  if (hovered >= 0) {
    const OutletMarker& m = markers[static_cast<std::size_t>(hovered)];
    const float r = closed(m) ? kMinRadius : marker_radius(m, size, run_max_queue, kMinRadius, kMaxRadius);
    dl->AddCircle(where.cell_centre(m.x, m.y), r + 2.5f, IM_COL32(255, 255, 255, 255), 0, 2.0f);
  }
  dl->PopClipRect();
  return hovered;
}

void outlet_tooltip(const OutletMarker& m) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(m.name.c_str());
  ImGui::Separator();
  ImGui::Text("%s: %s", tr(txt::kind), name_of(NameKind::outlet_kind, m.kind).c_str());
  ImGui::Text("%s (%d, %d)", tr(txt::cell), m.x, m.y);
  ImGui::Text("%s: %s", tr(txt::arrivals), value_shown(m.arrivals, "visits/step").c_str());
  ImGui::Text("%s: %s", tr(txt::served), value_shown(m.served, "visits/step").c_str());
  ImGui::Text("%s: %s", tr(txt::balked), value_shown(m.balked, "visits/step").c_str());
  ImGui::Text("%s: %s", tr(txt::queue), value_shown(m.queue, "visitors").c_str());
  ImGui::Text("%s: %s", tr(txt::utilisation), value_shown(m.utilisation, "1").c_str());
  ImGui::EndTooltip();
}

void outlet_legend(const std::vector<OutletMarker>& markers, MarkerSize size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = ImGui::GetTextLineHeight();
  ImGui::TextDisabled("%s:", tr(txt::outlets));
  std::vector<std::string_view> kinds;
  for (const auto& m : markers)
    if (std::find(kinds.begin(), kinds.end(), m.kind) == kinds.end()) kinds.push_back(m.kind);
  for (const auto kind : kinds) {
    ImGui::SameLine(0.0f, 12.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(p.x + h / 2, p.y + h / 2), h / 2 - 1.0f, kind_colour(kind));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::TextUnformatted(name_of(NameKind::outlet_kind, kind).c_str());
  }
  ImGui::SameLine(0.0f, 16.0f);
  ImGui::TextDisabled("%s: %s", tr(txt::size_by), tr(size == MarkerSize::queue ? txt::queue : txt::utilisation));
}

}  // namespace zhili::view
