#include "app/sweep_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "app/fonts.hpp"
#include "app/i18n.hpp"
#include "app/names_shown.hpp"
#include "app/platform.hpp"
#include "data/colour.hpp"
#include "data/png.hpp"
#include "plot/ticks.hpp"

namespace zhili::view {

namespace {

// The chart panel's colours (chart.cpp), so both read alike.
constexpr ImU32 kText = IM_COL32(220, 220, 220, 255);
constexpr ImU32 kGrid = IM_COL32(70, 70, 78, 255);
constexpr ImU32 kFrame = IM_COL32(120, 120, 130, 255);
constexpr ImU32 kMuted = IM_COL32(150, 150, 160, 160);
constexpr std::uint8_t kBandAlpha = 64;  // interval bands: the line's colour, this opaque

ImU32 colour(std::size_t i) { return pack(category_colour(i)); }
ImU32 colour(std::size_t i, std::uint8_t alpha) {
  Rgba c = category_colour(i);
  c.a = alpha;
  return pack(c);
}

bool finite(double v) { return std::isfinite(v); }

// The pointer over the plot area this frame (an invisible button covers it).
struct Pointer {
  bool hovered = false, clicked = false;
  ImVec2 pos;
  bool can_open = false;  // a click opens the point's runs (the viewer's Sweep tab)
};

const char* open_hint(const Pointer& m) { return m.can_open ? tr(txt::click_open_hint) : ""; }

// printf into a string: the interface's format strings take their arguments in C style.
template <typename... A>
std::string formatted(const Text& format, A... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, tr(format), args...);
  return buf;
}

std::string point_text(int point) { return formatted(txt::point_n, point); }

// The design point nearest the pointer within `radius` pixels: tooltip, and a
// click picks it.
struct Nearest {
  float d2 = INFINITY;
  int point = -1;
  std::string tip;
  void offer(const Pointer& m, ImVec2 at, float radius, int p, const std::function<std::string()>& text) {
    if (!m.hovered) return;
    const float dx = m.pos.x - at.x, dy = m.pos.y - at.y, d = dx * dx + dy * dy;
    if (d > radius * radius || d >= d2) return;
    d2 = d;
    point = p;
    tip = text();
  }
  void finish(SweepView& v, const Pointer& m) const {
    if (point < 0) return;
    ImGui::SetTooltip("%s%s", tip.c_str(), open_hint(m));
    if (m.clicked) v.picked = point;
  }
};

// Text where a plot would be.
void note(ImDrawList* dl, ImVec2 p0, const char* text) { dl->AddText(ImVec2(p0.x + 8.0f, p0.y + 8.0f), kText, text); }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// A plot frame in the rectangle [p0, p1] with value ticks on the y axis over
// [lo, hi] (extended to nice values), and a label under the x axis. Returns
// the inner rectangle; `to_y` maps a value to a pixel row.
struct Frame {
  ImVec2 a, b;  // inner plot area
  double lo = 0, hi = 1;
  float y(double v) const { return b.y - static_cast<float>((v - lo) / (hi - lo)) * (b.y - a.y); }
};

Frame draw_frame(ImDrawList* dl, ImVec2 p0, ImVec2 p1, double lo, double hi, const std::string& y_title,
                 const std::string& x_title, float right = 20.0f) {
  Frame f;
  if (!(lo < hi)) {
    lo -= 0.5;
    hi += 0.5;
  }
  nice_bounds(lo, hi, 8);
  f.lo = lo;
  f.hi = hi;
  f.a = ImVec2(p0.x + 80.0f, p0.y + 30.0f);
  f.b = ImVec2(p1.x - right, p1.y - 60.0f);
  for (const Tick& t : nice_ticks(lo, hi, 8)) {
    const float y = f.y(t.value);
    dl->AddLine(ImVec2(f.a.x, y), ImVec2(f.b.x, y), kGrid);
    const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
    dl->AddText(ImVec2(f.a.x - ts.x - 8.0f, y - ts.y * 0.5f), kText, t.label.c_str());
  }
  dl->AddRect(f.a, f.b, kFrame);
  dl->AddText(ImVec2(f.a.x, p0.y + 4.0f), kText, y_title.c_str());
  const ImVec2 xs = ImGui::CalcTextSize(x_title.c_str());
  dl->AddText(ImVec2(0.5f * (f.a.x + f.b.x - xs.x), p1.y - xs.y - 6.0f), kText, x_title.c_str());
  return f;
}

void whisker(ImDrawList* dl, float x, float y_lo, float y_hi, ImU32 c, float half) {
  dl->AddLine(ImVec2(x, y_lo), ImVec2(x, y_hi), c, 1.5f);
  dl->AddLine(ImVec2(x - half, y_lo), ImVec2(x + half, y_lo), c, 1.5f);
  dl->AddLine(ImVec2(x - half, y_hi), ImVec2(x + half, y_hi), c, 1.5f);
}

// Design points best first, each its mean and replicate interval.
void draw_ranking(SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1, const Pointer& m) {
  const SweepEffects e = v.data->effects(v.outcome);
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < e.mean.size(); ++i)
    for (double x : {e.mean[i], e.lo[i], e.hi[i]})
      if (finite(x)) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
  const std::string outcome = sweep_outcome_name(v.outcome);
  if (!finite(lo)) return note(dl, p0, formatted(txt::no_values_of, outcome.c_str()).c_str());
  const Frame f = draw_frame(dl, p0, p1, lo, hi, formatted(txt::mean_interval, outcome.c_str()),
                             formatted(txt::points_highest_first, e.mean.size()));
  const float w = (f.b.x - f.a.x) / static_cast<float>(std::max<std::size_t>(1, e.mean.size()));
  for (std::size_t i = 0; i < e.mean.size(); ++i) {
    const float x = f.a.x + (static_cast<float>(i) + 0.5f) * w;
    if (finite(e.lo[i]) && finite(e.hi[i])) whisker(dl, x, f.y(e.lo[i]), f.y(e.hi[i]), kMuted, std::min(4.0f, w * 0.3f));
    if (finite(e.mean[i])) dl->AddCircleFilled(ImVec2(x, f.y(e.mean[i])), std::clamp(w * 0.3f, 2.0f, 5.0f), colour(0));
    if (m.hovered && std::fabs(m.pos.x - x) <= 0.5f * w && m.pos.y >= f.a.y && m.pos.y <= f.b.y) {
      ImGui::SetTooltip("%s: %.4g [%.4g, %.4g]\n%s%s", point_text(e.point[i]).c_str(), e.mean[i], e.lo[i], e.hi[i],
                        assignments_shown(e.label[i]).c_str(), open_hint(m));
      if (m.clicked) v.picked = e.point[i];
    }
  }
}

