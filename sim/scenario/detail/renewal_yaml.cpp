#include "scenario/detail/renewal_yaml.hpp"

#include <string_view>

#include "scenario/detail/key_rules.hpp"
#include "scenario/detail/scalar_read.hpp"

namespace zhili::scenario_detail {

namespace {

const KeyTree& renewal_tree() {
  static const KeyTree tree({"area.from", "area.to", "area.cells", "area.zone", "consultation_months",
                             "consent", "demolition_months", "construction_months", "build.zone",
                             "build.homes", "build.rent", "build.outlet", "compensation", "resettled",
                             "hukou_conversion"});
  return tree;
}

const std::string kRenewalShape =
    "a mapping {area: {from: [x, y], to: [x, y]} | {cells: [[x, y], ...]} | {zone: ZONE}, "
    "demolition_months, construction_months, build: {zone, homes, rent}, ...}";

constexpr NumRange kShare{0.0, 1.0};
constexpr NumRange kMonths{0.0, 600.0};
constexpr IntRange kHomes{0, 1'000'000};

std::vector<std::string_view> zone_choices() { return {kZoneNames.begin(), kZoneNames.end()}; }

std::string cell_text(const CellXY& c) { return pair_text(std::to_string(c.x), std::to_string(c.y)); }

}  // namespace

void read_renewal(const ValueInput& in, const FoundKey& part, const std::string& path,
                  std::optional<std::int64_t> notice_step, int order, LoadContext& ctx,
                  std::vector<RenewalProject>& out) {
  if (!part.value.IsMap() || part.value.size() == 0) {
    ctx.reject({path, part.value_at}, part.value.IsMap() ? kMissingKey : kWrongType, found_text(part.value),
               kRenewalShape);
    return;
  }
  const std::size_t errors_before = ctx.diagnostics.size();
  RenewalProject p;
  p.order = order;
  p.file_order = order;
  bool has_from = false, has_to = false, has_cells = false, zone_given = false;
  const auto zones = zone_choices();
  for (const auto& k : walk_mapping(part.value, {renewal_tree(), path + ".", kUnknownKey}, in.source, ctx)) {
    const Site site{path + "." + k.path, k.value_at};
    const ValueInput sub{site.key_path, k.value, k.key_at, k.value_at, in.source, in.from_override};
    const auto number = [&](double& field, const NumRange& r) {
      if (auto v = read_number(k.value, site, r, ctx)) field = *v;
    };
    if (k.path == "area.from") {
      bind_cell(sub, ctx, p.area.from);
      has_from = true;
    } else if (k.path == "area.to") {
      bind_cell(sub, ctx, p.area.to);
      has_to = true;
    } else if (k.path == "area.cells") {
      has_cells = true;
      if (!k.value.IsSequence() || k.value.size() == 0) {
        ctx.reject(site, kWrongType, found_text(k.value), "a sequence of cells [[x, y], ...]");
        continue;
      }
      for (const auto& cell : k.value) {
        CellXY xy;
        bind_cell({site.key_path, cell, k.key_at, in.at(cell), in.source, in.from_override}, ctx, xy);
        p.area.cells.push_back(xy);
      }
    } else if (k.path == "area.zone") {
      zone_given = true;  // an invalid zone is its own error, not a missing area
      if (auto z = read_choice(k.value, site, zones, ctx)) {
        p.area.has_zone = true;
        p.area.zone = static_cast<Zone>(*z);
      }
    } else if (k.path == "build.zone") {
      if (auto z = read_choice(k.value, site, zones, ctx)) p.build.zone = static_cast<Zone>(*z);
    } else if (k.path == "build.homes") {
      if (auto v = read_integer(k.value, site, kHomes, ctx)) p.build.homes = static_cast<int>(*v);
    } else if (k.path == "build.rent") {
      number(p.build.rent, {0.0, 1e7});
    } else if (k.path == "build.outlet") {
      if (auto name = read_text(k.value, site, "the name of an outlet of services.outlets", ctx))
        p.build.outlet = *name;
    } else if (k.path == "consultation_months") {
      number(p.consultation_months, kMonths);
    } else if (k.path == "consent") {
      number(p.consent, kShare);
    } else if (k.path == "demolition_months") {
      number(p.demolition_months, {0.0, 600.0, true});
    } else if (k.path == "construction_months") {
      number(p.construction_months, kMonths);
    } else if (k.path == "compensation") {
      number(p.compensation, {0.0, 10.0});
    } else if (k.path == "resettled") {
      number(p.resettled, kShare);
    } else if (k.path == "hukou_conversion") {
      number(p.hukou_conversion, kShare);
    }
  }
  const SourceLocation area_at = ctx.scenario.key_locations.count(path + ".area")
                                     ? ctx.scenario.key_locations.at(path + ".area")
                                     : part.value_at;
  if (has_from != has_to) {
    ctx.report({path + ".area." + (has_from ? "to" : "from"), area_at}, kMissingKey, "",
               "a rectangle needs both corners: from: [x, y] and to: [x, y]");
  } else if (has_from && has_cells) {
    ctx.report({path + ".area.cells", area_at}, kInconsistent, "both a rectangle and cells",
               "either from + to (optionally with zone) or cells");
  } else if (!has_from && !has_cells && !zone_given) {
    ctx.report({path + ".area", area_at}, kMissingKey, "",
               "area: {from: [x, y], to: [x, y]}, {cells: [[x, y], ...]} or {zone: ZONE}");
  }
  p.area.has_rect = has_from && has_to;
  if (!notice_step || ctx.diagnostics.size() != errors_before) return;
  p.notice_step = *notice_step;
  out.push_back(std::move(p));
}

std::string renewal_text(const RenewalProject& p) {
  std::string area;
  if (p.area.has_rect) area = "from: " + cell_text(p.area.from) + ", to: " + cell_text(p.area.to);
  if (!p.area.cells.empty()) {
    area = "cells: [";
    for (std::size_t i = 0; i < p.area.cells.size(); ++i) area += (i ? ", " : "") + cell_text(p.area.cells[i]);
    area += "]";
  }
  if (p.area.has_zone) area += std::string(area.empty() ? "" : ", ") + "zone: " + kZoneNames[static_cast<std::size_t>(p.area.zone)];
  std::string build = "zone: " + std::string(kZoneNames[static_cast<std::size_t>(p.build.zone)]) +
                      ", homes: " + std::to_string(p.build.homes) + ", rent: " + number_text(p.build.rent);
  if (!p.build.outlet.empty()) build += ", outlet: " + quoted_text(p.build.outlet);
  return "{area: {" + area + "}, consultation_months: " + number_text(p.consultation_months) +
         ", consent: " + number_text(p.consent) + ", demolition_months: " + number_text(p.demolition_months) +
         ", construction_months: " + number_text(p.construction_months) + ", build: {" + build +
         "}, compensation: " + number_text(p.compensation) + ", resettled: " + number_text(p.resettled) +
         ", hukou_conversion: " + number_text(p.hukou_conversion) + "}";
}

}  // namespace zhili::scenario_detail
