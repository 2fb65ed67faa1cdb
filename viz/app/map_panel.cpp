// Map panel: one per-cell field of one run at the timeline's instant, with
// its legend, pan/zoom and a tooltip on the cell under the mouse.
#include <imgui.h>

#include <algorithm>

#include "app/i18n.hpp"
#include "app/legend.hpp"
#include "app/map_canvas.hpp"
#include "app/panels.hpp"
#include "data/categories.hpp"
#include "data/decimal_year.hpp"
#include "data/format.hpp"

namespace zhili::view {

void cell_tooltip(RunData& run, int x, int y, double t, const std::string& hovered_map) {
  ImGui::BeginTooltip();
  ImGui::Text("%s (%d, %d)", tr(txt::cell), x, y);
  // The hovered field first, then the others: what a planner asks next is
  // "and how many people live there, at what rent".
  std::vector<const MapSpec*> order;
  if (const MapSpec* m = run.find_map(hovered_map)) order.push_back(m);
  for (const auto& m : run.maps())
    if (m.name != hovered_map) order.push_back(&m);
  for (const MapSpec* m : order) {
    const std::int64_t snap = run.snapshot_at(m->name, t);
    if (snap < 0) continue;
    const float v = run.map_snapshot(m->name, snap)[static_cast<std::size_t>(y * run.map_width() + x)];
    std::string text;
    if (m->unit == "code") {
      text = category_name(parse_categories(m->description), v);
      if (text.empty()) text = format_value(v, "");
    } else {
      text = format_value(v, m->unit);
    }
    if (m->name == hovered_map) ImGui::Separator();
    ImGui::Text("%s: %s", m->name.c_str(), text.c_str());
    if (m->name == hovered_map) ImGui::Separator();
  }
  ImGui::EndTooltip();
}

void draw_map_panel(ViewerState& s, Layers& layers) {
  if (s.runs.empty()) {
    ImGui::TextWrapped("%s", tr(txt::no_runs));
    return;
  }
  s.map_run = std::clamp(s.map_run, 0, static_cast<int>(s.runs.size()) - 1);
  RunData& run = *s.runs[static_cast<std::size_t>(s.map_run)];
  if (run.maps().empty()) {
    ImGui::TextUnformatted(tr(txt::no_maps));
    return;
  }
  if (!run.find_map(s.map_name)) s.map_name = run.maps().front().name;

  ImGui::SetNextItemWidth(260.0f);
  if (ImGui::BeginCombo(label(txt::run, "map_run").c_str(), s.labels[static_cast<std::size_t>(s.map_run)].c_str())) {
    for (int i = 0; i < static_cast<int>(s.runs.size()); ++i)
      if (ImGui::Selectable(s.labels[static_cast<std::size_t>(i)].c_str(), i == s.map_run)) s.map_run = i;
    ImGui::EndCombo();
  }
  ImGui::SameLine(0.0f, 24.0f);
  ImGui::SetNextItemWidth(220.0f);
  if (ImGui::BeginCombo(label(txt::field, "map_field").c_str(), s.map_name.c_str())) {
    for (const auto& m : run.maps())
      if (ImGui::Selectable(m.name.c_str(), m.name == s.map_name)) s.map_name = m.name;
    ImGui::EndCombo();
  }
  ImGui::SameLine(0.0f, 24.0f);
  if (ImGui::Button(label(txt::fit, "map_fit").c_str())) s.map_view.zoom = 0.0f;
  const MapSpec& spec = *run.find_map(s.map_name);
  ImGui::TextDisabled("%s (%s). %s", spec.description.c_str(), display_unit(spec.unit).c_str(), tr(txt::hint_map));

  const double t = s.now();
  show_map(layers.map, run, s.map_name, t, sequential_scale(run.map_range(s.map_name)));

  const float legend_h = 2.0f * ImGui::GetTextLineHeightWithSpacing() + 16.0f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const CellHover hover = map_canvas("##map_canvas", layers.map, ImVec2(avail.x, avail.y - legend_h), s.map_view,
                                     tr(txt::before_start));
  if (hover.valid()) cell_tooltip(run, hover.x, hover.y, t, s.map_name);
  if (layers.map.snapshot >= 0) {
    map_legend(layers.map, spec.unit, std::min(avail.x * 0.6f, 640.0f));
    ImGui::SameLine(0.0f, 24.0f);
    const double snap_t = run.map_times(s.map_name)[static_cast<std::size_t>(layers.map.snapshot)];
    ImGui::TextDisabled(tr(txt::snapshot_of), date_label(snap_t).c_str());
  }
}

}  // namespace zhili::view