// Per factor, S1 and ST side by side with their bootstrap intervals.
void draw_sobol(const SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1) {
  const SweepSobol s = v.data->sobol(v.outcome);
  if (s.factors.empty()) return note(dl, p0, tr(txt::no_sobol));
  double lo = 0.0, hi = 1.0;
  for (std::size_t i = 0; i < s.factors.size(); ++i)
    for (double x : {s.s1_lo[i], s.s1_hi[i], s.st_lo[i], s.st_hi[i]})
      if (finite(x)) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
  const Frame f = draw_frame(dl, p0, p1, lo, hi, formatted(txt::sobol_of, sweep_outcome_name(v.outcome).c_str()), "");
  const float group = (f.b.x - f.a.x) / static_cast<float>(s.factors.size());
  const float bar = std::min(60.0f, group * 0.3f);
  const float zero = f.y(0.0);
  for (std::size_t i = 0; i < s.factors.size(); ++i) {
    const float cx = f.a.x + (static_cast<float>(i) + 0.5f) * group;
    const double val[2] = {s.s1[i], s.st[i]}, l[2] = {s.s1_lo[i], s.st_lo[i]}, h[2] = {s.s1_hi[i], s.st_hi[i]};
    for (int k = 0; k < 2; ++k) {
      const float x0 = cx + (k == 0 ? -bar - 2.0f : 2.0f), x1 = x0 + bar;
      if (finite(val[k]))
        dl->AddRectFilled(ImVec2(x0, std::min(zero, f.y(val[k]))), ImVec2(x1, std::max(zero, f.y(val[k]))),
                          colour(static_cast<std::size_t>(k)));
      if (finite(l[k]) && finite(h[k])) whisker(dl, 0.5f * (x0 + x1), f.y(l[k]), f.y(h[k]), kText, bar * 0.25f);
    }
    const std::string factor = factor_name(s.factors[i]);
    const ImVec2 ts = ImGui::CalcTextSize(factor.c_str());
    dl->AddText(ImVec2(cx - 0.5f * ts.x, f.b.y + 6.0f), kText, factor.c_str());
  }
  // Legend, top right.
  const char* names[2] = {tr(txt::sobol_first), tr(txt::sobol_total)};
  float x = f.b.x - 330.0f;
  for (int k = 0; k < 2; ++k) {
    dl->AddRectFilled(ImVec2(x, f.a.y + 10.0f), ImVec2(x + 14.0f, f.a.y + 24.0f), colour(static_cast<std::size_t>(k)));
    dl->AddText(ImVec2(x + 20.0f, f.a.y + 8.0f), kText, names[k]);
    x += 160.0f;
  }
}

