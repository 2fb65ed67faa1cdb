#include "data/policy_events.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>

#include "data/names.hpp"
#include "scenario/load.hpp"

namespace zhili::view {

namespace {

// The resolved scenario read back; nullopt when there is none or it does
// not load (a file from a version that wrote other keys).
std::optional<Scenario> resolved(const RunMetadata& m) {
  if (m.resolved_scenario.empty()) return std::nullopt;
  try {
    return load_scenario_text(m.resolved_scenario, "resolved scenario", {});
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string month(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

Text outlet_change(OutletEvent::Kind k) {
  switch (k) {
    case OutletEvent::Kind::open: return {"opens", "开放"};
    case OutletEvent::Kind::close: return {"closes", "关闭"};
    case OutletEvent::Kind::set_windows: return {"windows", "窗口数调整为"};
    case OutletEvent::Kind::add_needs: return {"takes more needs", "增加办理事项"};
  }
  return {"", ""};
}

// A lever as the Chinese text names it: its catalogue name, else its key.
std::string lever_zh(std::string_view path) {
  const NameEntry* e = find_name(NameKind::lever, path);
  return e ? e->name.zh : std::string(path);
}

void append(Wording& to, const Wording& change, const char* en_sep, const char* zh_sep) {
  to.en += (to.en.empty() ? "" : en_sep) + change.en;
  to.zh += (to.zh.empty() ? "" : zh_sep) + change.zh;
}

}  // namespace

std::vector<PolicyEvent> policy_events(const RunMetadata& m) {
  std::vector<PolicyEvent> out;
  const auto s = resolved(m);
  if (!s) return out;
  const Calendar cal(s->run.start, s->run.step_unit);
  const auto name_of = [&](int order) {
    const auto k = static_cast<std::size_t>(order);
    return k < s->schedule_names.size() ? s->schedule_names[k] : std::string();
  };
  // One event per file entry and start step: its levers together.
  std::map<std::pair<std::int64_t, int>, PolicyEvent> by_entry;
  for (const ScheduleEntry& e : s->schedule) {
    PolicyEvent& ev = by_entry[{e.from_step, e.order}];
    const std::string_view path = lever_info(e.lever).path;
    Wording change{std::string(path) + " ", lever_zh(path) + " "};
    if (e.kind == ScheduleEntry::Kind::ramp) {
      const std::string by = month(cal.date_of(e.to_step));
      const std::string values = number(e.from_value) + " → " + number(e.to_value);
      change.en += values + " by " + by;
      change.zh += values + "（至 " + by + "）";
    } else {
      change.en += "→ " + number(e.to_value);
      change.zh += "→ " + number(e.to_value);
    }
    append(ev.what, change, ", ", "，");
    ev.step = e.from_step;
    ev.name = name_of(e.order);
  }
  for (const OutletEvent& e : s->services.events) {
    PolicyEvent& ev = by_entry[{e.step, e.order}];
    const Text kind = outlet_change(e.kind);
    Wording change{"outlet " + e.outlet + " " + kind.en, "网点 " + e.outlet + " " + kind.zh};
    if (e.kind == OutletEvent::Kind::set_windows) {
      change.en += " " + std::to_string(e.windows);
      change.zh += " " + std::to_string(e.windows);
    }
    append(ev.what, change, ", ", "，");
    ev.step = e.step;
    ev.name = name_of(e.order);
  }
  for (auto& [key, ev] : by_entry) {
    ev.t = cal.decimal_year_of(ev.step);
    ev.date = month(cal.date_of(ev.step));
    out.push_back(std::move(ev));
  }
  std::stable_sort(out.begin(), out.end(), [](const PolicyEvent& a, const PolicyEvent& b) { return a.step < b.step; });
  return out;
}

RunPolicy run_policy(const RunMetadata& m) {
  RunPolicy p;
  std::istringstream lines(m.overrides);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) p.overrides.push_back(line);
  const auto s = resolved(m);
  if (!s) return p;
  p.description = s->run.description;
  const Calendar cal(s->run.start, s->run.step_unit);
  for (const PolicyEvent& e : policy_events(m)) {
    const Wording text{e.label(false) + " " + e.date, e.label(true) + " " + e.date};
    if (std::find(p.entries.begin(), p.entries.end(), text) == p.entries.end()) p.entries.push_back(text);
  }
  for (const RenewalProject& r : s->renewal.projects) {
    const auto k = static_cast<std::size_t>(r.order);
    const bool named = k < s->schedule_names.size() && !s->schedule_names[k].empty();
    const std::string date = " " + month(cal.date_of(r.notice_step));
    p.entries.push_back(named ? Wording{s->schedule_names[k] + date, s->schedule_names[k] + date}
                              : Wording{"renewal" + date, "改造项目" + date});
  }
  return p;
}

}  // namespace zhili::view
