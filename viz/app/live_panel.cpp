// Live mode's column (zhili-view --live): the run's progress, pause/resume,
// save, stop, a speed cap, a slider per policy lever and, with public
// services, each outlet's open state and windows. The run itself is a
// LiveRun (live/live_run.hpp) on its own thread; this only reads its state and
// calls its controls, and opens its file as a run once it has a step.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "app/i18n.hpp"
#include "app/names_shown.hpp"
#include "app/panels.hpp"
#include "data/decimal_year.hpp"

namespace zhili::view {

namespace {

// The heading of a group of levers (the part of the key before the dot).
const Text& lever_group(std::string_view group) {
  static constexpr Text kHukou{"Household registration (hukou.*)", "户籍制度"};
  static constexpr Text kServices{"Public services (services.*)", "公共服务"};
  static constexpr Text kGrievance{"Complaint channels (grievance.*)", "诉求表达渠道"};
  static constexpr Text kDisputes{"Dispute resolution (disputes.*)", "矛盾纠纷化解"};
  static constexpr Text kConflict{"Social stability (conflict.*)", "社会稳定"};
  static constexpr Text kInsurance{"Social insurance (insurance.*)", "社会保险"};
  static constexpr Text kOther{"Other levers", "其他政策杠杆"};
  return group == "hukou"       ? kHukou
         : group == "services"  ? kServices
         : group == "grievance" ? kGrievance
         : group == "disputes"  ? kDisputes
         : group == "conflict"  ? kConflict
         : group == "insurance" ? kInsurance
                                : kOther;
}

double seconds_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Slider precision by range: shares to 0.01, points and budgets whole.
const char* lever_format(const LeverInfo& l) { return l.max - l.min <= 1.0 ? "%.2f" : "%.0f"; }

// The value as the slider shows it, as a double: 0.3 rather than the float
// 0.30000001, so the file records the number the user saw.
double shown_value(float v, const char* format) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, static_cast<double>(v));
  return std::strtod(buf, nullptr);
}

void lever_slider(ViewerState& s, LiveRun& live, const LeverValues& next, std::size_t i) {
  const LeverInfo& l = kLeverTable[i];
  if (s.live_active_lever != static_cast<int>(i)) s.live_lever_edit[i] = static_cast<float>(next[i]);
  // The readable name (the group heads the list); the key in the tooltip.
  const std::string id = name_of(NameKind::lever, l.path) + "##lever" + std::to_string(i);
  ImGui::SetNextItemWidth(130.0f);
  // The purchase budget spans ten orders of magnitude.
  const ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (l.max > 1e6 ? ImGuiSliderFlags_Logarithmic : 0);
  ImGui::SliderFloat(id.c_str(), &s.live_lever_edit[i], static_cast<float>(l.min), static_cast<float>(l.max),
                     lever_format(l), flags);
  if (ImGui::IsItemActive()) s.live_active_lever = static_cast<int>(i);
  else if (s.live_active_lever == static_cast<int>(i)) s.live_active_lever = -1;
  if (ImGui::IsItemDeactivatedAfterEdit())
    live.set_lever(l.id, shown_value(s.live_lever_edit[i], lever_format(l)));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s\n%s [%g, %g] %s\n\n%s", std::string(l.path).c_str(), tr(txt::range), l.min, l.max,
                      unit_shown(l.unit).c_str(),
                      description_of(NameKind::lever, l.path, std::string(l.description)).c_str());
}

// One row per outlet: open or closed, listed windows, name. A tick or a
// +/- click (or Enter after typing) sets the outlet from the next step on.
void outlet_controls(LiveRun& live) {
  const std::vector<OutletState> outlets = live.outlets_next();
  if (outlets.empty()) return;  // no public services in this scenario
  ImGui::Separator();
  ImGui::TextUnformatted(tr(txt::outlet_network));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(txt::outlet_hint));
  ImGui::PopTextWrapPos();
  for (std::size_t o = 0; o < outlets.size(); ++o) {
    const OutletState& outlet = outlets[o];
    const auto index = static_cast<std::int32_t>(o);
    ImGui::PushID(index);
    bool open = outlet.open;
    if (ImGui::Checkbox("##open", &open)) live.set_outlet(index, open, outlet.windows);
    ImGui::SameLine();
    int windows = outlet.windows;
    ImGui::SetNextItemWidth(90.0f);
    if (ImGui::InputInt("##windows", &windows, 1, 5, ImGuiInputTextFlags_EnterReturnsTrue) && windows != outlet.windows)
      live.set_outlet(index, outlet.open, windows);
    ImGui::SameLine();
    if (outlet.open) ImGui::TextUnformatted(outlet.name.c_str());
    else ImGui::TextDisabled("%s (%s)", outlet.name.c_str(), tr(txt::outlet_closed));
    ImGui::PopID();
  }
}

}  // namespace