// Every point as a dot; the front's points highlighted and joined.
void draw_pareto(SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1, const Pointer& m) {
  const SweepPareto& p = v.data->pareto();
  if (p.point.empty())
    return note(dl, p0, tr(txt::no_pareto));
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  for (std::size_t i = 0; i < p.x.size(); ++i)
    if (finite(p.x[i]) && finite(p.y[i])) {
      xlo = std::min(xlo, p.x[i]);
      xhi = std::max(xhi, p.x[i]);
      ylo = std::min(ylo, p.y[i]);
      yhi = std::max(yhi, p.y[i]);
    }
  if (!finite(xlo)) return;
  const std::string x_name = sweep_outcome_name(p.x_name), y_name = sweep_outcome_name(p.y_name);
  const Frame f = draw_frame(dl, p0, p1, ylo, yhi, y_name, x_name);
  if (!(xlo < xhi)) {
    xlo -= 0.5;
    xhi += 0.5;
  }
  nice_bounds(xlo, xhi, 8);
  const auto fx = [&](double x) { return f.a.x + static_cast<float>((x - xlo) / (xhi - xlo)) * (f.b.x - f.a.x); };
  for (const Tick& t : nice_ticks(xlo, xhi, 8)) {
    const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
    dl->AddLine(ImVec2(fx(t.value), f.a.y), ImVec2(fx(t.value), f.b.y), kGrid);
    dl->AddText(ImVec2(fx(t.value) - 0.5f * ts.x, f.b.y + 6.0f), kText, t.label.c_str());
  }
  std::vector<std::pair<double, double>> front;
  Nearest near;
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    if (!finite(p.x[i]) || !finite(p.y[i])) continue;
    near.offer(m, ImVec2(fx(p.x[i]), f.y(p.y[i])), 10.0f, p.point[i], [&] {
      return point_text(p.point[i]) + (p.front[i] ? tr(txt::on_front) : "") + "\n" + x_name + " = " + num(p.x[i]) +
             ", " + y_name + " = " + num(p.y[i]) + "\n" + assignments_shown(v.data->point_label(p.point[i]));
    });
    if (p.front[i]) front.push_back({p.x[i], p.y[i]});
    else dl->AddCircleFilled(ImVec2(fx(p.x[i]), f.y(p.y[i])), 3.5f, kMuted);
  }
  std::sort(front.begin(), front.end());
  for (std::size_t i = 1; i < front.size(); ++i)
    dl->AddLine(ImVec2(fx(front[i - 1].first), f.y(front[i - 1].second)),
                ImVec2(fx(front[i].first), f.y(front[i].second)), colour(1), 2.0f);
  for (const auto& [x, y] : front) dl->AddCircleFilled(ImVec2(fx(x), f.y(y)), 5.5f, colour(1));
  near.finish(v, m);
}

