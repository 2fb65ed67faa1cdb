#include "app/sweep_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/fonts.hpp"
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

ImU32 colour(std::size_t i) { return pack(category_colour(i)); }

bool finite(double v) { return std::isfinite(v); }

// A plot frame in the rectangle [p0, p1] with value ticks on the y axis over
// [lo, hi] (extended to nice values), and a label under the x axis. Returns
// the inner rectangle; `to_y` maps a value to a pixel row.
struct Frame {
  ImVec2 a, b;  // inner plot area
  double lo = 0, hi = 1;
  float y(double v) const { return b.y - static_cast<float>((v - lo) / (hi - lo)) * (b.y - a.y); }
};

Frame draw_frame(ImDrawList* dl, ImVec2 p0, ImVec2 p1, double lo, double hi, const std::string& y_title,
                 const std::string& x_title) {
  Frame f;
  if (!(lo < hi)) {
    lo -= 0.5;
    hi += 0.5;
  }
  nice_bounds(lo, hi, 8);
  f.lo = lo;
  f.hi = hi;
  f.a = ImVec2(p0.x + 80.0f, p0.y + 30.0f);
  f.b = ImVec2(p1.x - 20.0f, p1.y - 60.0f);
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
void draw_ranking(const SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1) {
  const SweepEffects e = v.data->effects(v.outcome);
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < e.mean.size(); ++i)
    for (double x : {e.mean[i], e.lo[i], e.hi[i]})
      if (finite(x)) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
  if (!finite(lo)) return;
  const Frame f = draw_frame(dl, p0, p1, lo, hi, v.outcome + "  (mean, 95 % interval over replicates)",
                             "design points, highest first (" + std::to_string(e.mean.size()) + ")");
  const float w = (f.b.x - f.a.x) / static_cast<float>(std::max<std::size_t>(1, e.mean.size()));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t i = 0; i < e.mean.size(); ++i) {
    const float x = f.a.x + (static_cast<float>(i) + 0.5f) * w;
    if (finite(e.lo[i]) && finite(e.hi[i])) whisker(dl, x, f.y(e.lo[i]), f.y(e.hi[i]), kMuted, std::min(4.0f, w * 0.3f));
    if (finite(e.mean[i])) dl->AddCircleFilled(ImVec2(x, f.y(e.mean[i])), std::clamp(w * 0.3f, 2.0f, 5.0f), colour(0));
    if (std::fabs(mouse.x - x) <= 0.5f * w && mouse.y >= f.a.y && mouse.y <= f.b.y)
      ImGui::SetTooltip("point %d: %.4g [%.4g, %.4g]\n%s", e.point[i], e.mean[i], e.lo[i], e.hi[i], e.label[i].c_str());
  }
}

// Per factor, S1 and ST side by side with their bootstrap intervals.
void draw_sobol(const SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1) {
  const SweepSobol s = v.data->sobol(v.outcome);
  if (s.factors.empty()) {
    ImGui::TextUnformatted("No Sobol' indices for this outcome (a Saltelli design is needed).");
    return;
  }
  double lo = 0.0, hi = 1.0;
  for (std::size_t i = 0; i < s.factors.size(); ++i)
    for (double x : {s.s1_lo[i], s.s1_hi[i], s.st_lo[i], s.st_hi[i]})
      if (finite(x)) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
  const Frame f = draw_frame(dl, p0, p1, lo, hi, "Sobol' indices of " + v.outcome + "  (95 % bootstrap intervals)", "");
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
    const ImVec2 ts = ImGui::CalcTextSize(s.factors[i].c_str());
    dl->AddText(ImVec2(cx - 0.5f * ts.x, f.b.y + 6.0f), kText, s.factors[i].c_str());
  }
  // Legend, top right.
  const char* names[2] = {"S1 first order", "ST total"};
  float x = f.b.x - 330.0f;
  for (int k = 0; k < 2; ++k) {
    dl->AddRectFilled(ImVec2(x, f.a.y + 10.0f), ImVec2(x + 14.0f, f.a.y + 24.0f), colour(static_cast<std::size_t>(k)));
    dl->AddText(ImVec2(x + 20.0f, f.a.y + 8.0f), kText, names[k]);
    x += 160.0f;
  }
}

