#include "scenario/detail/outlets_yaml.hpp"

#include <algorithm>
#include <map>

#include "scenario/messages.hpp"
#include "scenario/suggest.hpp"
#include "scenario/detail/yaml_walk.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr IntRange kWindows{0, 1000};
constexpr IntRange kDays{1, 7};
constexpr NumRange kCv{0.0, 10.0};
constexpr NumRange kSpeed{0.0, 100.0, true};
constexpr NumRange kHour{0.0, 24.0};
constexpr NumRange kCost{0.0, 1e9};
constexpr NumRange kShare{0.0, 1.0};

const std::string kOutletShape = "a mapping {name: NAME, cell: [x, y], ...}";
const std::string kNameRange = "1 to 64 characters from A-Z a-z 0-9 _ . -";
const std::string kNeedsExpected = "all, or a sequence of need types, e.g. [registration, employment]";
const std::string kHoursExpected = "a sequence [open, close] of 2 numbers in [0, 24]";

const KeyTree& outlet_tree() {
  static const KeyTree tree({"name", "cell", "kind", "needs", "windows", "service_cv", "speed",
                             "days_per_week", "hours", "operator", "cost_per_window",
                             "error_rate", "open_at_start"});
  return tree;
}

const std::vector<std::string_view>& kind_choices() {
  static const std::vector<std::string_view> names(kOutletKindNames.begin(), kOutletKindNames.end());
  return names;
}

const std::vector<std::string_view>& operator_choices() {
  static const std::vector<std::string_view> names{"government", "social_organisation"};
  return names;
}

const std::vector<std::string_view>& need_choices() {
  static const std::vector<std::string_view> names(kNeedNames.begin(), kNeedNames.end());
  return names;
}

