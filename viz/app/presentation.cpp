#include "app/presentation.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/fonts.hpp"
#include "app/i18n.hpp"
#include "app/meaning_colour.hpp"
#include "app/names_shown.hpp"
#include "data/decimal_year.hpp"
#include "data/headline.hpp"
#include "data/outline.hpp"
#include "data/policy_events.hpp"

namespace zhili::view {

namespace {

constexpr ImU32 kCard = IM_COL32(34, 36, 44, 255);
constexpr ImU32 kMuted = IM_COL32(175, 178, 190, 255);
constexpr ImU32 kValue = IM_COL32(250, 250, 252, 255);

// What a figure is called on its card: the catalogue's name of the column,
// or the presentation's own for the three the file has no single name for.
std::string figure_name(const HeadlineSpec& spec) {
  const std::string_view o = spec.observable, l = spec.label;
  if (o == "coverage_by_group" && l == "migrant") return tr(txt::migrants_coverage);
  if (o == "coverage_by_group" && l == "registered") return tr(txt::registered_coverage);
  if (o == "trips_per_case") return tr(txt::trips_headline);
  if (o == "complaints_rate") return tr(txt::complaints_headline);
  if (o == "conflict_rate") return tr(txt::incidents_headline);
  if (o == "urban_employment_rate") return tr(txt::urban_unemployment);
  if (o == "urban_share") return tr(txt::urban_share_headline);
  return outcome_name(spec.observable, spec.label);
}

// Decimals a card gives a value: shares to 0.1 percentage point, other
// values to three significant figures (whole numbers from 100). Its change
// gets the same, so "1.75" changes by "-0.01", not by "-0.00457".
int figure_decimals(double v, const std::string& unit) {
  if (unit == "1") return 1;
  const double a = std::fabs(v);
  if (!(a > 0) || a >= 100) return 0;
  return std::clamp(2 - static_cast<int>(std::floor(std::log10(a))), 0, 6);
}

// A value as a card shows it: "76.2 %", "1.75", "1034"; the unit is in the
// name ("per 10,000 a year").
std::string figure_value(double v, const std::string& unit) {
  if (std::isnan(v)) return tr(txt::not_available);
  char buf[64];
  if (unit == "1") std::snprintf(buf, sizeof buf, "%.1f %%", v * 100.0);
  else std::snprintf(buf, sizeof buf, "%.*f", figure_decimals(v, unit), v);
  return buf;
}

// The change at the value's precision; empty when it rounds to nothing there.
std::string figure_change(double d, double value, const std::string& unit) {
  if (std::isnan(d)) return tr(txt::not_available);
  const int decimals = figure_decimals(value, unit);
  const double shown = unit == "1" ? d * 100.0 : d;
  if (std::fabs(shown) < 0.5 * std::pow(10.0, -decimals)) return "";
  char buf[64];
  if (unit == "1") std::snprintf(buf, sizeof buf, tr(txt::pp_format), shown);
  else std::snprintf(buf, sizeof buf, "%+.*f", decimals, shown);
  return buf;
}

// Text in `font`, or in the interface font where `font` lacks a character.
void text_in(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 colour, const std::string& text, float wrap = 0.0f) {
  ImFont* f = font_covers(font, text) ? font : ImGui::GetIO().Fonts->Fonts[0];
  dl->AddText(f, f->FontSize, at, colour, text.c_str(), nullptr, wrap);
}

float text_height(ImFont* font, const std::string& text, float wrap) {
  ImFont* f = font_covers(font, text) ? font : ImGui::GetIO().Fonts->Fonts[0];
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, text.c_str()).y;
}

// The run's description, else its label.
std::string title_of(ViewerState& s, int run) {
  const std::string& d = s.runs[static_cast<std::size_t>(run)]->policy().description;
  return d.empty() ? s.labels[static_cast<std::size_t>(run)] : d;
}

// `text` cut at a word so that it wraps into at most `lines` lines of
// `width` pixels, with "…" where it was cut. A description written for the
// runs panel can be a paragraph; a title must leave room for the map.
std::string clipped(ImFont* font, const std::string& text, float width, int lines) {
  static std::string last_text, last_out;  // one title a frame: remember it
  static float last_width = 0.0f;
  if (text == last_text && width == last_width) return last_out;
  ImFont* f = font_covers(font, text) ? font : ImGui::GetIO().Fonts->Fonts[0];
  const float limit = static_cast<float>(lines) * f->FontSize * 1.05f;
  std::string out = text;
  while (f->CalcTextSizeA(f->FontSize, FLT_MAX, width, out.c_str()).y > limit) {
    const std::size_t end = out.ends_with("…") ? out.size() - 3 : out.size();
    if (end == 0) break;
    // At the last space before the end; Chinese has none, so at the last character.
    std::size_t cut = out.rfind(' ', end - 1);
    if (cut == std::string::npos || cut == 0) {
      cut = end - 1;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 continuation bytes
      if (cut == 0) break;
    }
    out = out.substr(0, cut) + "…";
  }
  last_text = text;
  last_width = width;
  last_out = out;
  return out;
}

}  // namespace

void toggle_presentation(ViewerState& s) {
  s.present = !s.present;
  s.show_zones = s.present;
  if (s.present && !s.runs.empty()) s.map_run = presented_run(s);
}

