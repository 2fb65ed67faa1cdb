#include "app/renewal_overlay.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/i18n.hpp"

namespace zhili::view {

namespace {

const char* stage_text(int stage) {
  switch (stage) {
    case 0: return tr(txt::stage_planned);
    case 1: return tr(txt::stage_consultation);
    case 2: return tr(txt::stage_demolition);
    case 3: return tr(txt::stage_construction);
    case 4: return tr(txt::stage_complete);
    default: return "";
  }
}

constexpr ImU32 kOutline = IM_COL32(255, 196, 40, 235);  // amber: a project, whatever the map's colours
constexpr ImU32 kShadow = IM_COL32(0, 0, 0, 200);

}  // namespace

std::string mark_text(const TimeMark& m) {
  std::string out = (m.project.empty() ? std::string(tr(txt::project)) : m.project) + ": ";
  for (int s = m.from + 1; s <= m.to; ++s) {
    if (s > m.from + 1) out += ", ";
    out += s == 1 ? tr(txt::stage_notice) : stage_text(s);
  }
  return out;
}

namespace {

// The areas (they do not move: the snapshot in force, or the first before
// it); nullptr when the run has none or nothing is drawn.
const std::vector<float>* areas(RunData& run, const CellHover& where, double t) {
  if (where.zoom <= 0.0f || !run.find_map("renewal_area") || run.map_times("renewal_area").empty()) return nullptr;
  return &run.map_snapshot("renewal_area", std::max<std::int64_t>(0, run.snapshot_at("renewal_area", t)));
}

ImVec2 screen(const CellHover& where, float cx, float cy) {
  return ImVec2(where.ox + cx * where.zoom, where.oy + cy * where.zoom);
}

}  // namespace

void draw_renewal_outlines(RunData& run, const CellHover& where, double t) {
  const std::vector<float>* area = areas(run, where, t);
  if (!area) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(where.p0, where.p1, true);
  const float thick = std::clamp(where.zoom * 0.25f, 1.5f, 3.0f);
  for (const Segment& g : area_outline(*area, run.map_width(), run.map_height()))
    dl->AddLine(screen(where, g.x0, g.y0), screen(where, g.x1, g.y1), kOutline, thick);
  dl->PopClipRect();
}

void draw_renewal_names(RunData& run, const CellHover& where, double t) {
  const std::vector<float>* area = areas(run, where, t);
  if (!area) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(where.p0, where.p1, true);
  const SeriesInfo* stages = run.find_observable("renewal_stage");
  const std::vector<int> now = renewal_stages_at(run, t);
  for (const AreaLabel& l : area_labels(*area, run.map_width(), run.map_height())) {
    const auto p = static_cast<std::size_t>(l.project - 1);
    std::string text = stages && p < stages->spec.labels.size() ? stages->spec.labels[p] : tr(txt::project);
    if (p < now.size() && now[p] >= 0) text += std::string(" · ") + stage_text(now[p]);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 at = screen(where, l.x, l.y);
    const ImVec2 q(at.x - size.x / 2, at.y - size.y / 2);
    dl->AddRectFilled(ImVec2(q.x - 3, q.y - 1), ImVec2(q.x + size.x + 3, q.y + size.y + 1), kShadow, 3.0f);
    dl->AddText(q, kOutline, text.c_str());
  }
  dl->PopClipRect();
}

}  // namespace zhili::view
