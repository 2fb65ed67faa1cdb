// Timeline bar: every panel shows the instant chosen here. The slider moves
// through the common timeline of all open runs and shows calendar dates.
#include <imgui.h>

#include <algorithm>

#include <cmath>

#include "app/i18n.hpp"
#include "app/panels.hpp"
#include "data/decimal_year.hpp"

namespace zhili::view {

void advance_playback(ViewerState& s, double dt) {
  if (!s.playing || s.timeline.empty()) return;
  s.play_clock += dt * s.speed;
  while (s.play_clock >= 1.0) {
    s.play_clock -= 1.0;
    if (s.time_index + 1 >= s.timeline.size()) {
      s.playing = false;  // stop at the end rather than loop: the last frame is the outcome
      s.play_clock = 0.0;
      break;
    }
    ++s.time_index;
  }
}

void draw_timeline_bar(ViewerState& s) {
  if (s.timeline.empty()) return;
  const int last = static_cast<int>(s.timeline.size()) - 1;
  int index = static_cast<int>(s.time_index);
  if (ImGui::Button("|<")) index = 0;
  ImGui::SameLine();
  if (ImGui::Button("<")) index = std::max(0, index - 1);
  ImGui::SameLine();
  if (ImGui::Button(label(s.playing ? txt::pause : txt::play, "play").c_str(), ImVec2(80.0f, 0.0f))) {
    if (!s.playing && index == last) index = 0;  // play again from the start
    s.playing = !s.playing;
    s.play_clock = 0.0;
  }
  ImGui::SameLine();
  if (ImGui::Button(">")) index = std::min(last, index + 1);
  ImGui::SameLine();
  if (ImGui::Button(">|")) index = last;
  ImGui::SameLine(0.0f, 16.0f);
  ImGui::SetNextItemWidth(150.0f);
  ImGui::SliderFloat(label(txt::speed, "speed").c_str(), &s.speed, 1.0f, 120.0f, tr(txt::steps_per_second),
                     ImGuiSliderFlags_Logarithmic);
  ImGui::SameLine(0.0f, 16.0f);
  const std::string date = date_label(s.timeline.time(static_cast<std::size_t>(index)));
  const float track_w = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr(txt::time)).x - 12.0f;
  ImGui::SetNextItemWidth(track_w);
  // The slider's text is the date, not the index (no '%' in a date, so it is a safe format).
  ImGui::SliderInt(label(txt::time, "time").c_str(), &index, 0, last, date.c_str(), ImGuiSliderFlags_AlwaysClamp);
  // The runs' policy events and renewal stages as ticks along the slider's
  // track, at the instant each falls in (the slider is linear in instants,
  // not in time). The grab's centre runs from half a grab in from each end;
  // ImGui sizes an integer slider's grab to one instant, at least GrabMinSize.
  const ImVec2 r0 = ImGui::GetItemRectMin();
  const float grab = std::max((track_w - 4.0f) / static_cast<float>(last + 1), ImGui::GetStyle().GrabMinSize);
  const float h = ImGui::GetItemRectSize().y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (last > 0)
    for (const ChartMark& m : s.marks) {
      if (m.t < s.timeline.time(0)) continue;
      const float f = static_cast<float>(s.timeline.index_at(m.t)) / static_cast<float>(last);
      const float px = r0.x + grab / 2 + 2.0f + f * (track_w - grab - 4.0f);
      const Rgba c = m.colour;
      dl->AddTriangleFilled(ImVec2(px - 4, r0.y), ImVec2(px + 4, r0.y), ImVec2(px, r0.y + 6), pack(Rgba{c.r, c.g, c.b, 230}));
      dl->AddLine(ImVec2(px, r0.y), ImVec2(px, r0.y + h), pack(Rgba{c.r, c.g, c.b, 120}), 1.0f);
    }
  s.time_index = static_cast<std::size_t>(std::clamp(index, 0, last));
}

}  // namespace zhili::view
