#include "app/chart.hpp"

#include <algorithm>
#include <iterator>
#include <cmath>

#include <cstdio>

#include "app/names_shown.hpp"
#include "data/decimal_year.hpp"
#include "data/format.hpp"
#include "data/timeline.hpp"
#include "plot/date_ticks.hpp"
#include "plot/ticks.hpp"
#include "plot/transform.hpp"

namespace zhili::view {

namespace {
constexpr ImU32 kText = IM_COL32(220, 220, 220, 255);
constexpr ImU32 kGrid = IM_COL32(70, 70, 78, 255);
constexpr ImU32 kFrame = IM_COL32(120, 120, 130, 255);

double value_of(const ChartLine& l, std::size_t row) { return l.values[row * l.stride + l.column]; }

// Whole time span of all lines.
void full_span(const std::vector<ChartLine>& lines, double& t0, double& t1) {
  t0 = INFINITY;
  t1 = -INFINITY;
  for (const auto& l : lines)
    if (!l.times.empty()) {
      t0 = std::min(t0, l.times.front());
      t1 = std::max(t1, l.times.back());
    }
  if (!(t1 > t0)) {
    t0 = std::isfinite(t0) ? t0 - 0.5 : 2000.0;
    t1 = t0 + 1.0;
  }
}

// A polyline in one of the line styles: on/off lengths in pixels, walked
// along the whole line so the pattern continues across vertices.
void styled_polyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, int style, float thickness) {
  static constexpr float kPattern[kLineStyles][4] = {{0, 0, 0, 0}, {9, 5, 9, 5}, {2, 4, 2, 4}, {9, 4, 2, 4}};
  const float* pat = kPattern[style % kLineStyles];
  if (pat[0] == 0.0f) {
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, 0, thickness);
    return;
  }
  int phase = 0;
  float left = pat[0];  // length left in the current on/off piece
  for (std::size_t i = 1; i < pts.size(); ++i) {
    ImVec2 a = pts[i - 1];
    const ImVec2 b = pts[i];
    float seg = std::hypot(b.x - a.x, b.y - a.y);
    while (seg > 0.0f) {
      const float step = std::min(seg, left);
      const float f = step / seg;
      const ImVec2 m(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
      if (phase % 2 == 0) dl->AddLine(a, m, col, thickness);
      a = m;
      seg -= step;
      left -= step;
      if (left <= 0.0f) {
        phase = (phase + 1) % 4;
        left = pat[phase];
      }
    }
  }
}

float legend_width(const std::vector<LegendEntry>& entries) {
  if (entries.empty()) return 0.0f;
  float w = 0.0f;
  for (const auto& e : entries) w = std::max(w, ImGui::CalcTextSize(e.name.c_str()).x);
  return w + 2.0f * ImGui::GetTextLineHeight() + 20.0f;
}

void legend(ImDrawList* dl, ImVec2 at, const std::vector<LegendEntry>& entries) {
  const float h = ImGui::GetTextLineHeight();
  const float swatch = 2.0f * h;
  float y = at.y + 4.0f;
  for (const auto& e : entries) {
    styled_polyline(dl, {ImVec2(at.x + 6.0f, y + h / 2), ImVec2(at.x + 6.0f + swatch, y + h / 2)}, pack(e.colour),
                    e.style, 2.5f);
    dl->AddText(ImVec2(at.x + swatch + 12.0f, y), kText, e.name.c_str());
    y += h + 2.0f;
  }
}
// What lies inside the plot frame and changes only with the data, zoom or
// size: background, grid, bands and lines (cacheable, see ChartCache).
struct PlotBody {
  ImVec2 p0, p1;
  Axis x, y;
  const std::vector<Tick>& y_ticks;
  const std::vector<Tick>& x_ticks;
  const std::vector<ChartLine>& lines;
  const std::string& unit;
};

void draw_plot_body(ImDrawList* dl, const PlotBody& b) {
  const ImVec2 p0 = b.p0, p1 = b.p1;
  const Axis& x = b.x;
  const Axis& y = b.y;
  const std::string& unit = b.unit;
  dl->AddRectFilled(p0, p1, IM_COL32(26, 26, 30, 255));
  for (const Tick& t : b.y_ticks) {
    const float py = y.to_pixel(t.value);
    dl->AddLine(ImVec2(p0.x, py), ImVec2(p1.x, py), kGrid);
  }
  for (const Tick& t : b.x_ticks) {
    const float px = x.to_pixel(t.value);
    dl->AddLine(ImVec2(px, p0.y), ImVec2(px, p1.y), kGrid);
  }
  dl->PushClipRect(p0, p1, true);
  // Bands first, lines on top. Each step is a trapezoid between the lower and
  // the upper running sum: convex, so ImGui fills it directly. Without
  // anti-aliasing: feathered edges of adjacent trapezoids show as seams.
  const ImDrawListFlags saved_flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (const auto& l : b.lines) {
    if (!l.fill) continue;
    const ImU32 fill = pack({l.colour.r, l.colour.g, l.colour.b, 120});
    auto lower = [&](std::size_t r) { return l.column == 0 ? 0.0 : l.values[r * l.stride + l.column - 1]; };
    const std::int64_t first = std::max<std::int64_t>(0, row_at(l.times, x.v0) - 1);
    for (std::size_t r = static_cast<std::size_t>(first); r + 1 < l.times.size(); ++r) {
      if (l.times[r] > x.v1) break;
      const float xa = x.to_pixel(l.times[r]), xb = x.to_pixel(l.times[r + 1]);
      const ImVec2 quad[4] = {ImVec2(xa, y.to_pixel(display_value(lower(r), unit))),
                              ImVec2(xa, y.to_pixel(display_value(value_of(l, r), unit))),
                              ImVec2(xb, y.to_pixel(display_value(value_of(l, r + 1), unit))),
                              ImVec2(xb, y.to_pixel(display_value(lower(r + 1), unit)))};
      dl->AddConvexPolyFilled(quad, 4, fill);
    }
  }
  dl->Flags = saved_flags;
  std::vector<ImVec2> pts;
  for (const auto& l : b.lines) {
    // Polylines break at NaN (no value) so a gap shows as a gap.
    pts.clear();
    auto flush = [&] {
      if (pts.size() >= 2) styled_polyline(dl, pts, pack(l.colour), l.style, 2.0f);
      else if (pts.size() == 1) dl->AddCircleFilled(pts[0], 2.0f, pack(l.colour));
      pts.clear();
    };
    const std::int64_t first = std::max<std::int64_t>(0, row_at(l.times, x.v0));
    for (std::size_t r = static_cast<std::size_t>(first); r < l.times.size(); ++r) {
      const double v = display_value(value_of(l, r), unit);
      if (!std::isfinite(v)) {
        flush();
        continue;
      }
      pts.emplace_back(x.to_pixel(l.times[r]), y.to_pixel(v));
      if (l.times[r] > x.v1) break;  // one point past the edge so the line reaches it
    }
    flush();
  }
  dl->PopClipRect();
}

}  // namespace

