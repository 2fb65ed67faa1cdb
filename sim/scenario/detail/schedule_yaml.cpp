#include "scenario/detail/schedule_yaml.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "scenario/messages.hpp"
#include "scenario/detail/outlets_yaml.hpp"
#include "scenario/detail/renewal_yaml.hpp"
#include "scenario/suggest.hpp"
#include "scenario/detail/yaml_walk.hpp"

namespace zhili::scenario_detail {

namespace {

const KeyTree& entry_tree() {
  static const KeyTree tree({"name", "enabled", "at", "set", "from", "to", "ramp", "outlet", "renewal"});
  return tree;
}

const KeyTree& outlet_event_tree() {
  static const KeyTree tree({"name", "open", "close", "windows", "add_needs"});
  return tree;
}

const std::string kEntryNameShape = "a name of letters, digits, '_' and '-'";

bool valid_entry_name(const std::string& name) {
  if (name.empty()) return false;
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  return true;
}

constexpr IntRange kEventWindows{0, 1000};  // as services.outlets[].windows
const std::string kOutletEventShape =
    "a mapping {name: OUTLET, open: true | close: true | windows: N | add_needs: [need, ...]}";

const KeyTree& lever_tree() {
  static const KeyTree tree = [] {
    std::vector<std::string> paths;
    for (const auto& l : kLeverTable) paths.emplace_back(l.path);
    return KeyTree(paths);
  }();
  return tree;
}

NumRange lever_range(LeverId id) { return {lever_info(id).min, lever_info(id).max}; }

// Reads one entry (`index` in the sequence) and appends one ScheduleEntry per lever.
class EntryReader {
 public:
  EntryReader(const ValueInput& in, int index, LoadContext& ctx, std::vector<ScheduleEntry>& out,
              std::vector<OutletEvent>& events)
      : in_(in),
        index_(index),
        prefix_("schedule[" + std::to_string(index) + "]"),
        ctx_(ctx),
        out_(out),
        events_(events),
        calendar_(ctx.scenario.run.start, ctx.scenario.run.step_unit),
        // A bad run.start would make every date look wrong; its own error is enough.
        calendar_known_(ctx.usable("run.start") && ctx.usable("run.time_step")) {}

  void read(const YAML::Node& entry) {
    const SourceLocation entry_at = in_.at(entry);
    static const std::string kShape = "a mapping: {at, set}, {from, to, ramp}, {at, outlet} or {at, renewal}";
    if (!entry.IsMap()) {
      ctx_.reject({prefix_, entry_at}, kWrongType, found_text(entry), kShape);
      return;
    }
    for (auto& k :
         walk_mapping(entry, {entry_tree(), prefix_ + ".", kUnknownKey}, in_.source, ctx_))
      parts_.emplace(k.path, std::move(k));
    read_name_and_switch();
    if (parts_.empty()) {
      ctx_.report({prefix_, entry_at}, kMissingKey, "", kShape);
      return;
    }
    if (!single_kind()) return;
    if (parts_.count("outlet")) {
      read_outlet_change(entry_at);
    } else if (parts_.count("renewal")) {
      const auto at = date(require("at", entry_at, "at: DATE (the project's notice)"));
      read_renewal(in_, parts_.at("renewal"), prefix_ + ".renewal",
                   at ? std::optional<std::int64_t>(calendar_.first_step_on_or_after(*at)) : std::nullopt, index_,
                   ctx_, ctx_.scenario.renewal.projects);
    } else if (parts_.count("at") || parts_.count("set")) {
      read_step_change(entry_at);
    } else {
      read_ramp(entry_at);
    }
  }

 private:
  // `name` and `enabled` go with any kind of entry: taken out of parts_
  // before the kind is decided.
  void read_name_and_switch() {
    if (auto it = parts_.find("name"); it != parts_.end()) {
      const Site site{prefix_ + ".name", it->second.value_at};
      if (auto name = read_text(it->second.value, site, kEntryNameShape, ctx_)) {
        if (valid_entry_name(*name)) {
          ctx_.scenario.schedule_names[static_cast<std::size_t>(index_)] = *name;
        } else {
          ctx_.reject(site, kInvalidValue, found_text(it->second.value), kEntryNameShape,
                      "the name is used in --without NAME and --set schedule.NAME.enabled=false");
        }
      }
      parts_.erase(it);
    }
    if (auto it = parts_.find("enabled"); it != parts_.end()) {
      const Site site{prefix_ + ".enabled", it->second.value_at};
      if (auto on = read_bool(it->second.value, site, ctx_))
        ctx_.schedule_enabled[static_cast<std::size_t>(index_)] = *on;
      parts_.erase(it);
    }
  }

