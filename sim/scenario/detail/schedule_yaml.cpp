#include "scenario/detail/schedule_yaml.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "scenario/detail/messages.hpp"
#include "scenario/detail/yaml_walk.hpp"

namespace zhili::scenario_detail {

namespace {

const KeyTree& entry_tree() {
  static const KeyTree tree({"at", "set", "from", "to", "ramp"});
  return tree;
}

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
  EntryReader(const ValueInput& in, int index, LoadContext& ctx, std::vector<ScheduleEntry>& out)
      : in_(in),
        index_(index),
        prefix_("schedule[" + std::to_string(index) + "]"),
        ctx_(ctx),
        out_(out),
        calendar_(ctx.scenario.run.start, ctx.scenario.run.step_unit),
        // A bad run.start would make every date look wrong; its own error is enough.
        calendar_known_(ctx.usable("run.start") && ctx.usable("run.time_step")) {}

  void read(const YAML::Node& entry) {
    const SourceLocation entry_at = in_.at(entry);
    static const std::string kShape = "a mapping: {at, set} or {from, to, ramp}";
    if (!entry.IsMap()) {
      ctx_.reject({prefix_, entry_at}, kWrongType, found_text(entry), kShape);
      return;
    }
    for (auto& k :
         walk_mapping(entry, {entry_tree(), prefix_ + ".", kUnknownKey}, in_.source, ctx_))
      parts_.emplace(k.path, std::move(k));
    if (parts_.empty()) {
      ctx_.report({prefix_, entry_at}, kMissingKey, "", kShape);
      return;
    }
    if (!single_kind()) return;
    if (parts_.count("at") || parts_.count("set")) {
      read_step_change(entry_at);
    } else {
      read_ramp(entry_at);
    }
  }

 private:
  // An entry is a step change or a ramp; reports the first key of the other kind.
  bool single_kind() {
    auto is_step_key = [](const std::string& k) { return k == "at" || k == "set"; };
    const FoundKey* first = nullptr;
    for (const auto& [name, part] : parts_)
      if (!first || before(part.key_at, first->key_at)) first = &part;
    const FoundKey* clash = nullptr;
    for (const auto& [name, part] : parts_)
      if (is_step_key(name) != is_step_key(first->path) &&
          (!clash || before(part.key_at, clash->key_at)))
        clash = &part;
    if (!clash) return true;
    ctx_.report({prefix_ + "." + clash->path, clash->key_at}, kMixedEntry,
                "'" + first->path + "' with '" + clash->path + "'",
                "either at + set (a step change) or from + to + ramp (a ramp)");
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
  int index = 0;
  for (const auto& entry : in.value) EntryReader(in, index++, ctx, entries).read(entry);
  // Stable: levers of one entry keep their file order.
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from_step, a.order) < std::tie(b.from_step, b.order);
  });
  ctx.scenario.schedule = std::move(entries);
}

}  // namespace

KeyRule schedule_rule() {
  KeyRule r = rule_for({"schedule", "sequence", "", "[]", "",
                        "Dated changes of policy levers: step changes (at + set) and linear "
                        "ramps (from + to + ramp), see \"The schedule\" below."});
  r.bind = bind_schedule;
  r.emit = emit_schedule;
  r.emit_block_list = true;
  const std::string lever_note = " `<lever>` is a lever path without the `policy.` prefix.";
  r.part_docs = {
      {"schedule[].at", "date", "", "required", "on or after run.start",
       "Date of a step change; it takes effect at the first step starting on or after it."},
      {"schedule[].set.<lever>", "number", "as the lever", "required", "the lever's range",
       "Value the lever takes from `at` on." + lever_note},
      {"schedule[].from", "date", "", "required", "on or after run.start",
       "Start of a ramp: the lever has its start value at the first step starting on or after it."},
      {"schedule[].to", "date", "", "required", "after from",
       "End of a ramp: the lever reaches its end value at the first step starting on or after "
       "it, and keeps it."},
      {"schedule[].ramp.<lever>", "[start, end]", "as the lever", "required", "the lever's range",
       "Values at `from` and at `to`, linear in between." + lever_note},
  };
  return r;
}

}  // namespace zhili::scenario_detail