void update_live(ViewerState& s) {
  if (!s.live) return;
  LiveRun& live = *s.live;
  const std::int64_t steps = live.steps_done();
  if (s.live_index < 0) {
    if (!live.file_ready()) return;
    try {
      s.add_run(std::make_unique<RunData>(live.path(), OpenCheck::none));  // written by this process
      s.live_index = static_cast<int>(s.runs.size()) - 1;
      s.map_run = s.live_index;
      s.time_index = s.timeline.empty() ? 0 : s.timeline.size() - 1;  // follow the end
      s.live_seen_steps = s.runs.back()->rows();
    } catch (const std::exception& e) {
      s.message = std::string(tr(txt::open_failed)) + " " + live.path() + ": " + e.what();
    }
    return;
  }
  // Re-read at most five times a second: a fast run must not spend the
  // viewer's frames re-reading the file.
  const double now = seconds_now();
  const bool behind = steps != s.live_seen_steps;
  const bool final_read = live.ended() && s.runs[static_cast<std::size_t>(s.live_index)]->status() == RunStatus::running;
  if ((behind && now - s.live_refreshed_at >= 0.2) || final_read) {
    s.refresh_run(static_cast<std::size_t>(s.live_index));
    s.live_seen_steps = s.runs[static_cast<std::size_t>(s.live_index)]->rows();
    s.live_refreshed_at = now;
  }
}

void draw_live_controls(ViewerState& s) {
  if (!s.live) return;
  LiveRun& live = *s.live;
  ImGui::TextUnformatted(tr(txt::live_run));
  ImGui::SameLine();
  ImGui::TextUnformatted(live.scenario().run.name.c_str());
  ImGui::TextDisabled("%s", live.path().c_str());

  const std::int64_t done = live.steps_done(), planned = live.steps_planned();
  const std::string error = live.error();
  const Text& state = !error.empty()                                   ? txt::live_failed
                      : live.ended()                                   ? txt::live_ended
                      : done == 0                                      ? txt::live_starting
                      : live.paused() && live.control().waiting()      ? txt::live_paused
                                                                       : txt::live_running;
  ImGui::Text(tr(txt::live_step), static_cast<long long>(done), static_cast<long long>(planned));
  ImGui::SameLine();
  ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.5f, 1.0f), "(%s)", tr(state));
  if (!live.ended()) {
    const Calendar cal(live.scenario().run.start, live.scenario().run.step_unit);
    ImGui::TextDisabled(tr(txt::next_date), format_date(cal.date_of(done)).c_str());
  }
  ImGui::ProgressBar(planned > 0 ? static_cast<float>(done) / static_cast<float>(planned) : 0.0f, ImVec2(-1.0f, 0.0f));
  if (!error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.4f, 1.0f), "%s", error.c_str());

  ImGui::BeginDisabled(live.ended());
  const bool paused = live.paused();
  if (ImGui::Button(label(paused ? txt::resume : txt::pause, "live_pause").c_str(), ImVec2(90.0f, 0.0f))) {
    if (paused) live.control().resume();
    else live.control().pause();
  }
  ImGui::SameLine();
  if (ImGui::Button(label(txt::save, "live_save").c_str())) {
    live.control().request_flush();
    s.message = std::string(tr(txt::saved)) + " " + live.path();
  }
  ImGui::SameLine();
  if (ImGui::Button(label(txt::stop, "live_stop").c_str())) live.control().request_stop();
  if (ImGui::Checkbox(label(txt::cap_speed, "live_cap").c_str(), &s.live_cap))
    live.control().set_max_steps_per_second(s.live_cap ? s.live_rate : 0.0);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##live_rate", &s.live_rate, 0.2f, 100.0f, tr(txt::max_rate), ImGuiSliderFlags_Logarithmic) &&
      s.live_cap)
    live.control().set_max_steps_per_second(s.live_rate);

  ImGui::Separator();
  ImGui::TextUnformatted(tr(txt::levers));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(txt::lever_hint));
  ImGui::PopTextWrapPos();
  const LeverValues next = live.levers_next();
  std::string_view group;
  for (std::size_t i = 0; i < kLeverCount; ++i) {
    const std::string_view path = kLeverTable[i].path;
    const std::string_view g = path.substr(0, path.find('.'));
    if (g != group) {
      group = g;
      ImGui::TextDisabled("%s", tr(lever_group(g)));
    }
    lever_slider(s, live, next, i);
  }
  outlet_controls(live);
  ImGui::EndDisabled();
}

}  // namespace zhili::view