  // An entry is a step change, a ramp, an outlet change or a renewal
  // project; reports the first key of another kind. `at` dates step
  // changes, outlet changes and projects.
  enum class EntryKind { step, ramp, outlet, renewal };
  EntryKind kind_of(const std::string& key) const {
    if (key == "outlet") return EntryKind::outlet;
    if (key == "renewal") return EntryKind::renewal;
    if (key == "at")
      return parts_.count("outlet") ? EntryKind::outlet : parts_.count("renewal") ? EntryKind::renewal : EntryKind::step;
    if (key == "set") return EntryKind::step;
    return EntryKind::ramp;
  }

  bool single_kind() {
    const FoundKey* first = nullptr;
    for (const auto& [name, part] : parts_)
      if (!first || before(part.key_at, first->key_at)) first = &part;
    const FoundKey* clash = nullptr;
    for (const auto& [name, part] : parts_)
      if (kind_of(name) != kind_of(first->path) && (!clash || before(part.key_at, clash->key_at)))
        clash = &part;
    if (!clash) return true;
    // Name the key that made the kind: `outlet` rather than the `at` it shares.
    std::string first_name = first->path;
    if (first_name == "at" && kind_of("at") == EntryKind::outlet) first_name = "outlet";
    if (first_name == "at" && kind_of("at") == EntryKind::renewal) first_name = "renewal";
    ctx_.report({prefix_ + "." + clash->path, clash->key_at}, kMixedEntry,
                "'" + first_name + "' with '" + clash->path + "'",
                "either at + set (a step change), from + to + ramp (a ramp), at + outlet (an "
                "outlet change) or at + renewal (a renewal project)",
                kind_of(first->path) == EntryKind::outlet || kind_of(clash->path) == EntryKind::outlet
                    ? "write the outlet change as an entry of its own"
                    : kind_of(first->path) == EntryKind::renewal || kind_of(clash->path) == EntryKind::renewal
                          ? "write the renewal project as an entry of its own"
                          : "");
    return false;
  }

  static bool before(const SourceLocation& a, const SourceLocation& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  }

  const FoundKey* require(const std::string& name, const SourceLocation& entry_at,
                          const std::string& expected) {
    auto it = parts_.find(name);
    if (it != parts_.end()) return &it->second;
    ctx_.report({prefix_ + "." + name, entry_at}, kMissingKey, "", expected);
    return nullptr;
  }

  std::optional<Date> date(const FoundKey* part) {
    if (!part) return std::nullopt;
    const Site site{prefix_ + "." + part->path, part->value_at};
    auto d = read_date(part->value, site, ctx_);
    if (d && calendar_known_ && *d < calendar_.start()) {
      ctx_.reject(site, kInconsistent, found_text(part->value),
                  "a date on or after run.start (" + format_date(calendar_.start()) + ")");
      return std::nullopt;
    }
    return d;
  }

  // The levers of a set/ramp mapping, each with its value node.
  std::vector<FoundKey> levers(const FoundKey* part, const std::string& expected) {
    if (!part) return {};
    const std::string path = prefix_ + "." + part->path;
    if (!part->value.IsMap() || part->value.size() == 0) {
      ctx_.reject({path, part->value_at}, part->value.IsMap() ? kMissingKey : kWrongType,
                  found_text(part->value), expected);
      return {};
    }
    return walk_mapping(part->value, {lever_tree(), path + ".", kUnknownLever}, in_.source, ctx_);
  }