// An outcome against a factor: per design point its mean and interval; a
// line per combination of the other factors in a grid (bands for a numeric
// factor, error bars for listed values), unjoined points otherwise.
void draw_effect(SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1, const Pointer& m) {
  const auto& factors = v.data->factors();
  if (factors.empty()) return note(dl, p0, tr(txt::no_factors));
  if (std::find(factors.begin(), factors.end(), v.factor) == factors.end()) v.factor = factors.front();
  const EffectPlot e = v.data->effect(v.outcome, v.factor);
  double lo = INFINITY, hi = -INFINITY, xlo = INFINITY, xhi = -INFINITY;
  for (const auto& l : e.lines)
    for (std::size_t i = 0; i < l.x.size(); ++i) {
      if (!finite(l.mean[i])) continue;
      xlo = std::min(xlo, l.x[i]);
      xhi = std::max(xhi, l.x[i]);
      for (double y : {l.mean[i], l.lo[i], l.hi[i]})
        if (finite(y)) {
          lo = std::min(lo, y);
          hi = std::max(hi, y);
        }
    }
  const std::string outcome = sweep_outcome_name(v.outcome);
  if (!finite(lo)) return note(dl, p0, formatted(txt::no_values_of, outcome.c_str()).c_str());

  // Legend in a column right of the plot, one entry per line (a few at most).
  const bool legend = e.lines.size() > 1;
  constexpr std::size_t kLegendMax = 12;
  float legend_w = 0.0f;
  if (legend)
    for (std::size_t k = 0; k < std::min(kLegendMax, e.lines.size()); ++k)
      legend_w = std::max(legend_w, ImGui::CalcTextSize(assignments_shown(e.lines[k].label).c_str()).x);
  legend_w = legend ? std::min(legend_w + 44.0f, 0.4f * (p1.x - p0.x)) : 0.0f;
  const std::string x_title = factor_name(v.factor) + (e.joined ? "" : tr(txt::not_joined));
  const Frame f = draw_frame(dl, p0, p1, lo, hi, formatted(txt::mean_interval, outcome.c_str()), x_title,
                             20.0f + legend_w);

  // x: the value on a numeric axis (inset so points clear the frame), or
  // evenly spaced categories; lines side by side within a category.
  const std::size_t n_lines = e.lines.size();
  const float inset = 24.0f;
  const float cat_w = (f.b.x - f.a.x) / static_cast<float>(std::max<std::size_t>(1, e.categories.size()));
  // Bands for one or two lines along a numeric factor; more would bury each
  // other, so error bars then, a few pixels apart.
  const bool bands = e.numeric && e.joined && n_lines <= 2;
  const float dodge = bands || !e.joined ? 0.0f
                      : e.numeric        ? 5.0f
                                         : std::min(10.0f, 0.5f * cat_w / static_cast<float>(n_lines));
  if (e.numeric) {
    if (!(xlo < xhi)) {
      xlo -= 0.5;
      xhi += 0.5;
    }
    nice_bounds(xlo, xhi, 8);
  }
  const auto axis_x = [&](double x) {
    if (!e.numeric) return f.a.x + (static_cast<float>(x) + 0.5f) * cat_w;
    return f.a.x + inset + static_cast<float>((x - xlo) / (xhi - xlo)) * (f.b.x - f.a.x - 2.0f * inset);
  };
  const auto fx = [&](double x, std::size_t line) {
    return axis_x(x) + (static_cast<float>(line) - 0.5f * static_cast<float>(n_lines - 1)) * dodge;
  };
  if (e.numeric) {
    for (const Tick& t : nice_ticks(xlo, xhi, 8)) {
      const float x = axis_x(t.value);
      const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
      dl->AddLine(ImVec2(x, f.a.y), ImVec2(x, f.b.y), kGrid);
      dl->AddText(ImVec2(x - 0.5f * ts.x, f.b.y + 6.0f), kText, t.label.c_str());
    }
  } else {
    for (std::size_t c = 0; c < e.categories.size(); ++c) {
      const ImVec2 ts = ImGui::CalcTextSize(e.categories[c].c_str());
      dl->AddText(ImVec2(axis_x(static_cast<double>(c)) - 0.5f * ts.x, f.b.y + 6.0f), kText,
                  e.categories[c].c_str());
    }
  }
  // Clipped to the frame, with room for a dot on its edge.
  dl->PushClipRect(ImVec2(f.a.x, f.a.y - 6.0f), ImVec2(f.b.x, f.b.y + 6.0f), true);
  // Bands first: trapezoids between neighbouring points whose intervals are
  // both known, without feathered edges (they would show as seams).
  if (bands) {
    const ImDrawListFlags saved = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (std::size_t k = 0; k < n_lines; ++k) {
      const EffectLine& l = e.lines[k];
      for (std::size_t i = 0; i + 1 < l.x.size(); ++i) {
        if (!finite(l.lo[i]) || !finite(l.hi[i]) || !finite(l.lo[i + 1]) || !finite(l.hi[i + 1])) continue;
        const float xa = fx(l.x[i], k), xb = fx(l.x[i + 1], k);
        const ImVec2 quad[4] = {ImVec2(xa, f.y(l.lo[i])), ImVec2(xa, f.y(l.hi[i])), ImVec2(xb, f.y(l.hi[i + 1])),
                                ImVec2(xb, f.y(l.lo[i + 1]))};
        dl->AddConvexPolyFilled(quad, 4, colour(k, kBandAlpha));
      }
    }
    dl->Flags = saved;
  }
  Nearest near;
  const float dot = e.joined ? 4.5f : 3.5f;
  for (std::size_t k = 0; k < n_lines; ++k) {
    const EffectLine& l = e.lines[k];
    // Lines break where a point has no mean.
    if (e.joined) {
      std::vector<ImVec2> pts;
      const auto flush = [&] {
        if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour(k), 0, 2.0f);
        pts.clear();
      };
      for (std::size_t i = 0; i < l.x.size(); ++i) {
        if (finite(l.mean[i])) pts.push_back(ImVec2(fx(l.x[i], k), f.y(l.mean[i])));
        else flush();
      }
      flush();
    }
    for (std::size_t i = 0; i < l.x.size(); ++i) {
      const float x = fx(l.x[i], k);
      // Error bars where there is no band: listed values, unjoined points, or a
      // point whose neighbours have no interval.
      if (finite(l.lo[i]) && finite(l.hi[i]) && !bands)
        whisker(dl, x, f.y(l.lo[i]), f.y(l.hi[i]), e.joined ? colour(k) : kMuted, 3.0f);
      if (!finite(l.mean[i])) continue;
      dl->AddCircleFilled(ImVec2(x, f.y(l.mean[i])), dot, colour(k));
      near.offer(m, ImVec2(x, f.y(l.mean[i])), 10.0f, l.point[i], [&] {
        return point_text(l.point[i]) + ": " + num(l.mean[i]) + " [" + num(l.lo[i]) + ", " + num(l.hi[i]) + "]" + "\n" +
               assignments_shown(v.data->point_label(l.point[i]));
      });
    }
  }
  dl->PopClipRect();
  if (legend) {
    float y = f.a.y + 4.0f;
    const float x = f.b.x + 16.0f;
    for (std::size_t k = 0; k < std::min(kLegendMax, n_lines); ++k) {
      const float h = ImGui::GetTextLineHeight();
      dl->AddLine(ImVec2(x, y + 0.5f * h), ImVec2(x + 18.0f, y + 0.5f * h), colour(k), 3.0f);
      dl->PushClipRect(ImVec2(x, y), ImVec2(p1.x, y + h + 2.0f), true);
      dl->AddText(ImVec2(x + 24.0f, y), kText, assignments_shown(e.lines[k].label).c_str());
      dl->PopClipRect();
      y += h + 6.0f;
    }
    if (n_lines > kLegendMax)
      dl->AddText(ImVec2(x, y), kText, formatted(txt::n_more, n_lines - kLegendMax).c_str());
  }
  near.finish(v, m);
}

}  // namespace