// Every point as a dot; the front's points highlighted and joined.
void draw_pareto(const SweepView& v, ImDrawList* dl, ImVec2 p0, ImVec2 p1) {
  const SweepPareto& p = v.data->pareto();
  if (p.point.empty()) {
    ImGui::TextUnformatted("No Pareto front (pareto.csv): it needs two of cost, coverage and conflict.");
    return;
  }
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
  for (std::size_t i = 0; i < p.x.size(); ++i)
    if (finite(p.x[i]) && finite(p.y[i])) {
      xlo = std::min(xlo, p.x[i]);
      xhi = std::max(xhi, p.x[i]);
      ylo = std::min(ylo, p.y[i]);
      yhi = std::max(yhi, p.y[i]);
    }
  if (!finite(xlo)) return;
  const Frame f = draw_frame(dl, p0, p1, ylo, yhi, p.y_name, p.x_name);
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
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    if (!finite(p.x[i]) || !finite(p.y[i])) continue;
    if (p.front[i]) front.push_back({p.x[i], p.y[i]});
    else dl->AddCircleFilled(ImVec2(fx(p.x[i]), f.y(p.y[i])), 3.5f, kMuted);
  }
  std::sort(front.begin(), front.end());
  for (std::size_t i = 1; i < front.size(); ++i)
    dl->AddLine(ImVec2(fx(front[i - 1].first), f.y(front[i - 1].second)),
                ImVec2(fx(front[i].first), f.y(front[i].second)), colour(1), 2.0f);
  for (const auto& [x, y] : front) dl->AddCircleFilled(ImVec2(fx(x), f.y(y)), 5.5f, colour(1));
}

}  // namespace

void draw_sweep_panel(SweepView& v) {
  const auto& outcomes = v.data->outcomes();
  if (v.outcome.empty() && !outcomes.empty()) v.outcome = outcomes.front();
  const char* plots[3] = {"Ranking", "Sobol' indices", "Pareto front"};
  int plot = static_cast<int>(v.plot);
  ImGui::SetNextItemWidth(200.0f);
  if (ImGui::Combo("##plot", &plot, plots, 3)) v.plot = static_cast<SweepPlot>(plot);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(360.0f);
  if (ImGui::BeginCombo("##outcome", v.outcome.c_str())) {
    for (const auto& o : outcomes)
      if (ImGui::Selectable(o.c_str(), o == v.outcome)) v.outcome = o;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", v.data->dir().c_str());
  const ImVec2 p0 = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const ImVec2 p1(p0.x + avail.x, p0.y + avail.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (v.plot == SweepPlot::ranking) draw_ranking(v, dl, p0, p1);
  else if (v.plot == SweepPlot::sobol) draw_sobol(v, dl, p0, p1);
  else draw_pareto(v, dl, p0, p1);
}

int run_sweep_view(const Options& opt) {
  if (opt.sweep.empty()) {
    std::fprintf(stderr, "zhili-view: --panel sweep needs --sweep DIR (a folder `zhili analyze` has analysed)\n");
    return kExitUsage;
  }
  std::unique_ptr<SweepAnalysis> data;
  try {
    data = std::make_unique<SweepAnalysis>(opt.sweep);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili-view: cannot read the analysis of %s: %s\n", opt.sweep.c_str(), e.what());
    return kExitFile;
  }
  SweepView v;
  v.data = data.get();
  v.plot = opt.plot == "sobol" ? SweepPlot::sobol : opt.plot == "pareto" ? SweepPlot::pareto : SweepPlot::ranking;
  if (!opt.outcome.empty()) {
    v.outcome = data->find_outcome(opt.outcome);
    if (v.outcome.empty()) {
      std::fprintf(stderr, "zhili-view: --outcome %s: not an outcome of %s/analysis/points.csv\n", opt.outcome.c_str(),
                   opt.sweep.c_str());
      return kExitUsage;
    }
  }
  const bool headless = !opt.screenshot.empty();
  std::unique_ptr<Platform> platform;
  try {
    platform = std::make_unique<Platform>(opt.width, opt.height, !headless, "zhili-view: sweep");
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
  if (!headless) {
    while (!platform->should_close()) {
      platform->wait_events(0.25);
      frame();
      platform->end_frame();
    }
    return kExitOk;
  }
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