  void read_step_change(const SourceLocation& entry_at) {
    const auto at = date(require("at", entry_at, "at: DATE"));
    const auto* set = require("set", entry_at, "set: {LEVER: value, ...}");
    for (const auto& lever : levers(set, "a mapping {LEVER: value, ...}")) {
      const LeverId id = *find_lever(lever.path);
      const Site site{prefix_ + ".set." + lever.path, lever.value_at};
      auto v = read_number(lever.value, site, lever_range(id), ctx_);
      if (at && v) add(ScheduleEntry::Kind::set, id, *at, *at, *v, *v);
    }
  }

  void read_ramp(const SourceLocation& entry_at) {
    const auto from = date(require("from", entry_at, "from: DATE"));
    const FoundKey* to_part = require("to", entry_at, "to: DATE");
    auto to = date(to_part);
    if (from && to && *to <= *from) {
      ctx_.report({prefix_ + ".to", to_part->value_at}, kRampBackwards, found_text(to_part->value),
                  "a date after from (" + format_date(*from) + ")");
      to.reset();
    }
    const auto* ramp = require("ramp", entry_at, "ramp: {LEVER: [start, end], ...}");
    for (const auto& lever : levers(ramp, "a mapping {LEVER: [start, end], ...}")) {
      const LeverId id = *find_lever(lever.path);
      const Site site{prefix_ + ".ramp." + lever.path, lever.value_at};
      const NumRange range = lever_range(id);
      const std::string expected = "a sequence [start, end] of 2 numbers in " + range.text();
      if (!lever.value.IsSequence() || lever.value.size() != 2) {
        ctx_.reject(site, kWrongType, found_text(lever.value), expected);
        continue;
      }
      auto v0 = read_number(lever.value[0], {site.key_path, in_.at(lever.value[0])}, range, ctx_);
      auto v1 = read_number(lever.value[1], {site.key_path, in_.at(lever.value[1])}, range, ctx_);
      if (from && to && v0 && v1) add(ScheduleEntry::Kind::ramp, id, *from, *to, *v0, *v1);
    }
  }

  // {at: DATE, outlet: {name: X, open: true}}: one OutletEvent per change,
  // in a fixed order (open or close, windows, add_needs) whatever the order written.
  void read_outlet_change(const SourceLocation& entry_at) {
    const auto at = date(require("at", entry_at, "at: DATE"));
    const FoundKey& part = parts_.at("outlet");
    const std::string path = prefix_ + ".outlet";
    if (!part.value.IsMap() || part.value.size() == 0) {
      ctx_.reject({path, part.value_at}, part.value.IsMap() ? kMissingKey : kWrongType,
                  found_text(part.value), kOutletEventShape);
      return;
    }
    const std::size_t errors_before = ctx_.diagnostics.size();
    std::optional<std::string> name;
    bool open = false, close = false;
    const FoundKey* open_or_close = nullptr;
    std::optional<int> windows;
    // A mask and a flag, not an optional: GCC 12 warns falsely (-Wmaybe-uninitialized) on it.
    NeedMask needs = 0;
    bool add_needs = false;
    for (const auto& change :
         walk_mapping(part.value, {outlet_event_tree(), path + ".", kUnknownKey}, in_.source, ctx_)) {
      const Site site{path + "." + change.path, change.value_at};
      if (change.path == "name") {
        name = read_text(change.value, site, "the name of an outlet", ctx_);
        if (name) check_outlet_name(*name, change.value, site);
      } else if (change.path == "open" || change.path == "close") {
        const bool is_open = change.path == "open";
        auto b = read_bool(change.value, site, ctx_);
        if (b && !*b) {
          ctx_.reject(site, kInvalidValue, "false", "true",
                      is_open ? "to close an outlet write close: true"
                              : "to open an outlet write open: true");
          continue;
        }
        if (!b) continue;
        if (open_or_close) {
          ctx_.report(site, kInconsistent, "both open and close", "one of them",
                      "open and close the outlet in two entries, at two dates");
          continue;
        }
        open_or_close = &change;
        (is_open ? open : close) = true;
      } else if (change.path == "windows") {
        if (auto w = read_integer(change.value, site, kEventWindows, ctx_)) windows = static_cast<int>(*w);
      } else if (change.path == "add_needs") {
        const auto mask = read_need_mask(change.value, site.key_path, site.where, in_, ctx_);
        if (mask && *mask == 0) {
          ctx_.reject(site, kInvalidValue, "[]", "at least one need type");
        } else if (mask) {
          needs = *mask;
          add_needs = true;
        }
      }
    }
    if (!name && !ctx_.scenario.key_locations.count(path + ".name"))
      ctx_.report({path + ".name", part.value_at}, kMissingKey, "", "name: OUTLET");
    if (ctx_.diagnostics.size() == errors_before && !open && !close && !windows && !add_needs) {
      ctx_.report({path, part.value_at}, kMissingKey, "",
                  "a change: open: true, close: true, windows: N or add_needs: [need, ...]");
    }
    if (!at || !name || ctx_.diagnostics.size() != errors_before) return;
    const std::int64_t step = calendar_.first_step_on_or_after(*at);
    auto event = [&](OutletEvent::Kind kind) {
      OutletEvent e;
      e.kind = kind;
      e.step = step;
      e.outlet = *name;
      e.order = index_;
      return e;
    };
    if (open) events_.push_back(event(OutletEvent::Kind::open));
    if (close) events_.push_back(event(OutletEvent::Kind::close));
    if (windows) {
      events_.push_back(event(OutletEvent::Kind::set_windows));
      events_.back().windows = *windows;
    }
    if (add_needs) {
      events_.push_back(event(OutletEvent::Kind::add_needs));
      events_.back().needs = needs;
    }
  }