void draw_sweep_panel(SweepView& v) {
  const auto& outcomes = v.data->outcomes();
  if (v.outcome.empty() && !outcomes.empty()) v.outcome = outcomes.front();
  const char* plots[4] = {tr(txt::plot_ranking), tr(txt::plot_effect), tr(txt::plot_sobol), tr(txt::plot_pareto)};
  int plot = static_cast<int>(v.plot);
  ImGui::SetNextItemWidth(200.0f);
  if (ImGui::Combo("##plot", &plot, plots, 4)) v.plot = static_cast<SweepPlot>(plot);
  if (v.plot != SweepPlot::pareto) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(320.0f);
    if (ImGui::BeginCombo("##outcome", sweep_outcome_name(v.outcome).c_str())) {
      for (const auto& o : outcomes)
        if (ImGui::Selectable((sweep_outcome_name(o) + "##" + o).c_str(), o == v.outcome)) v.outcome = o;
      ImGui::EndCombo();
    }
  }
  const auto& factors = v.data->factors();
  if (v.plot == SweepPlot::effect && !factors.empty()) {
    if (std::find(factors.begin(), factors.end(), v.factor) == factors.end()) v.factor = factors.front();
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(txt::against));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(320.0f);
    if (ImGui::BeginCombo("##factor", factor_name(v.factor).c_str())) {
      for (const auto& f : factors)
        if (ImGui::Selectable((factor_name(f) + "##" + f).c_str(), f == v.factor)) v.factor = f;
      ImGui::EndCombo();
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s  %s", v.data->dir().c_str(), v.can_open ? tr(txt::click_to_open) : "");
  if (!v.message.empty()) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.4f, 1.0f), "%s", v.message.c_str());
  const ImVec2 p0 = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const ImVec2 p1(p0.x + avail.x, p0.y + avail.y);
  // The plot area is one invisible button: hover and clicks there are the
  // plot's, not the window's.
  ImGui::InvisibleButton("##sweep_plot", ImVec2(std::max(1.0f, avail.x), std::max(1.0f, avail.y)));
  Pointer m;
  m.hovered = ImGui::IsItemHovered();
  m.clicked = m.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  m.pos = ImGui::GetIO().MousePos;
  m.can_open = v.can_open;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (v.plot == SweepPlot::ranking) draw_ranking(v, dl, p0, p1, m);
  else if (v.plot == SweepPlot::effect) draw_effect(v, dl, p0, p1, m);
  else if (v.plot == SweepPlot::sobol) draw_sobol(v, dl, p0, p1);
  else draw_pareto(v, dl, p0, p1, m);
}