std::string position_text(const SourceLocation& at) {
  return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

// Reads one entry of the list into `out`; false (and diagnostics) when any part is wrong.
class OutletReader {
 public:
  OutletReader(const ValueInput& in, int index, LoadContext& ctx)
      : in_(in), prefix_(in.path + "[" + std::to_string(index) + "]"), ctx_(ctx) {}

  bool read(const YAML::Node& entry, OutletSpec& out, std::optional<std::string>& name,
            SourceLocation& name_at) {
    const SourceLocation entry_at = in_.at(entry);
    if (!entry.IsMap()) {
      ctx_.report({prefix_, entry_at}, kWrongType, found_text(entry), kOutletShape);
      return false;
    }
    const std::size_t errors_before = ctx_.diagnostics.size();
    bool has_name = false, has_cell = false, operator_given = false;
    for (const auto& part :
         walk_mapping(entry, {outlet_tree(), prefix_ + ".", kUnknownKey}, in_.source, ctx_)) {
      const std::string path = prefix_ + "." + part.path;
      const Site site{path, part.value_at};
      const YAML::Node& v = part.value;
      const std::string& key = part.path;
      if (key == "name") {
        has_name = true;
        auto text = read_text(v, site, "a string of " + kNameRange, ctx_);
        if (text && !is_outlet_name(*text)) {
          ctx_.reject(site, kInvalidValue, found_text(v), "a string of " + kNameRange);
        } else if (text) {
          out.name = *text;
          name = *text;
          name_at = part.value_at;
        }
      } else if (key == "cell") {
        has_cell = true;
        CellXY xy;
        const std::size_t before = ctx_.diagnostics.size();
        bind_cell({path, v, part.key_at, part.value_at, in_.source, in_.from_override}, ctx_, xy);
        if (ctx_.diagnostics.size() == before) out.x = xy.x, out.y = xy.y;
      } else if (key == "kind") {
        if (auto k = read_choice(v, site, kind_choices(), ctx_)) out.kind = static_cast<OutletKindSpec>(*k);
      } else if (key == "needs") {
        if (auto m = read_need_mask(v, path, part.value_at, in_, ctx_)) out.needs = *m;
      } else if (key == "windows") {
        if (auto w = read_integer(v, site, kWindows, ctx_)) out.windows = static_cast<int>(*w);
      } else if (key == "service_cv") {
        if (auto x = read_number(v, site, kCv, ctx_)) out.service_cv = *x;
      } else if (key == "speed") {
        if (auto x = read_number(v, site, kSpeed, ctx_)) out.speed = *x;
      } else if (key == "days_per_week") {
        if (auto d = read_integer(v, site, kDays, ctx_)) out.days_per_week = static_cast<int>(*d);
      } else if (key == "hours") {
        read_hours(v, site, out);
      } else if (key == "operator") {
        operator_given = true;
        if (auto o = read_choice(v, site, operator_choices(), ctx_))
          out.operated_by = static_cast<OutletOperator>(*o);
      } else if (key == "cost_per_window") {
        if (auto x = read_number(v, site, kCost, ctx_)) out.cost_per_window = *x;
      } else if (key == "error_rate") {
        if (auto x = read_number(v, site, kShare, ctx_)) out.error_rate = *x;
      } else if (key == "open_at_start") {
        if (auto b = read_bool(v, site, ctx_)) out.open_at_start = *b;
      }
    }
    if (!has_name) ctx_.report({prefix_ + ".name", entry_at}, kMissingKey, "", "name: NAME");
    if (!has_cell) ctx_.report({prefix_ + ".cell", entry_at}, kMissingKey, "", "cell: [x, y]");
    // A social organisation's outlet is run by one unless the entry says otherwise.
    if (!operator_given)
      out.operated_by = out.kind == OutletKindSpec::social_organisation
                            ? OutletOperator::social_organisation
                            : OutletOperator::government;
    return ctx_.diagnostics.size() == errors_before;
  }

 private:
  void read_hours(const YAML::Node& v, const Site& site, OutletSpec& out) {
    if (!v.IsSequence() || v.size() != 2) {
      ctx_.reject(site, kWrongType, found_text(v), kHoursExpected);
      return;
    }
    auto open = read_number(v[0], {site.key_path, in_.at(v[0])}, kHour, ctx_);
    auto close = read_number(v[1], {site.key_path, in_.at(v[1])}, kHour, ctx_);
    if (!open || !close) return;
    if (*open >= *close) {
      ctx_.reject(site, kInconsistent, pair_text(number_text(*open), number_text(*close)),
                  "[open, close] with open < close", "an outlet opens and closes on the same day");
      return;
    }
    out.open_hour = *open;
    out.close_hour = *close;
  }

  const ValueInput& in_;
  std::string prefix_;
  LoadContext& ctx_;
};

void bind_outlets(const ValueInput& in, LoadContext& ctx) {
  auto& outlets = ctx.scenario.services.outlets;
  outlets.clear();
  ctx.outlet_names.reset();
  if (in.value.IsNull()) return;  // "outlets:" with every entry commented out: the default layout
  if (!in.value.IsSequence()) {
    ctx.reject({in.path, in.value_at}, kWrongType, found_text(in.value),
               "a sequence of outlets, each " + kOutletShape);
    return;
  }
  bool ok = true;
  std::vector<std::string> names;
  std::map<std::string, std::pair<int, SourceLocation>> first_named;
  int index = 0;
  for (const auto& entry : in.value) {
    OutletSpec spec;
    std::optional<std::string> name;
    SourceLocation name_at;
    ok = OutletReader(in, index, ctx).read(entry, spec, name, name_at) && ok;
    if (name) {
      auto [first, fresh] = first_named.emplace(*name, std::make_pair(index, name_at));
      if (fresh) {
        names.push_back(*name);
      } else {
        ok = false;
        ctx.report({in.path + "[" + std::to_string(index) + "].name", name_at}, kDuplicateName,
                   *name, "a name no other outlet has",
                   "services.outlets[" + std::to_string(first->second.first) + "] (" +
                       position_text(first->second.second) + ") has it already");
      }
    } else {
      ctx.outlet_names_complete = false;
    }
    // Kept even when wrong, so that the checks against the map still see
    // every cell (services.outlets[i] stays outlets[i]); the load fails anyway.
    outlets.push_back(std::move(spec));
    ++index;
  }
  if (!outlets.empty()) ctx.outlet_names = std::move(names);
  if (!ok) ctx.rejected.insert(in.path);
}

std::string emit_outlets(const Scenario& s) {
  std::string out;
  for (const auto& o : s.services.outlets) {
    out += "{name: " + quoted_text(o.name) +
           ", cell: " + pair_text(std::to_string(o.x), std::to_string(o.y)) +
           ", kind: " + kOutletKindNames[static_cast<std::size_t>(o.kind)] +
           ", needs: " + need_mask_text(o.needs) + ", windows: " + std::to_string(o.windows) +
           ", service_cv: " + number_text(o.service_cv) + ", speed: " + number_text(o.speed) +
           ", days_per_week: " + std::to_string(o.days_per_week) +
           ", hours: " + pair_text(number_text(o.open_hour), number_text(o.close_hour)) +
           ", operator: " + std::string(operator_choices()[static_cast<std::size_t>(o.operated_by)]) +
           ", cost_per_window: " + number_text(o.cost_per_window) +
           ", error_rate: " + number_text(o.error_rate) +
           ", open_at_start: " + (o.open_at_start ? "true" : "false") + "}\n";
  }
  return out;
}

}  // namespace

bool is_outlet_name(const std::string& s) {
  auto safe = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  };
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), safe);
}

