// Runs panel: the run browser. Lists the result files of a folder with their
// scenario, dates, seed and status (viz/data/catalogue), and opens them.
// Scanning opens every file, so it happens on request, not every frame.
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "app/i18n.hpp"
#include "app/names_shown.hpp"
#include "app/panels.hpp"

namespace zhili::view {

namespace {

const Text& status_text(RunStatus s) {
  switch (s) {
    case RunStatus::running: return txt::status_running;
    case RunStatus::finished: return txt::status_finished;
    case RunStatus::interrupted: return txt::status_interrupted;
    case RunStatus::failed: return txt::status_failed;
  }
  return txt::status_failed;
}
bool is_open(const ViewerState& s, const std::string& path) {
  std::error_code ec;
  for (const auto& r : s.runs)
    if (std::filesystem::equivalent(r->path(), path, ec)) return true;
  return false;
}
}  // namespace

void scan_browser_folder(ViewerState& s) {
  s.browser_scanned = true;
  try {
    s.browser_entries = scan_folder(s.browser_folder);
    s.browser_error.clear();
  } catch (const std::exception& e) {
    s.browser_entries.clear();
    s.browser_error = e.what();
  }
}

void draw_browser_panel(ViewerState& s) {
  if (s.browser_folder.empty()) {
    // Start where the first run lives, else in the working directory.
    s.browser_folder = s.runs.empty() ? std::filesystem::current_path().string()
                                      : std::filesystem::absolute(s.runs.front()->path()).parent_path().string();
  }
  char buf[1024];
  std::snprintf(buf, sizeof buf, "%s", s.browser_folder.c_str());
  ImGui::SetNextItemWidth(std::min(700.0f, ImGui::GetContentRegionAvail().x * 0.6f));
  if (ImGui::InputText(label(txt::folder, "folder").c_str(), buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue)) {
    s.browser_folder = buf;
    scan_browser_folder(s);
  }
  ImGui::SameLine();
  if (ImGui::Button(label(txt::scan, "scan").c_str()) || !s.browser_scanned) scan_browser_folder(s);
  if (!s.browser_error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.4f, 1.0f), "%s", s.browser_error.c_str());

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  // Entries every readable run has say nothing about one run against another.
  std::set<std::string> shared;
  bool first = true;
  int readable = 0;
  for (const CatalogueEntry& e : s.browser_entries) {
    if (!e.ok()) continue;
    ++readable;
    std::set<std::string> mine;
    for (const Wording& w : e.policy.entries) mine.insert(w.en);  // one language decides what differs
    for (const std::string& o : e.policy.overrides) mine.insert("--set " + o);
    if (first) shared = std::move(mine);
    else std::erase_if(shared, [&](const std::string& x) { return !mine.count(x); });
    first = false;
  }
  if (!ImGui::BeginTable("##runs", 8, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("");
  ImGui::TableSetupColumn(tr(txt::file));
  ImGui::TableSetupColumn(tr(txt::scenario));
  ImGui::TableSetupColumn(tr(txt::dates));
  ImGui::TableSetupColumn(tr(txt::seed));
  ImGui::TableSetupColumn(tr(txt::steps));
  ImGui::TableSetupColumn(tr(txt::status));
  ImGui::TableSetupColumn(tr(txt::policy_col), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableHeadersRow();
  std::string to_open;
  for (std::size_t i = 0; i < s.browser_entries.size(); ++i) {
    const CatalogueEntry& e = s.browser_entries[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(i));
    if (!e.ok()) ImGui::TextDisabled("-");
    else if (is_open(s, e.path)) ImGui::TextDisabled("%s", tr(txt::opened));
    else if (ImGui::SmallButton(label(txt::open, "open").c_str())) to_open = e.path;
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(e.file_name.c_str());
    ImGui::TableNextColumn();
    if (!e.ok()) {
      ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.4f, 1.0f), "%s", e.error.c_str());
      continue;
    }
    ImGui::TextUnformatted(e.scenario_name.c_str());
    if (!e.policy.description.empty()) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("%s", e.policy.description.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::TableNextColumn();
    ImGui::Text("%s – %s", e.first_date.c_str(), e.last_date.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%llu", static_cast<unsigned long long>(e.seed));
    ImGui::TableNextColumn();
    ImGui::Text("%lld / %lld", static_cast<long long>(e.steps_done), static_cast<long long>(e.steps_planned));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(status_text(e.status)));
    ImGui::TableNextColumn();
    const ImVec4 kDiffers(0.47f, 0.75f, 1.0f, 1.0f);
    const auto show = [&](const std::string& key, const std::string& x) {
      if (shared.count(key) && readable > 1) ImGui::TextDisabled("%s", x.c_str());
      else ImGui::TextColored(kDiffers, "%s", x.c_str());
    };
    for (const std::string& o : e.policy.overrides) show("--set " + o, "--set " + o);
    for (const Wording& x : e.policy.entries) show(x.en, x.in(language() == Lang::zh));
  }
  ImGui::EndTable();
  if (!to_open.empty()) {
    try {
      s.add_run(std::make_unique<RunData>(to_open));
    } catch (const std::exception& ex) {
      s.message = std::string(tr(txt::open_failed)) + " " + to_open + ": " + ex.what();
    }
  }
}

}  // namespace zhili::view
