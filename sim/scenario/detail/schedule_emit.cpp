#include <map>
#include <tuple>

#include "scenario/detail/outlets_yaml.hpp"
#include "scenario/detail/renewal_yaml.hpp"
#include "scenario/detail/schedule_yaml.hpp"

namespace zhili::scenario_detail {

namespace {

// Levers that one file entry changed together: same kind and the same steps.
struct EmittedEntry {
  ScheduleEntry::Kind kind;
  std::int64_t from_step;
  std::int64_t to_step;
  std::string levers;  // "hukou.openness: 0.8, ..."
};

std::string lever_value(const ScheduleEntry& e) {
  if (e.kind == ScheduleEntry::Kind::set) return number_text(e.to_value);
  return pair_text(number_text(e.from_value), number_text(e.to_value));
}

// The outlet changes of one file entry, in the order the reader makes them.
std::string outlet_change(const std::vector<const OutletEvent*>& events, const Calendar& calendar) {
  std::string out = "{at: " + format_date(calendar.date_of(events.front()->step)) +
                    ", outlet: {name: " + quoted_text(events.front()->outlet);
  for (const OutletEvent* e : events) {
    switch (e->kind) {
      case OutletEvent::Kind::open: out += ", open: true"; break;
      case OutletEvent::Kind::close: out += ", close: true"; break;
      case OutletEvent::Kind::set_windows: out += ", windows: " + std::to_string(e->windows); break;
      case OutletEvent::Kind::add_needs: out += ", add_needs: " + need_mask_text(e->needs); break;
    }
  }
  return out + "}}\n";
}

}  // namespace

std::string emit_schedule(const Scenario& s) {
  const Calendar calendar(s.run.start, s.run.step_unit);
  // Grouped by `order` (the entry's position in the file) and written in that
  // order: reading back numbers entries by position, which restores `order`.
  // An entry changes levers or an outlet, never both.
  std::map<int, std::vector<const OutletEvent*>> outlet_changes;
  for (const auto& e : s.services.events) outlet_changes[e.order].push_back(&e);
  std::map<int, std::vector<EmittedEntry>> by_order;
  for (const auto& e : s.schedule) {
    auto& group = by_order[e.order];
    auto same = [&](const EmittedEntry& g) {
      return std::tie(g.kind, g.from_step, g.to_step) == std::tie(e.kind, e.from_step, e.to_step);
    };
    if (group.empty() || !same(group.back())) group.push_back({e.kind, e.from_step, e.to_step, ""});
    auto& g = group.back();
    g.levers += (g.levers.empty() ? "" : ", ") + std::string(lever_info(e.lever).path) + ": " +
                lever_value(e);
  }
  std::map<int, std::string> lines;
  for (const auto& [order, events] : outlet_changes) lines[order] = outlet_change(events, calendar);
  for (const auto& p : s.renewal.projects)
    lines[p.order] = "{at: " + format_date(calendar.date_of(p.notice_step)) + ", renewal: " + renewal_text(p) + "}\n";
  for (const auto& [order, group] : by_order) {
    std::string& out = lines[order];
    for (const auto& g : group) {
      const std::string from = format_date(calendar.date_of(g.from_step));
      if (g.kind == ScheduleEntry::Kind::set) {
        out += "{at: " + from + ", set: {" + g.levers + "}}\n";
      } else {
        out += "{from: " + from + ", to: " + format_date(calendar.date_of(g.to_step)) +
               ", ramp: {" + g.levers + "}}\n";
      }
    }
  }
  std::string out;
  for (const auto& [order, text] : lines) {
    const auto k = static_cast<std::size_t>(order);
    if (k < s.schedule_names.size() && !s.schedule_names[k].empty())
      out += "{name: " + quoted_text(s.schedule_names[k]) + ", " + text.substr(1);
    else
      out += text;
  }
  return out;
}

}  // namespace zhili::scenario_detail
