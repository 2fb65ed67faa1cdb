#include "app/incident_markers.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/i18n.hpp"
#include "data/format.hpp"

namespace zhili::view {

namespace {

// Rings, not discs, so they read apart from the outlets' filled circles and
// leave the cells beneath visible; a pure red the viridis map never has.
constexpr ImU32 kRing = IM_COL32(255, 30, 30, 255);
constexpr ImU32 kFill = IM_COL32(255, 30, 30, 56);
constexpr ImU32 kEnded = IM_COL32(255, 110, 110, 110);
constexpr float kRingWidth = 3.0f, kEndedWidth = 1.5f;
constexpr float kMinRadius = 5.0f, kMaxRadius = 24.0f;

// Largest first, so a small ring inside a big one stays on top.
std::vector<std::pair<float, int>> by_size(const std::vector<Incident>& list, double max_peak) {
  std::vector<std::pair<float, int>> order;
  order.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i)
    order.emplace_back(incident_radius(list[i], max_peak, kMinRadius, kMaxRadius), static_cast<int>(i));
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return order;
}

std::string date_of_step(const IncidentTable& table, const RunData& run, std::int64_t step) {
  const std::int64_t row = table.row_of_step(step);
  if (row < 0 || row >= static_cast<std::int64_t>(run.dates().size())) return "step " + std::to_string(step);
  return run.dates()[static_cast<std::size_t>(row)];
}

}  // namespace

int draw_incident_markers(const std::vector<Incident>& active, const std::vector<Incident>& ended,
                          const CellHover& where, double max_peak_active) {
  if (where.zoom <= 0.0f || (active.empty() && ended.empty())) return -1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(where.p0, where.p1, true);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hovered = -1;
  float best = 0.0f, hovered_r = 0.0f;
  const auto consider = [&](ImVec2 c, float r, int index) {
    if (!where.mouse_in) return;
    const float d = std::hypot(mouse.x - c.x, mouse.y - c.y);
    if (d <= r + 2.0f && (hovered < 0 || d < best)) {
      hovered = index;
      best = d;
      hovered_r = r;
    }
  };
  // Ended ones first and faded: where incidents happened, beneath those going on.
  for (const auto& [r, i] : by_size(ended, max_peak_active)) {
    const Incident& inc = ended[static_cast<std::size_t>(i)];
    const ImVec2 c = where.cell_centre(inc.x, inc.y);
    dl->AddCircle(c, r, kEnded, 0, kEndedWidth);
    consider(c, r, static_cast<int>(active.size()) + i);
  }
  // A hovered ended ring counts only if no ring in progress is under the pointer.
  const int hovered_ended = hovered;
  hovered = -1;
  for (const auto& [r, i] : by_size(active, max_peak_active)) {
    const Incident& inc = active[static_cast<std::size_t>(i)];
    const ImVec2 c = where.cell_centre(inc.x, inc.y);
    dl->AddCircleFilled(c, r, kFill);
    dl->AddCircle(c, r + 1.0f, IM_COL32(20, 20, 20, 200), 0, 1.0f);  // dark edge: visible on bright cells too
    dl->AddCircle(c, r, kRing, 0, kRingWidth);
    consider(c, r, i);
  }
  if (hovered < 0 && hovered_ended >= 0) {
    hovered = hovered_ended;
    const Incident& inc = ended[static_cast<std::size_t>(hovered - static_cast<int>(active.size()))];
    hovered_r = incident_radius(inc, max_peak_active, kMinRadius, kMaxRadius);
  }
  if (hovered >= 0) {
    const Incident& inc = hovered < static_cast<int>(active.size())
                              ? active[static_cast<std::size_t>(hovered)]
                              : ended[static_cast<std::size_t>(hovered - static_cast<int>(active.size()))];
    dl->AddCircle(where.cell_centre(inc.x, inc.y), hovered_r + 3.0f, IM_COL32(255, 255, 255, 255), 0, 2.0f);
  }
  dl->PopClipRect();
  return hovered;
}

void incident_tooltip(const Incident& inc, const IncidentTable& table, const RunData& run, bool in_progress) {
  ImGui::BeginTooltip();
  ImGui::Text(tr(txt::incident_n), static_cast<long long>(inc.id));
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", tr(in_progress ? txt::incident_in_progress : txt::incident_ended));
  ImGui::Separator();
  ImGui::Text("%s: %s", tr(txt::incident_start), date_of_step(table, run, inc.start_step).c_str());
  const std::int64_t last = inc.start_step + std::max<std::int64_t>(inc.duration_steps, 1) - 1;
  ImGui::Text("%s: ", tr(txt::incident_duration));
  ImGui::SameLine(0.0f, 0.0f);
  ImGui::Text(tr(txt::incident_steps_to), static_cast<long long>(inc.duration_steps),
              date_of_step(table, run, last).c_str());
  if (inc.ongoing) ImGui::TextDisabled("%s", tr(txt::incident_ongoing));
  ImGui::Text("%s: %s", tr(txt::peak_active), format_value(inc.peak_active, "").c_str());
  ImGui::Text("%s: %lld", tr(txt::peak_cells), static_cast<long long>(inc.peak_cells));
  ImGui::Text("%s (%d, %d)", tr(txt::cell), inc.x, inc.y);
  ImGui::EndTooltip();
}

void incident_legend(std::size_t in_progress, std::size_t ended, bool show_ended) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = ImGui::GetTextLineHeight();
  ImGui::TextDisabled("%s:", tr(txt::incidents));
  ImGui::SameLine(0.0f, 12.0f);
  ImVec2 p = ImGui::GetCursorScreenPos();
  dl->AddCircle(ImVec2(p.x + h / 2, p.y + h / 2), h / 2 - 2.0f, kRing, 0, 2.5f);
  ImGui::Dummy(ImVec2(h, h));
  ImGui::SameLine(0.0f, 4.0f);
  ImGui::Text(tr(txt::incidents_in_progress_n), in_progress);
  if (show_ended) {
    ImGui::SameLine(0.0f, 12.0f);
    p = ImGui::GetCursorScreenPos();
    dl->AddCircle(ImVec2(p.x + h / 2, p.y + h / 2), h / 2 - 2.0f, kEnded, 0, kEndedWidth);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine(0.0f, 4.0f);
    ImGui::Text(tr(txt::incidents_ended_n), ended);
  }
  ImGui::SameLine(0.0f, 16.0f);
  ImGui::TextDisabled("%s: %s", tr(txt::size_by), tr(txt::peak_active));
}

}  // namespace zhili::view