std::optional<NeedMask> read_need_mask(const YAML::Node& n, const std::string& path,
                                       const SourceLocation& at, const ValueInput& in,
                                       LoadContext& ctx) {
  const Site site{path, at};
  if (n.IsScalar()) {
    if (n.Scalar() == "all" && n.Tag() == "?") return kAllNeeds;
    std::vector<std::string> options{"all"};
    options.insert(options.end(), kNeedNames.begin(), kNeedNames.end());
    std::string hint;
    if (std::find(kNeedNames.begin(), kNeedNames.end(), n.Scalar()) != kNeedNames.end())
      hint = "one need type is a sequence of one: [" + n.Scalar() + "]";
    else if (auto close = closest_match(n.Scalar(), options))
      hint = did_you_mean({*close});
    ctx.reject(site, kInvalidValue, found_text(n), kNeedsExpected, hint);
    return std::nullopt;
  }
  if (!n.IsSequence()) {
    ctx.reject(site, kWrongType, found_text(n), kNeedsExpected);
    return std::nullopt;
  }
  NeedMask mask = 0;
  bool ok = true;
  std::map<std::size_t, SourceLocation> first_at;
  for (const auto& element : n) {
    const SourceLocation element_at = in.at(element);
    auto need = read_choice(element, {path, element_at}, need_choices(), ctx);
    if (!need) {
      ok = false;
      continue;
    }
    auto [first, fresh] = first_at.emplace(*need, element_at);
    if (!fresh) {
      ctx.reject({path, element_at}, kDuplicateName, found_text(element), "each need type once",
                 "listed first at " + position_text(first->second));
      ok = false;
      continue;
    }
    mask = static_cast<NeedMask>(mask | need_bit(static_cast<NeedType>(*need)));
  }
  if (!ok) return std::nullopt;
  return mask;
}

std::string need_mask_text(NeedMask mask) {
  if (mask == kAllNeeds) return "all";
  std::string out = "[";
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    if (!(mask & need_bit(static_cast<NeedType>(n)))) continue;
    if (out.size() > 1) out += ", ";
    out += kNeedNames[n];
  }
  return out + "]";
}

KeyRule outlets_rule() {
  KeyRule r = rule_for({"services.outlets", "sequence", "", "[]", "",
                        "Service outlets, each a mapping of the keys below; none listed (with "
                        "services.enabled) = the default layout, see \"Outlets\" below."});
  r.bind = bind_outlets;
  r.emit = emit_outlets;
  r.emit_block_list = true;
  const OutletSpec d;
  std::string kinds;
  for (auto k : kOutletKindNames) kinds += (kinds.empty() ? "" : " | ") + std::string(k);
  const std::string p = "services.outlets[].";
  r.part_docs = {
      {p + "name", "string", "", "required", kNameRange,
       "Name of the outlet, unique; schedule entries with `outlet:` refer to it."},
      {p + "cell", "[x, y]", "cells", "required", "inside the map",
       "Cell of the outlet, 0-based [x, y]."},
      {p + "kind", "enum", "", kOutletKindNames[static_cast<std::size_t>(d.kind)], kinds,
       "district_centre = district service centre (区县政务服务中心), street_station = street "
       "or township station (街道/乡镇便民服务站), department_window = one department's own "
       "window, social_organisation = an outlet run by a social organisation under a purchase "
       "contract."},
      {p + "needs", "all or [need, ...]", "", need_mask_text(d.needs), "need types",
       "Need types the outlet handles: `all`, or a sequence of need names (those of "
       "`services.needs`); [] = none until a schedule entry adds some."},
      {p + "windows", "integer", "windows", std::to_string(d.windows), kWindows.text(),
       "Staffed service windows."},
      {p + "service_cv", "number", "1", number_text(d.service_cv), kCv.text(),
       "Coefficient of variation of service times (lognormal; 0 = fixed times)."},
      {p + "speed", "number", "1", number_text(d.speed), kSpeed.text(),
       "Service time multiplier: a case takes speed x the need's service_minutes per department."},
      {p + "days_per_week", "integer", "days", std::to_string(d.days_per_week), kDays.text(),
       "Working days a week."},
      {p + "hours", "[open, close]", "hours",
       pair_text(number_text(d.open_hour), number_text(d.close_hour)), "0 <= open < close <= 24",
       "Opening hours of a working day (8.5 = 8:30)."},
      {p + "operator", "enum", "", "government", "government | social_organisation",
       "Who runs the outlet; default social_organisation for kind social_organisation, else "
       "government."},
      {p + "cost_per_window", "number", "yuan/year", number_text(d.cost_per_window), kCost.text(),
       "Yearly cost of one window."},
      {p + "error_rate", "number", "1", number_text(d.error_rate), kShare.text(),
       "Chance that a served case is processed wrongly and needs a return trip."},
      {p + "open_at_start", "boolean", "", d.open_at_start ? "true" : "false", "true | false",
       "Whether the outlet is open at the first step; false = opened by a schedule entry."},
  };
  return r;
}

}  // namespace zhili::scenario_detail
