// Map panel: one per-cell field of one run at the timeline's instant, with
// its legend, pan/zoom and a tooltip on the cell under the mouse.
#include <imgui.h>

#include <algorithm>

#include "app/i18n.hpp"
#include "app/incident_markers.hpp"
#include "app/legend.hpp"
#include "app/map_canvas.hpp"
#include "app/map_furniture.hpp"
#include "app/names_shown.hpp"
#include "app/outlet_markers.hpp"
#include "app/panels.hpp"
#include "app/presentation.hpp"
#include "app/renewal_overlay.hpp"
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
      text = text.empty() ? value_shown(v, "") : name_of(NameKind::label, text);
    } else {
      text = value_shown(v, m->unit);
    }
    if (m->name == hovered_map) ImGui::Separator();
    ImGui::Text("%s: %s", name_of(NameKind::map, m->name).c_str(), text.c_str());
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
  if (ImGui::BeginCombo(label(txt::field, "map_field").c_str(), name_of(NameKind::map, s.map_name).c_str())) {
    for (const auto& m : run.maps())
      if (ImGui::Selectable((name_of(NameKind::map, m.name) + "##" + m.name).c_str(), m.name == s.map_name))
        s.map_name = m.name;
    ImGui::EndCombo();
  }
  ImGui::SameLine(0.0f, 24.0f);
  if (ImGui::Button(label(txt::fit, "map_fit").c_str())) s.map_view.zoom = 0.0f;
  const double t = s.now();
  // Outlets, where the file says where they are (services on, written since
  // outlet cells are recorded): markers sized by queue or utilisation.
  const std::vector<OutletMarker> outlets = outlets_at(run, t);
  if (!outlets.empty()) {
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::Checkbox(label(txt::outlets, "map_outlets").c_str(), &s.show_outlets);
    ImGui::SameLine(0.0f, 12.0f);
    ImGui::SetNextItemWidth(150.0f);
    const char* sizes[2] = {tr(txt::queue), tr(txt::utilisation)};
    int size = s.marker_size == MarkerSize::queue ? 0 : 1;
    if (ImGui::Combo(label(txt::size_by, "map_marker_size").c_str(), &size, sizes, 2))
      s.marker_size = size == 0 ? MarkerSize::queue : MarkerSize::utilisation;
  }
  const bool markers = s.show_outlets && !outlets.empty();
  // Collective incidents, where the file has their table (conflict on):
  // rings at the incidents in progress, optionally the ended ones faded. A
  // live run's file gets an incident when it ends; those still going on come
  // from the run itself.
  const IncidentTable incidents = s.incidents_shown(s.map_run);
  if (!incidents.empty()) {
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::Checkbox(label(txt::incidents, "map_incidents").c_str(), &s.show_incidents);
    ImGui::SameLine(0.0f, 12.0f);
    ImGui::Checkbox(label(txt::show_ended, "map_incidents_ended").c_str(), &s.show_ended_incidents);
  }
  const bool zones = run.find_map("zone") != nullptr;
  if (zones) {
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::Checkbox(label(txt::zone_outlines, "map_zones").c_str(), &s.show_zones);
  }
  const bool renewal = run.find_map("renewal_area") != nullptr;
  if (renewal) {
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::Checkbox(label(txt::renewal_areas, "map_renewal").c_str(), &s.show_renewal);
  }
  const bool rings = s.show_incidents && !incidents.empty();
  const std::int64_t step = incident_step_at(incidents, run, t);
  const std::vector<Incident> active = rings ? incidents_in_progress(incidents, step) : std::vector<Incident>{};
  const std::vector<Incident> ended =
      rings && s.show_ended_incidents ? incidents_ended_by(incidents, step) : std::vector<Incident>{};
  const MapSpec& spec = *run.find_map(s.map_name);
  ImGui::TextDisabled("%s (%s). %s", description_of(NameKind::map, spec.name, spec.description).c_str(),
                      unit_shown(spec.unit).c_str(), tr(txt::hint_map));

  show_map(layers.map, run, s.map_name, t, sequential_scale(run.map_range(s.map_name)));

  const float legend_h =
      (2.0f + (markers ? 1.0f : 0.0f) + (rings ? 1.0f : 0.0f)) * ImGui::GetTextLineHeightWithSpacing() + 16.0f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const CellHover hover = map_canvas("##map_canvas", layers.map, ImVec2(avail.x, avail.y - legend_h), s.map_view,
                                     tr(txt::before_start));
  if (zones && s.show_zones && layers.map.snapshot >= 0) draw_zone_outlines(run, hover);
  if (renewal && s.show_renewal && layers.map.snapshot >= 0) draw_renewal_outlines(run, hover, t);
  // Rings first: the outlets are drawn over them and win the pointer.
  const int incident =
      rings && layers.map.snapshot >= 0 ? draw_incident_markers(active, ended, hover, incidents.max_peak_active) : -1;
  const int outlet = markers && layers.map.snapshot >= 0
                         ? draw_outlet_markers(outlets, hover, s.marker_size, run.entity_max("outlets", "queue"))
                         : -1;
  if (renewal && s.show_renewal && layers.map.snapshot >= 0) draw_renewal_names(run, hover, t);
  if (layers.map.snapshot >= 0) draw_map_furniture(hover, run.metadata().cell_km);  // last: nothing covers it
  if (outlet >= 0) outlet_tooltip(outlets[static_cast<std::size_t>(outlet)]);
  else if (incident >= 0 && static_cast<std::size_t>(incident) < active.size())
    incident_tooltip(active[static_cast<std::size_t>(incident)], incidents, run, true);
  else if (incident >= 0)
    incident_tooltip(ended[static_cast<std::size_t>(incident) - active.size()], incidents, run, false);
  else if (hover.valid()) cell_tooltip(run, hover.x, hover.y, t, s.map_name);
  if (layers.map.snapshot >= 0) {
    map_legend(layers.map, spec.unit, std::min(avail.x * 0.6f, 640.0f));
    ImGui::SameLine(0.0f, 24.0f);
    const double snap_t = run.map_times(s.map_name)[static_cast<std::size_t>(layers.map.snapshot)];
    ImGui::TextDisabled(tr(txt::snapshot_of), date_label(snap_t).c_str());
    if (markers) outlet_legend(outlets, s.marker_size);
    if (rings) incident_legend(active.size(), ended.size(), s.show_ended_incidents);
  }
}

}  // namespace zhili::view