int presented_run(const ViewerState& s) {
  if (s.runs.size() >= 2) return std::clamp(s.compare_b, 0, static_cast<int>(s.runs.size()) - 1);
  return std::clamp(s.map_run, 0, std::max(0, static_cast<int>(s.runs.size()) - 1));
}

void draw_presentation_header(ViewerState& s) {
  if (s.runs.empty()) return;
  const int shown = presented_run(s);
  const bool against = s.runs.size() >= 2;
  const int other = std::clamp(s.compare_a, 0, static_cast<int>(s.runs.size()) - 1);
  RunData& run = *s.runs[static_cast<std::size_t>(shown)];
  RunData* reference = against && other != shown ? s.runs[static_cast<std::size_t>(other)].get() : nullptr;
  const double t = s.now();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  ImVec2 p = ImGui::GetCursorScreenPos();
  const std::string full_title = s.present_title.empty() ? title_of(s, shown) : s.present_title;
  const std::string title = clipped(title_font(), full_title, width, 2);
  text_in(dl, title_font(), p, kValue, title, p.x + width);
  const float title_h = text_height(title_font(), title, width);
  if (title != full_title && ImGui::IsMouseHoveringRect(p, ImVec2(p.x + width, p.y + title_h)))
    ImGui::SetTooltip("%s", full_title.c_str());
  p.y += title_h + 4.0f;

  // Subtitle: the date, and what the changes are against.
  char buf[512];
  std::string against_what;
  if (reference) {
    std::snprintf(buf, sizeof buf, tr(txt::against_run), s.labels[static_cast<std::size_t>(other)].c_str());
  } else {
    const auto& dates = run.dates();
    std::snprintf(buf, sizeof buf, tr(txt::since_start), dates.empty() ? "" : dates.front().substr(0, 7).c_str());
  }
  against_what = buf;
  const std::string subtitle = date_label(t) + "  ·  " + tr(txt::year_mean) + "  ·  " + against_what;
  text_in(dl, large_font(), p, kMuted, subtitle, p.x + width);
  p.y += text_height(large_font(), subtitle, width) + 10.0f;

  // The cards: name (two lines at most), the value large, the change in its meaning's colour.
  const std::vector<HeadlineFigure> figures = headline_figures(run, reference, t);
  if (!figures.empty()) {
    const float gap = 12.0f;
    const auto n = static_cast<float>(figures.size());
    const float card_w = std::min(320.0f, (width - gap * (n - 1.0f)) / n);  // a few cards stay card-sized
    const float pad = 10.0f;
    const float name_h = 2.0f * large_font()->FontSize * 0.8f + 10.0f;
    const float card_h = pad + name_h + title_font()->FontSize + 4.0f + large_font()->FontSize * 0.8f + pad;
    for (std::size_t i = 0; i < figures.size(); ++i) {
      const HeadlineFigure& f = figures[i];
      const ImVec2 a(p.x + static_cast<float>(i) * (card_w + gap), p.y);
      const ImVec2 b(a.x + card_w, a.y + card_h);
      dl->AddRectFilled(a, b, kCard, 8.0f);
      // Names in the interface font scaled up a little: they are long, and
      // two lines of them must fit a card a seventh of the window wide.
      ImFont* name_font = large_font();
      const float name_size = name_font->FontSize * 0.8f;
      const std::string name = figure_name(*f.spec);
      ImFont* nf = font_covers(name_font, name) ? name_font : ImGui::GetIO().Fonts->Fonts[0];
      dl->PushClipRect(a, ImVec2(b.x, a.y + pad + name_h), true);
      dl->AddText(nf, name_size, ImVec2(a.x + pad, a.y + pad), kMuted, name.c_str(), nullptr, card_w - 2.0f * pad);
      dl->PopClipRect();
      const std::string value = figure_value(f.row.b, f.row.unit);
      text_in(dl, title_font(), ImVec2(a.x + pad, a.y + pad + name_h), kValue, value);
      std::string change = figure_change(f.row.difference(), f.row.b, f.row.unit);
      const Meaning m = change.empty() ? Meaning::no_change : meaning_of(f.row);  // "+0.0" is no news
      const ImU32 colour = ImGui::ColorConvertFloat4ToU32(meaning_colour(m));
      if (change.empty()) change = tr(txt::unchanged);
      dl->AddText(nf, name_size, ImVec2(a.x + pad, a.y + pad + name_h + title_font()->FontSize + 4.0f), colour,
                  change.c_str());
    }
    p.y += card_h + 8.0f;
  }
  ImGui::Dummy(ImVec2(width, p.y - ImGui::GetCursorScreenPos().y));
}

void draw_zone_outlines(RunData& run, const CellHover& where) {
  if (where.zoom <= 0.0f || !run.find_map("zone") || run.map_times("zone").empty()) return;
  const std::vector<float>& zones = run.map_snapshot("zone", 0);  // zones do not move
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(where.p0, where.p1, true);
  const float thick = std::clamp(where.zoom * 0.15f, 1.0f, 2.5f);
  for (const Segment& g : value_boundaries(zones, run.map_width(), run.map_height()))
    dl->AddLine(ImVec2(where.ox + g.x0 * where.zoom, where.oy + g.y0 * where.zoom),
                ImVec2(where.ox + g.x1 * where.zoom, where.oy + g.y1 * where.zoom), IM_COL32(255, 255, 255, 170), thick);
  dl->PopClipRect();
}

}  // namespace zhili::view
