// Compare panel: the same field of two runs side by side on one colour scale,
// their difference (B - A) on a diverging scale, and a table of every outcome
// both files hold with its difference, all at the timeline's instant.
#include <imgui.h>

#include <algorithm>

#include "app/i18n.hpp"
#include "app/incident_markers.hpp"
#include "app/legend.hpp"
#include "app/map_canvas.hpp"
#include "app/map_furniture.hpp"
#include "app/meaning_colour.hpp"
#include "app/names_shown.hpp"
#include "app/panels.hpp"
#include "app/presentation.hpp"
#include "data/compare.hpp"
#include "data/format.hpp"

namespace zhili::view {

namespace {
bool run_combo(const char* id, const Text& text, const ViewerState& s, int& index) {
  bool changed = false;
  ImGui::SetNextItemWidth(240.0f);
  if (ImGui::BeginCombo(label(text, id).c_str(), s.labels[static_cast<std::size_t>(index)].c_str())) {
    for (int i = 0; i < static_cast<int>(s.runs.size()); ++i)
      if (ImGui::Selectable(s.labels[static_cast<std::size_t>(i)].c_str(), i == index)) {
        index = i;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

void outcome_table(ViewerState& s, RunData& a, RunData& b) {
  const auto rows = compare_outcomes(a, b, s.now());
  ImGui::TextUnformatted(tr(txt::outcomes));
  ImGui::SameLine(0.0f, 24.0f);
  ImGui::TextDisabled("%s", tr(txt::meaning_legend));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##outcomes", 5, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(txt::observable));
  ImGui::TableSetupColumn(tr(txt::label_col));
  ImGui::TableSetupColumn(s.labels[static_cast<std::size_t>(s.compare_a)].c_str());
  ImGui::TableSetupColumn(s.labels[static_cast<std::size_t>(s.compare_b)].c_str());
  ImGui::TableSetupColumn(tr(txt::difference));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // a model with many breakdowns gives hundreds of rows
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const OutcomeRow& r = rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name_of(NameKind::observable, r.name).c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.name.c_str());
      ImGui::TableNextColumn();
      if (!r.label.empty()) ImGui::TextUnformatted(name_of(NameKind::label, r.label).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(value_shown(r.a, r.unit).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(value_shown(r.b, r.unit).c_str());
      ImGui::TableNextColumn();
      const double d = r.difference();
      // Coloured by what the outcome is for: +15 pp of migrants' coverage is good news.
      ImGui::TextColored(meaning_colour(meaning_of(r)), "%s", difference_shown(d, r.unit).c_str());
    }
  }
  ImGui::EndTable();
}
}  // namespace

void draw_compare_panel(ViewerState& s, Layers& layers) {
  if (s.runs.size() < 2) {
    ImGui::TextWrapped("%s", tr(s.runs.empty() ? txt::no_runs : txt::need_two));
    return;
  }
  const int n = static_cast<int>(s.runs.size());
  s.compare_a = std::clamp(s.compare_a, 0, n - 1);
  s.compare_b = std::clamp(s.compare_b, 0, n - 1);
  run_combo("cmp_a", txt::run_a, s, s.compare_a);
  ImGui::SameLine(0.0f, 24.0f);
  run_combo("cmp_b", txt::run_b, s, s.compare_b);
  RunData& a = *s.runs[static_cast<std::size_t>(s.compare_a)];
  RunData& b = *s.runs[static_cast<std::size_t>(s.compare_b)];

  // Fields both runs have.
  std::vector<const MapSpec*> common;
  for (const auto& m : a.maps())
    if (b.find_map(m.name)) common.push_back(&m);
  const bool same_grid = a.map_width() == b.map_width() && a.map_height() == b.map_height();
  const double t = s.now();
  const float avail_y = ImGui::GetContentRegionAvail().y;
  if (!common.empty()) {
    bool found = false;
    for (const MapSpec* m : common) found = found || m->name == s.compare_map;
    if (!found) s.compare_map = common.front()->name;
    ImGui::SameLine(0.0f, 24.0f);
    ImGui::SetNextItemWidth(220.0f);
    if (ImGui::BeginCombo(label(txt::field, "cmp_field").c_str(), name_of(NameKind::map, s.compare_map).c_str())) {
      for (const MapSpec* m : common)
        if (ImGui::Selectable((name_of(NameKind::map, m->name) + "##" + m->name).c_str(), m->name == s.compare_map))
          s.compare_map = m->name;
      ImGui::EndCombo();
    }
    const MapSpec& spec = *a.find_map(s.compare_map);
    // One scale for both runs: equal colours mean equal values.
    const ColourScale shared = sequential_scale(merge(a.map_range(spec.name), b.map_range(spec.name)));
    show_map(layers.compare_a, a, spec.name, t, shared);
    show_map(layers.compare_b, b, spec.name, t, shared);

    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - 2.0f * spacing) / 3.0f;
    const float h = std::min(w, avail_y * 0.55f);
    const bool have_diff = same_grid && layers.compare_a.snapshot >= 0 && layers.compare_b.snapshot >= 0 &&
                           !layers.compare_a.categorical();
    const std::string diff_key = layers.compare_a.key + '|' + layers.compare_b.key;
    if (have_diff && diff_key != layers.compare_diff.key) {
      std::vector<float> diff = map_difference(layers.compare_a.cells, layers.compare_b.cells);
      // Centred on 0 (white = no difference), as wide as the largest difference now.
      const Range r = symmetric_range(diff);
      ColourScale ds;
      ds.map = &difference_colours(spec.better);
      ds.lo = r.lo;
      ds.hi = r.hi;
      show_values(layers.compare_diff, diff_key, std::move(diff), a.map_width(), a.map_height(), ds);
    }

    const MapLayer* shown[3] = {&layers.compare_a, &layers.compare_b, &layers.compare_diff};
    const std::string titles[3] = {tr(txt::run_a) + std::string(": ") + s.labels[static_cast<std::size_t>(s.compare_a)],
                                   tr(txt::run_b) + std::string(": ") + s.labels[static_cast<std::size_t>(s.compare_b)],
                                   tr(txt::difference)};
    RunData* owners[3] = {&a, &b, &a};
    // Incidents in progress on the two runs' maps, sized on one scale (equal
    // rings mean equal peaks, as equal colours mean equal values).
    const IncidentTable tables[2] = {s.incidents_shown(s.compare_a), s.incidents_shown(s.compare_b)};
    const double max_peak = std::max(tables[0].max_peak_active, tables[1].max_peak_active);
    std::vector<Incident> active[2];
    for (int i = 0; i < 2; ++i)
      if (s.show_incidents && !tables[i].empty())
        active[i] = incidents_in_progress(tables[i], incident_step_at(tables[i], *owners[i], t));
    for (int i = 0; i < 3; ++i) {
      if (i > 0) ImGui::SameLine();
      ImGui::BeginGroup();
      ImGui::TextUnformatted(titles[i].c_str());
      const char* empty = i == 2 ? tr(same_grid ? txt::no_data : txt::grids_differ) : tr(txt::before_start);
      MapLayer none;
      const MapLayer& layer = (i == 2 && !have_diff) ? none : *shown[i];
      const CellHover hover = map_canvas(i == 0 ? "##cmp0" : i == 1 ? "##cmp1" : "##cmp2", layer, ImVec2(w, h),
                                         s.compare_view, empty);
      if (s.show_zones && layer.snapshot >= 0) draw_zone_outlines(*owners[i], hover);
      if (layer.snapshot >= 0) draw_map_furniture(hover, owners[i]->metadata().cell_km);
      const int ring = i < 2 && !active[i].empty() && layer.snapshot >= 0
                           ? draw_incident_markers(active[i], {}, hover, max_peak)
                           : -1;
      if (ring >= 0)
        incident_tooltip(active[i][static_cast<std::size_t>(ring)], tables[i], *owners[i], true);
      else if (hover.valid())
        cell_tooltip(*owners[i == 1 ? 1 : 0], hover.x, hover.y, t, spec.name);
      if (layer.snapshot >= 0) map_legend(layer, spec.unit, w);
      if (i == 2 && have_diff)
        ImGui::TextDisabled("%s", tr(spec.better == Better::neither ? txt::map_neither : txt::map_better_high));
      ImGui::EndGroup();
    }
  } else {
    ImGui::TextUnformatted(tr(txt::no_common_map));
  }
  ImGui::Spacing();
  outcome_table(s, a, b);
}

}  // namespace zhili::view
