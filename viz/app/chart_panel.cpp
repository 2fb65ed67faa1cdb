// Charts panel: a list of every observable of the open runs, and the chosen
// one over time for every run that has it (breakdowns as one line per label).
#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "app/chart.hpp"
#include "app/i18n.hpp"
#include "app/names_shown.hpp"
#include "app/panels.hpp"
#include "data/export.hpp"
#include "data/format.hpp"
#include "plot/stack.hpp"

namespace zhili::view {

namespace {
// Observables of all runs, in the first run's order, then any only later runs have.
std::vector<const SeriesInfo*> all_observables(const ViewerState& s) {
  std::vector<const SeriesInfo*> out;
  for (const auto& run : s.runs)
    for (const auto& o : run->observables()) {
      bool seen = false;
      for (const SeriesInfo* x : out) seen = seen || x->spec.name == o.spec.name;
      if (!seen) out.push_back(&o);
    }
  return out;
}
}  // namespace

void draw_chart_panel(ViewerState& s, Layers& layers) {
  if (s.runs.empty()) {
    ImGui::TextWrapped("%s", tr(txt::no_runs));
    return;
  }
  const auto observables = all_observables(s);
  if (observables.empty()) return;
  const SeriesInfo* chosen = nullptr;
  for (const SeriesInfo* o : observables)
    if (o->spec.name == s.observable) chosen = o;
  if (!chosen) {
    chosen = observables.front();
    s.observable = chosen->spec.name;
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##observable_list", ImVec2(std::min(300.0f, avail.x * 0.25f), avail.y), true);
  ImGui::TextDisabled("%s", tr(txt::observable));
  for (const SeriesInfo* o : observables) {
    // Readable names, the key in the tooltip (what --observable and the CSV take).
    const std::string shown = name_of(NameKind::observable, o->spec.name) + "##" + o->spec.name;
    if (ImGui::Selectable(shown.c_str(), o == chosen)) s.observable = o->spec.name;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\n%s", o->spec.name.c_str(),
                        description_of(NameKind::observable, o->spec.name, o->spec.description).c_str());
  }
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginGroup();
  if (ImGui::SmallButton(label(txt::export_csv, "csv").c_str())) {
    // Into the working directory, named after the observable: no file dialog
    // in ImGui, and a predictable name is easy to find from a shell.
    std::vector<RunData*> runs;
    for (auto& r : s.runs) runs.push_back(r.get());
    const std::string path = std::filesystem::absolute("zhili-view-" + s.observable + ".csv").string();
    try {
      write_text_file(path, observable_csv(runs, s.labels, s.observable));
      s.message = std::string(tr(txt::saved)) + " " + path;
    } catch (const std::exception& e) {
      s.message = e.what();
    }
  }
  if (!chosen->spec.labels.empty()) {
    ImGui::SameLine();
    ImGui::Checkbox(label(txt::stacked, "stacked").c_str(), &s.stacked);
  }
  ImGui::SameLine();
  ImGui::Text("%s", name_of(NameKind::observable, chosen->spec.name).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s (%s). %s",
                      description_of(NameKind::observable, chosen->spec.name, chosen->spec.description).c_str(),
                      unit_shown(chosen->spec.unit).c_str(), tr(txt::hint_chart));
  // Lines: per run, per label. Colour tells labels apart and line style
  // tells runs apart, so "migrant" has one colour in every run. A scalar
  // over several runs uses the run colours of the header instead.
  std::vector<ChartLine> lines;
  std::vector<LegendEntry> legend;
  // Stacked mode: running sums per run, alive until the chart is drawn. The
  // first run's bands are filled; later runs draw their band edges only, in
  // their line style, so two stacks can be compared without hiding each other.
  const bool stack = s.stacked && !chosen->spec.labels.empty();
  std::vector<std::vector<double>> sums(s.runs.size());
  const bool several = s.runs.size() > 1;
  const bool breakdown = !chosen->spec.labels.empty();
  for (std::size_t r = 0; r < s.runs.size(); ++r) {
    RunData& run = *s.runs[r];
    const SeriesInfo* info = run.find_observable(s.observable);
    if (!info || info->spec.unit != chosen->spec.unit || info->spec.labels != chosen->spec.labels) continue;
    const auto& values = run.series(s.observable);
    const std::size_t width = info->spec.width();
    const std::size_t rows = std::min(run.times().size(), values.size() / width);
    if (stack) sums[r] = stack_columns(std::span<const double>(values.data(), rows * width), width);
    for (std::size_t c = 0; c < width; ++c) {
      ChartLine l;
      const std::string what = column_name(info->spec, c);
      l.name = several ? s.labels[r] + (breakdown ? " · " + what : "") : what;
      l.colour = breakdown || !several ? category_colour(c) : category_colour(r);
      l.style = breakdown ? static_cast<int>(r) : 0;
      l.times = std::span<const double>(run.times().data(), rows);
      l.values = std::span<const double>(values.data(), rows * width);
      l.stride = width;
      l.column = c;
      if (stack) {
        l.readout = l.values;
        l.values = sums[r];
        l.stacked = true;
        l.fill = lines.empty() || lines.front().times.data() == l.times.data();  // the first run drawn
      }
      lines.push_back(std::move(l));
    }
    if (several && breakdown) legend.push_back({s.labels[r], Rgba{200, 200, 200, 255}, static_cast<int>(r)});
    else if (several) legend.push_back({s.labels[r], category_colour(r), 0});
  }
  if (breakdown)
    for (std::size_t c = 0; c < chosen->spec.labels.size(); ++c)
      legend.push_back({column_name(chosen->spec, c), category_colour(c), 0});
  else if (!several)
    legend.push_back({column_name(chosen->spec, 0), category_colour(0), 0});
  draw_chart("##chart", ImGui::GetContentRegionAvail(), lines, legend, chosen->spec.unit, s.now(), s.chart_view,
             &layers.chart, s.marks);
  ImGui::EndGroup();
}

}  // namespace zhili::view