  // Against the outlets listed under services.outlets; with none listed the
  // default layout's names are checked when the world is built.
  void check_outlet_name(const std::string& name, const YAML::Node& node, const Site& site) {
    if (!ctx_.outlet_names || !ctx_.outlet_names_complete) return;
    const auto& names = *ctx_.outlet_names;
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    std::string hint;
    if (auto close = closest_match(name, names)) {
      hint = did_you_mean({*close});
    } else {
      constexpr std::size_t kMaxListed = 12;
      hint = "the outlets are ";
      for (std::size_t i = 0; i < names.size() && i < kMaxListed; ++i)
        hint += (i ? ", " : "") + names[i];
      if (names.size() > kMaxListed) hint += ", ...";
    }
    ctx_.reject(site, kUnknownOutlet, found_text(node), "the name of an outlet of services.outlets",
                hint);
  }

  void add(ScheduleEntry::Kind kind, LeverId id, Date from, Date to, double v0, double v1) {
    const std::int64_t s0 = calendar_.first_step_on_or_after(from);
    const std::int64_t s1 = calendar_.first_step_on_or_after(to);
    // A ramp within one step has no in-between: it is a change to its end value.
    if (kind == ScheduleEntry::Kind::ramp && s1 == s0) {
      kind = ScheduleEntry::Kind::set;
      v0 = v1;
    }
    out_.push_back(ScheduleEntry{kind, id, s0, s1, v0, v1, index_});
  }

  const ValueInput& in_;
  int index_;
  std::string prefix_;
  LoadContext& ctx_;
  std::vector<ScheduleEntry>& out_;
  std::vector<OutletEvent>& events_;
  Calendar calendar_;
  bool calendar_known_;
  std::map<std::string, FoundKey> parts_;
};

void bind_schedule(const ValueInput& in, LoadContext& ctx) {
  if (in.value.IsNull()) return;  // "schedule:" with every entry commented out
  if (!in.value.IsSequence()) {
    ctx.reject({in.path, in.value_at}, kWrongType, found_text(in.value),
               "a sequence of entries (- at: ... or - from: ...)");
    return;
  }
  std::vector<ScheduleEntry> entries;
  std::vector<OutletEvent> events;
  ctx.scenario.schedule_names.assign(in.value.size(), "");
  ctx.scenario.renewal.projects.clear();
  ctx.schedule_enabled.assign(in.value.size(), true);
  int index = 0;
  for (const auto& entry : in.value) EntryReader(in, index++, ctx, entries, events).read(entry);
  // Stable: levers of one entry keep their file order.
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from_step, a.order) < std::tie(b.from_step, b.order);
  });
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return std::tie(a.step, a.order) < std::tie(b.step, b.order);
  });
  ctx.scenario.schedule = std::move(entries);
  ctx.scenario.services.events = std::move(events);
}