void draw_sweep_tab(ViewerState& s) {
  SweepView& v = *s.sweep;
  v.can_open = true;
  draw_sweep_panel(v);
  if (v.picked < 0) return;
  const int point = v.picked;
  v.picked = -1;
  PointRuns runs;
  try {
    runs = runs_of_point(v.data->dir(), read_manifest(v.data->dir()), point);
  } catch (const std::exception& e) {
    v.message = formatted(txt::cannot_open_point, point, e.what());
    return;
  }
  v.message = runs.message;
  std::size_t shown = 0;
  for (const auto& file : runs.files) {
    std::error_code ec;
    bool open = false;
    for (const auto& r : s.runs) open = open || std::filesystem::equivalent(r->path(), file, ec);
    if (!open) {
      try {
        s.add_run(std::make_unique<RunData>(file));
      } catch (const std::exception& e) {
        v.message += (v.message.empty() ? "" : " ") + std::string(tr(txt::open_failed)) + " " + file + ": " + e.what();
        continue;
      }
    }
    ++shown;
  }
  if (shown == 0) return;
  s.message = formatted(txt::point_runs_open, point, assignments_shown(v.data->point_label(point)).c_str(), shown);
  s.panel = Panel::charts;
  s.panel_changed = true;
}

int load_sweep_view(const Options& opt, SweepView& v) {
  if (opt.sweep.empty()) {
    std::fprintf(stderr, "zhili-view: --panel sweep needs --sweep DIR (a folder `zhili analyze` has analysed)\n");
    return kExitUsage;
  }
  try {
    v.data = std::make_shared<SweepAnalysis>(opt.sweep);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili-view: cannot read the analysis of %s: %s\n", opt.sweep.c_str(), e.what());
    return kExitFile;
  }
  v.plot = opt.plot == "sobol"    ? SweepPlot::sobol
           : opt.plot == "pareto" ? SweepPlot::pareto
           : opt.plot == "effect" ? SweepPlot::effect
                                  : SweepPlot::ranking;
  if (!opt.outcome.empty()) {
    v.outcome = v.data->find_outcome(opt.outcome);
    if (v.outcome.empty()) {
      std::fprintf(stderr, "zhili-view: --outcome %s: not an outcome of %s/analysis/points.csv\n", opt.outcome.c_str(),
                   opt.sweep.c_str());
      return kExitUsage;
    }
  }
  if (!opt.factor.empty()) {
    const auto& factors = v.data->factors();
    if (std::find(factors.begin(), factors.end(), opt.factor) == factors.end()) {
      std::string all;
      for (const auto& f : factors) all += (all.empty() ? "" : ", ") + f;
      std::fprintf(stderr, "zhili-view: --factor %s: not a factor of %s/analysis/points.csv (factors: %s)\n",
                   opt.factor.c_str(), opt.sweep.c_str(), all.empty() ? "none" : all.c_str());
      return kExitUsage;
    }
    v.factor = opt.factor;
  }
  return kExitOk;
}

int run_sweep_view(const Options& opt) {
  SweepView v;
  if (const int code = load_sweep_view(opt, v); code != kExitOk) return code;
  std::unique_ptr<Platform> platform;
  try {
    platform = std::make_unique<Platform>(opt.width, opt.height, false, "zhili-view: sweep");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili-view: %s\n", e.what());
    return kExitDisplay;
  }
  if (opt.hover_x >= 0.0f) platform->set_pointer(opt.hover_x, opt.hover_y);
  (void)load_fonts(17.0f, opt.font.empty() ? kCjkFontPath : opt.font);
  const auto frame = [&] {
    platform->begin_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("zhili-view sweep", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                  ImGuiWindowFlags_NoSavedSettings);
    draw_sweep_panel(v);
    ImGui::End();
  };
  // As take_screenshot (headless.cpp): a few frames for the layout to settle.
  for (int i = 0; i < 4; ++i) {
    frame();
    if (i < 3) platform->end_frame();
  }
  platform->render();
  try {
    write_png(opt.screenshot, platform->read_pixels());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili-view: %s\n", e.what());
    return kExitFile;
  }
  std::printf("Screenshot: %s\n", opt.screenshot.c_str());
  return kExitOk;
}

}  // namespace zhili::view