void draw_chart(const char* id, ImVec2 size, const std::vector<ChartLine>& lines,
                const std::vector<LegendEntry>& legend_entries, const std::string& unit, double now, ChartView& view,
                ChartCache* cache, const std::vector<ChartMark>& marks) {
  size.x = std::max(size.x, 120.0f);
  size.y = std::max(size.y, 80.0f);
  const ImVec2 c0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_h = ImGui::GetTextLineHeight();
  // Plot area inside the canvas: room for value labels left, dates below.
  // The unit sits above the value labels, in the top margin; the legend to the
  // right of the plot, where it never hides a line.
  const float legend_w = legend_width(legend_entries);
  const ImVec2 p0(c0.x + 64.0f, c0.y + line_h + 6.0f),
      p1(c0.x + size.x - 14.0f - legend_w, c0.y + size.y - line_h - 10.0f);

  double full0, full1;
  full_span(lines, full0, full1);
  if (view.fit) {
    view.t0 = full0;
    view.t1 = full1;
  }
  Axis x{view.t0, view.t1, p0.x, p1.x};

  ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0.0f) {
    zoom_about(x, io.MousePos.x, std::pow(0.85, io.MouseWheel));
    view.fit = false;
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f) && io.MouseDelta.x != 0.0f) {
    const double shift = x.to_value(p0.x) - x.to_value(p0.x + io.MouseDelta.x);
    x.v0 += shift;
    x.v1 += shift;
    view.fit = false;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    view.fit = true;
    x.v0 = full0;
    x.v1 = full1;
  }
  view.t0 = x.v0;
  view.t1 = x.v1;

  // Value range of the visible rows, in display units; stacked bands start at zero.
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& l : lines)
    if (l.stacked) lo = hi = 0.0;
  for (const auto& l : lines) {
    for (std::size_t r = 0; r < l.times.size(); ++r) {
      if (l.times[r] < x.v0 - 1.0 || l.times[r] > x.v1 + 1.0) continue;
      const double v = display_value(value_of(l, r), unit);
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const int y_ticks = std::max(2, static_cast<int>((p1.y - p0.y) / 50.0f));
  nice_bounds(lo, hi, y_ticks);
  const Axis y{lo, hi, p1.y, p0.y};

  const auto y_tick_list = nice_ticks(lo, hi, y_ticks);
  const int x_ticks = std::max(2, static_cast<int>((p1.x - p0.x) / 80.0f));
  const auto x_tick_list = date_ticks(x.v0, x.v1, x_ticks);
  for (const Tick& t : y_tick_list) {
    const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
    dl->AddText(ImVec2(p0.x - tw - 6.0f, y.to_pixel(t.value) - line_h / 2), kText, t.label.c_str());
  }
  for (const Tick& t : x_tick_list) {
    const float tw = ImGui::CalcTextSize(t.label.c_str()).x;
    dl->AddText(ImVec2(x.to_pixel(t.value) - tw / 2, p1.y + 4.0f), kText, t.label.c_str());
  }
  const std::string shown_unit = unit_shown(unit);
  dl->AddText(ImVec2(c0.x + 2.0f, c0.y), kText, shown_unit.c_str());

  const PlotBody body{p0, p1, x, y, y_tick_list, x_tick_list, lines, unit};
  if (cache) {
    // What the plot area shows: the lines' data (by address: a series is
    // re-read only on refresh), their look, the axes and the size.
    std::string key = unit;
    char buf[160];
    for (const auto& l : lines) {
      const void* data = l.readout.empty() ? l.values.data() : l.readout.data();
      std::snprintf(buf, sizeof buf, "|%p:%zu:%zu:%zu:%u:%d:%d:%d", data, l.times.size(), l.stride, l.column,
                    pack(l.colour), l.style, l.fill, l.stacked);
      key += buf;
    }
    std::snprintf(buf, sizeof buf, "|%.17g:%.17g:%.17g:%.17g:%.1f:%.1f", x.v0, x.v1, lo, hi, p1.x - p0.x,
                  p1.y - p0.y);
    key += buf;
    cache->update(key, p0, p1, [&](ImDrawList* d) { draw_plot_body(d, body); });
    cache->show(dl, p0, p1);
  } else {
    draw_plot_body(dl, body);
  }
  dl->PushClipRect(p0, p1, true);
  // Marks: dashed lines, each label in the top row where it clears the
  // labels before it (four rows; a label with no room is left to the hover
  // read-out), so that marks a few months apart stay readable.
  constexpr int kMarkRows = 4;
  float row_end[kMarkRows];
  std::fill(std::begin(row_end), std::end(row_end), -INFINITY);
  for (const ChartMark& m : marks) {
    if (!x.contains(m.t)) continue;
    const ImU32 colour = pack(m.colour);
    const float px = x.to_pixel(m.t);
    for (float py = p0.y; py < p1.y; py += 8.0f) dl->AddLine(ImVec2(px, py), ImVec2(px, std::min(py + 4.0f, p1.y)), colour, 1.0f);
    const ImVec2 sz = ImGui::CalcTextSize(m.label.c_str());
    for (int r = 0; r < kMarkRows; ++r) {
      if (px + 3.0f <= row_end[r] + 6.0f) continue;
      const ImVec2 at(px + 3.0f, p0.y + 2.0f + static_cast<float>(r) * (line_h + 2.0f));
      dl->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + sz.x + 2, at.y + sz.y), IM_COL32(20, 20, 24, 190), 2.0f);
      dl->AddText(at, colour, m.label.c_str());
      row_end[r] = at.x + sz.x;
      break;
    }
  }
  if (x.contains(now)) {
    const float px = x.to_pixel(now);
    dl->AddLine(ImVec2(px, p0.y), ImVec2(px, p1.y), IM_COL32(255, 255, 255, 200), 1.5f);
  }
  dl->PopClipRect();
  dl->AddRect(p0, p1, kFrame);
  if (!legend_entries.empty()) legend(dl, ImVec2(p1.x + 10.0f, p0.y), legend_entries);

  // Hover read-out: every line's value in force at the cursor's date.
  if (hovered && io.MousePos.x >= p0.x && io.MousePos.x <= p1.x && io.MousePos.y >= p0.y && io.MousePos.y <= p1.y) {
    const double t = x.to_value(io.MousePos.x);
    dl->AddLine(ImVec2(io.MousePos.x, p0.y), ImVec2(io.MousePos.x, p1.y), IM_COL32(255, 255, 255, 90));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(date_label(t).c_str());
    for (const ChartMark& m : marks)
      if (x.contains(m.t) && std::abs(x.to_pixel(m.t) - io.MousePos.x) <= 4.0f)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pack(m.colour)), "%s",
                           (m.detail.empty() ? m.label : m.label + ": " + m.detail).c_str());
    for (const auto& l : lines) {
      const std::int64_t r = row_at(l.times, t);
      const auto row = static_cast<std::size_t>(r);
      const double v = r < 0 ? NAN : l.readout.empty() ? value_of(l, row) : l.readout[row * l.stride + l.column];
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pack(l.colour)), "%s", l.name.c_str());
      ImGui::SameLine();
      ImGui::TextUnformatted(value_shown(v, unit).c_str());
    }
    ImGui::EndTooltip();
  }
}

}  // namespace zhili::view