// The value of one schedule.NAME.enabled override, or nullopt after reporting.
std::optional<std::pair<std::size_t, bool>> read_switch(const ValueInput& in, LoadContext& ctx) {
  const std::string name = in.path.substr(9, in.path.size() - 9 - 8);  // schedule.NAME.enabled
  const auto& names = ctx.scenario.schedule_names;
  const auto at = std::find(names.begin(), names.end(), name);
  const auto on = read_bool(in.value, {in.path, in.value_at}, ctx);
  if (at == names.end()) {
    std::vector<std::string> named;
    for (const auto& n : names)
      if (!n.empty() && std::find(named.begin(), named.end(), n) == named.end()) named.push_back(n);
    std::string hint;
    if (named.empty()) {
      hint = "no entry of the schedule has a name: give the entry one (name: NAME)";
    } else if (auto close = closest_match(name, named)) {
      hint = did_you_mean({*close});
    } else {
      hint = "the named entries are ";
      for (std::size_t i = 0; i < named.size(); ++i) hint += (i ? ", " : "") + named[i];
    }
    ctx.reject({in.path, in.key_at}, kUnknownEntry, quoted_text(name), "the name of a schedule entry", hint);
    return std::nullopt;
  }
  if (!on) return std::nullopt;
  return std::pair{static_cast<std::size_t>(at - names.begin()), *on};
}

}  // namespace

bool is_schedule_switch(const std::string& key) {
  static const std::string kHead = "schedule.", kTail = ".enabled";
  if (key.size() <= kHead.size() + kTail.size() || key.rfind(kHead, 0) != 0 ||
      key.compare(key.size() - kTail.size(), kTail.size(), kTail) != 0)
    return false;
  return valid_entry_name(key.substr(kHead.size(), key.size() - kHead.size() - kTail.size()));
}

void apply_schedule_switches(LoadContext& ctx) {
  for (const auto& in : ctx.schedule_switches)
    if (const auto sw = read_switch(in, ctx))
      for (std::size_t i = 0; i < ctx.scenario.schedule_names.size(); ++i)
        if (ctx.scenario.schedule_names[i] == ctx.scenario.schedule_names[sw->first])
          ctx.schedule_enabled[i] = sw->second;
  auto& s = ctx.scenario;
  const auto& enabled = ctx.schedule_enabled;
  if (std::all_of(enabled.begin(), enabled.end(), [](bool on) { return on; })) return;
  // Entries switched off leave no trace; the rest are renumbered in file
  // order, so the resolved scenario reads back as the same schedule.
  std::vector<int> new_order(enabled.size(), -1);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < enabled.size(); ++i) {
    if (!enabled[i]) continue;
    new_order[i] = static_cast<int>(names.size());
    names.push_back(s.schedule_names[i]);
  }
  auto kept = [&](int order) { return new_order[static_cast<std::size_t>(order)] >= 0; };
  std::erase_if(s.schedule, [&](const ScheduleEntry& e) { return !kept(e.order); });
  std::erase_if(s.services.events, [&](const OutletEvent& e) { return !kept(e.order); });
  std::erase_if(s.renewal.projects, [&](const RenewalProject& p) { return !kept(p.order); });
  for (auto& e : s.schedule) e.order = new_order[static_cast<std::size_t>(e.order)];
  for (auto& e : s.services.events) e.order = new_order[static_cast<std::size_t>(e.order)];
  for (auto& p : s.renewal.projects) p.order = new_order[static_cast<std::size_t>(p.order)];
  s.schedule_names = std::move(names);
}

