#include "app/viewer.hpp"

#include <imgui.h>

#include <cfloat>
#include <string>

#include "app/fonts.hpp"
#include "app/i18n.hpp"
#include "app/presentation.hpp"
#include "app/sweep_panel.hpp"
#include "app/time_marks.hpp"
#include "data/decimal_year.hpp"

namespace zhili::view {

namespace {
// GLFW key codes: the 1.86 GLFW backend fills io.KeysDown by them.
constexpr int kKey1 = 49, kKeyF = 70, kKeyL = 76, kKeyP = 80;  // '1' ('2'-'4' follow), 'F', 'L', 'P'
constexpr int kKeyF5 = 294;  // presentation layout, as in slide software
constexpr float kLiveColumnWidth = 450.0f;  // fits "Online share: elderly & disability care" next to its slider
}  // namespace

void Viewer::handle_keys() {
  ViewerState& s = state_;
  if (ImGui::GetIO().WantTextInput) return;
  const Panel keyed[4] = {Panel::map, Panel::charts, Panel::compare, Panel::runs};
  for (int i = 0; i < 4; ++i)
    if (ImGui::IsKeyPressed(kKey1 + i, false)) {
      s.panel = keyed[i];
      s.panel_changed = true;
    }
  if (s.timeline.empty()) return;
  const std::size_t last = s.timeline.size() - 1;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
    if (!s.playing && s.time_index == last) s.time_index = 0;
    s.playing = !s.playing;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) && s.time_index > 0) --s.time_index;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) && s.time_index < last) ++s.time_index;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) s.time_index = 0;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) s.time_index = last;
  if (ImGui::IsKeyPressed(kKeyF, false)) s.map_view.zoom = s.compare_view.zoom = 0.0f;
  if (ImGui::IsKeyPressed(kKeyP, false)) s.save_png_requested = true;
  if (ImGui::IsKeyPressed(kKeyL, false)) set_language(language() == Lang::en ? Lang::zh : Lang::en);
  if (ImGui::IsKeyPressed(kKeyF5, false)) toggle_presentation(s);
}

namespace {
// The instant's date, large, in the panel's top-left corner: an animation
// frame says when it is without the timeline bar.
void burn_date(const ViewerState& s) {
  const std::string date = date_label(s.now());
  ImFont* font = ImGui::GetFont();
  const float size = 40.0f;
  const ImVec2 at(s.panel_rect[0] + 16.0f, s.panel_rect[1] + 40.0f);
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, date.c_str());
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(at.x - 8, at.y - 4), ImVec2(at.x + extent.x + 8, at.y + extent.y + 4), IM_COL32(15, 15, 20, 215), 6.0f);
  dl->AddText(font, size, at, IM_COL32(255, 255, 255, 255), date.c_str());
}
}  // namespace

void Viewer::header() {
  ViewerState& s = state_;
  ImGui::TextUnformatted("zhili-view");
  // Runs with their colours, as the charts draw them when several are open.
  for (std::size_t i = 0; i < s.runs.size(); ++i) {
    ImGui::SameLine(0.0f, 18.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(pack(category_colour(i))), "■");
    ImGui::SameLine(0.0f, 4.0f);
    const auto& dates = s.runs[i]->dates();
    ImGui::Text("%s", s.labels[i].c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\n%s – %s, seed %llu", s.runs[i]->path().c_str(), dates.empty() ? "" : dates.front().c_str(),
                        dates.empty() ? "" : dates.back().c_str(),
                        static_cast<unsigned long long>(s.runs[i]->metadata().seed));
  }
  const char* lang = tr(txt::switch_language);
  const char* png = tr(txt::save_png);
  const char* panel_png = tr(txt::save_panel);
  const char* animation = tr(txt::save_animation);
  const char* present = tr(s.present ? txt::present_off : txt::present);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(lang).x - ImGui::CalcTextSize(png).x -
                  ImGui::CalcTextSize(panel_png).x - ImGui::CalcTextSize(animation).x -
                  ImGui::CalcTextSize(present).x - 92.0f);
  if (ImGui::SmallButton(label(s.present ? txt::present_off : txt::present, "present").c_str())) toggle_presentation(s);
  ImGui::SameLine();
  // The panel from the instant shown to the end, one frame an instant (app/animation.hpp).
  if (ImGui::SmallButton(label(txt::save_animation, "animation").c_str())) s.animation_requested = true;
  ImGui::SameLine();
  if (ImGui::SmallButton(label(txt::save_panel, "panel_png").c_str())) s.save_panel_requested = true;
  ImGui::SameLine();
  if (ImGui::SmallButton(label(txt::save_png, "png").c_str())) s.save_png_requested = true;
  ImGui::SameLine();
  if (ImGui::SmallButton(label(txt::switch_language, "lang").c_str()))
    set_language(language() == Lang::en ? Lang::zh : Lang::en);
}

void Viewer::frame(double dt) {
  ViewerState& s = state_;
  update_live(s);
  handle_keys();
  advance_playback(s, dt);
  s.marks = time_marks(s);  // for every chart and the timeline, once
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("zhili-view", nullptr, flags);
  if (s.present) ImGui::PushFont(large_font());  // the whole window in projector type
  header();
  if (s.present) draw_presentation_header(s);

  const float bottom = 2.0f * ImGui::GetFrameHeightWithSpacing() + 4.0f;
  if (s.live) {
    // Live mode: the run's controls in a column left of the panels, so the
    // map or chart stays in view while a lever moves.
    ImGui::BeginChild("##live", ImVec2(kLiveColumnWidth, -bottom), true);
    draw_live_controls(s);
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginGroup();
  if (ImGui::BeginTabBar("##panels")) {
    const Panel panels[5] = {Panel::map, Panel::charts, Panel::compare, Panel::runs, Panel::sweep};
    const Text* names[5] = {&txt::map, &txt::charts, &txt::compare, &txt::runs_tab, &txt::sweep_tab};
    const char* ids[5] = {"tab_map", "tab_charts", "tab_compare", "tab_runs", "tab_sweep"};
    // A panel may ask for another while drawn (the Sweep tab opens runs in
    // the charts): that request is for the next frame.
    const bool select = s.panel_changed;
    s.panel_changed = false;
    for (int i = 0; i < (s.sweep ? 5 : 4); ++i) {
      const ImGuiTabItemFlags f = select && s.panel == panels[i] ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(label(*names[i], ids[i]).c_str(), nullptr, f)) {
        if (!select && !s.panel_changed) s.panel = panels[i];
        ImGui::BeginChild("##panel", ImVec2(0.0f, -bottom));
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        s.panel_rect[0] = pos.x;
        s.panel_rect[1] = pos.y;
        s.panel_rect[2] = size.x;
        s.panel_rect[3] = size.y;
        if (panels[i] == Panel::map) draw_map_panel(s, layers_);
        else if (panels[i] == Panel::charts) draw_chart_panel(s, layers_);
        else if (panels[i] == Panel::compare) draw_compare_panel(s, layers_);
        else if (panels[i] == Panel::runs) draw_browser_panel(s);
        else draw_sweep_tab(s);
        if (s.burn_date && !s.timeline.empty()) burn_date(s);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::EndGroup();
  ImGui::Separator();
  draw_timeline_bar(s);
  if (!s.message.empty()) ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.5f, 1.0f), "%s", s.message.c_str());
  else if (!s.cjk_font && language() == Lang::zh) ImGui::TextUnformatted(txt::font_missing.en);
  if (s.present) ImGui::PopFont();
  ImGui::End();
}

}  // namespace zhili::view