KeyRule schedule_rule() {
  KeyRule r = rule_for({"schedule", "sequence", "", "[]", "",
                        "Dated changes of policy levers: step changes (at + set) and linear "
                        "ramps (from + to + ramp), see \"The schedule\" below; and changes of "
                        "the outlet network (at + outlet), see \"Outlets\"; and renewal projects "
                        "(at + renewal), see \"Renewal\"."});
  r.bind = bind_schedule;
  r.emit = emit_schedule;
  r.emit_block_list = true;
  const std::string lever_note = " `<lever>` is a lever path without the `policy.` prefix.";
  r.part_docs = {
      {"schedule[].name", "string", "", "none", "letters, digits, '_', '-'",
       "Names the entry, so it can be switched off from the command line: `zhili run --without "
       "NAME`, `--set schedule.NAME.enabled=false`, or a variant of `zhili compare`. Entries that "
       "share a name are one policy: they are switched together."},
      {"schedule[].enabled", "boolean", "", "true", "true or false",
       "false switches the entry off: the run goes as if it were not written."},
      {"schedule[].at", "date", "", "required", "on or after run.start",
       "Date of a step change, an outlet change or a renewal project's notice; it takes effect "
       "at the first step starting on or after it."},
      {"schedule[].set.<lever>", "number", "as the lever", "required", "the lever's range",
       "Value the lever takes from `at` on." + lever_note},
      {"schedule[].from", "date", "", "required", "on or after run.start",
       "Start of a ramp: the lever has its start value at the first step starting on or after it."},
      {"schedule[].to", "date", "", "required", "after from",
       "End of a ramp: the lever reaches its end value at the first step starting on or after "
       "it, and keeps it."},
      {"schedule[].ramp.<lever>", "[start, end]", "as the lever", "required", "the lever's range",
       "Values at `from` and at `to`, linear in between." + lever_note},
      {"schedule[].outlet.name", "string", "", "required", "an outlet's name",
       "Outlet changed at `at`: one of services.outlets, or of the default layout when none "
       "is listed."},
      {"schedule[].outlet.open", "boolean", "", "none", "true",
       "Opens the outlet (one with open_at_start: false, or one closed before)."},
      {"schedule[].outlet.close", "boolean", "", "none", "true", "Closes the outlet."},
      {"schedule[].outlet.windows", "integer", "windows", "none", kEventWindows.text(),
       "Staffed windows from `at` on."},
      {"schedule[].outlet.add_needs", "all or [need, ...]", "", "none", "need types",
       "Need types the outlet handles from `at` on, in addition to those it had."},
      {"schedule[].renewal.area", "mapping", "", "required",
       "{from: [x, y], to: [x, y]}, {cells: [[x, y], ...]}, {zone: ZONE} or a rectangle with a zone",
       "Cells of a renewal project (its notice is `at`): a rectangle with inclusive corners, a list "
       "of cells, every cell of a zone, or the cells of a zone within a rectangle."},
      {"schedule[].renewal.consultation_months", "number", "months", "0", "[0, 600]",
       "Months of consultation between the notice and demolition, in which owners agree to the terms."},
      {"schedule[].renewal.consent", "number", "", "0", "[0, 1]",
       "Share of the area's owners who must have agreed before demolition starts (it waits at most "
       "renewal.max_wait_months past the consultation)."},
      {"schedule[].renewal.demolition_months", "number", "months", "1", "(0, 600]",
       "The area's cells are cleared in equal parts over these months; their residents are displaced."},
      {"schedule[].renewal.construction_months", "number", "months", "12", "[0, 600]",
       "Months from the end of demolition to completion; the area has no homes meanwhile."},
      {"schedule[].renewal.build.zone", "enum", "", "fringe", "a zone",
       "Zone of the area's cells once complete (a requisition makes rural cells suburb or fringe)."},
      {"schedule[].renewal.build.homes", "integer", "households", "0", "[0, 1000000]",
       "Homes per cell once complete, in simulated households (as world.capacity)."},
      {"schedule[].renewal.build.rent", "number", "yuan/month", "0", "[0, 10000000]",
       "Rent of a home once complete; 0 = world.rent of the new zone."},
      {"schedule[].renewal.build.outlet", "string", "", "none", "an outlet's name",
       "An outlet of services.outlets (open_at_start: false) opened at completion."},
      {"schedule[].renewal.compensation", "number", "", "1", "[0, 10]",
       "Compensation paid to owners, as a share of their home's market value "
       "(renewal.home_value_years of its rent)."},
      {"schedule[].renewal.resettled", "number", "", "0", "[0, 1]",
       "Share of owners given a home in the rebuilt area (回迁安置), housed in the district meanwhile."},
      {"schedule[].renewal.hukou_conversion", "number", "", "0", "[0, 1]",
       "Share of displaced rural owners (a requisition) who convert to an urban hukou (农转非); "
       "the others move to another village."},
  };
  return r;
}

}  // namespace zhili::scenario_detail
