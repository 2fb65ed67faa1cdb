#include "scenario/detail/map_keys.hpp"

#include <filesystem>
#include <limits>
#include <map>

#include "scenario/messages.hpp"
#include "scenario/detail/yaml_walk.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr NumRange kWeightRange{0.0, std::numeric_limits<double>::infinity(), true};
const std::string kCentreShape = "a mapping {at: [x, y], weight: w}";

bool is_drawn(const Scenario& s) { return !s.world.raster.path.empty(); }

const KeyTree& centre_tree() {
  static const KeyTree tree({"at", "weight"});
  return tree;
}

// One entry of world.generator.centres; nullopt (and diagnostics) when it is wrong.
std::optional<CityCentre> read_centre(const ValueInput& in, int index, const YAML::Node& entry,
                                      LoadContext& ctx) {
  const std::string prefix = in.path + "[" + std::to_string(index) + "]";
  const SourceLocation entry_at = in.at(entry);
  if (!entry.IsMap()) {
    ctx.report({prefix, entry_at}, kWrongType, found_text(entry), kCentreShape);
    return std::nullopt;
  }
  const std::size_t errors_before = ctx.diagnostics.size();
  CityCentre c;
  bool has_at = false;
  for (const auto& part : walk_mapping(entry, {centre_tree(), prefix + ".", kUnknownKey},
                                       in.source, ctx)) {
    const std::string path = prefix + "." + part.path;
    if (part.path == "at") {
      has_at = true;
      bind_cell({path, part.value, part.key_at, part.value_at, in.source, in.from_override}, ctx,
                c.at);
    } else if (auto w = read_number(part.value, {path, part.value_at}, kWeightRange, ctx)) {
      c.weight = *w;
    }
  }
  if (!has_at) ctx.report({prefix + ".at", entry_at}, kMissingKey, "", "at: [x, y]");
  if (!has_at || ctx.diagnostics.size() != errors_before) return std::nullopt;
  return c;
}

void bind_centres(const ValueInput& in, LoadContext& ctx) {
  auto& centres = ctx.scenario.world.generator.centres;
  if (in.value.IsNull()) {  // "centres:" with every entry commented out: none
    centres.clear();
    return;
  }
  if (!in.value.IsSequence()) {
    ctx.reject({in.path, in.value_at}, kWrongType, found_text(in.value),
               "a sequence of centres, each " + kCentreShape);
    return;
  }
  std::vector<CityCentre> read;
  bool ok = true;
  int index = 0;
  for (const auto& entry : in.value) {
    auto c = read_centre(in, index++, entry, ctx);
    if (c) read.push_back(*c);
    ok = ok && c.has_value();
  }
  if (!ok) {
    ctx.rejected.insert(in.path);  // checks against the map skip a list with errors
    return;
  }
  centres = std::move(read);
}

std::string emit_centres(const Scenario& s) {
  std::string out;
  for (const auto& c : s.world.generator.centres)
    out += "{at: " + pair_text(std::to_string(c.at.x), std::to_string(c.at.y)) +
           ", weight: " + number_text(c.weight) + "}\n";
  return out;
}

// A relative path names a file next to the scenario file; stored absolute so
// that the resolved scenario finds it from anywhere.
std::string resolve_raster_path(const std::string& written, const std::string& scenario_path) {
  namespace fs = std::filesystem;
  fs::path p(written);
  if (p.is_relative()) p = fs::path(scenario_path).parent_path() / p;
  std::error_code ec;
  const fs::path absolute = fs::absolute(p, ec);
  return (ec ? p : absolute).lexically_normal().string();
}

KeyRule raster_path_rule() {
  KeyRule r = rule_for(
      {"world.raster.path", "string", "", "", "a .csv or .pgm file",
       "Zone map drawn by a planner, CSV or PGM (see \"Maps: generated or drawn\"); a relative "
       "path is relative to the scenario file's directory. \"\" = no raster: the map is "
       "generated."});
  r.bind = [](const ValueInput& in, LoadContext& ctx) {
    auto v = read_text(in.value, {in.path, in.value_at}, "a string: a file path", ctx);
    if (!v) return;
    ctx.scenario.world.raster.path =
        v->empty() ? std::string() : resolve_raster_path(*v, ctx.scenario.source_path);
  };
  r.emit = [](const Scenario& s) { return quoted_text(s.world.raster.path); };
  r.applies = is_drawn;
  return r;
}

const std::vector<std::string_view>& zone_choices() {
  static const std::vector<std::string_view> names(kZoneNames.begin(), kZoneNames.end());
  return names;
}

void bind_legend(const ValueInput& in, LoadContext& ctx) {
  static const std::string kShape = "a mapping {value: zone, ...}, e.g. {0: rural, 1: suburb}";
  if (!in.value.IsMap() || in.value.size() == 0) {
    ctx.reject({in.path, in.value_at}, in.value.IsMap() ? kMissingKey : kWrongType,
               found_text(in.value), kShape);
    return;
  }
  std::map<std::int32_t, Zone> legend;
  std::map<std::int32_t, SourceLocation> first_at;
  bool ok = true;
  for (auto it = in.value.begin(); it != in.value.end(); ++it) {
    const YAML::Node key = it->first;
    const SourceLocation key_at = in.source.at(key.Mark());
    bool overflow = false;
    std::optional<std::int64_t> v;
    if (key.IsScalar() && key.Tag() == "?") v = parse_integer_text(key.Scalar(), overflow);
    if (!v || *v < std::numeric_limits<std::int32_t>::min() ||
        *v > std::numeric_limits<std::int32_t>::max()) {
      ctx.report({in.path, key_at}, kWrongType, found_text(key),
                 "a cell value: an integer in [-2147483648, 2147483647]");
      ok = false;
      continue;
    }
    const auto value = static_cast<std::int32_t>(*v);
    const std::string path = in.path + "." + std::to_string(value);
    auto [first, fresh] = first_at.emplace(value, key_at);
    if (!fresh) {
      ctx.report({path, key_at}, kDuplicateKey, found_text(key), "",
                 "first written at line " + std::to_string(first->second.line) + ", column " +
                     std::to_string(first->second.column));
      ok = false;
      continue;
    }
    auto zone = read_choice(it->second, {path, in.at(it->second)}, zone_choices(), ctx);
    if (!zone) {
      ok = false;
      continue;
    }
    legend[value] = static_cast<Zone>(*zone);
  }
  if (!ok) {
    ctx.rejected.insert(in.path);
    return;
  }
  ctx.scenario.world.raster.legend = std::move(legend);
}

std::string emit_legend(const Scenario& s) {
  std::string out;
  for (const auto& [value, zone] : s.world.raster.legend)
    out += (out.empty() ? "{" : ", ") + std::to_string(value) + ": " +
           kZoneNames[static_cast<std::size_t>(zone)];
  return out.empty() ? "{}" : out + "}";
}

KeyRule raster_legend_rule() {
  std::string zones;
  for (auto z : kZoneNames) zones += (zones.empty() ? "" : ", ") + std::string(z);
  KeyRule r = rule_for({"world.raster.legend", "mapping", "", "", "{integer: zone, ...}",
                        "Zone of each cell value in the raster; zones are " + zones +
                            ". Replaces the default legend as a whole."});
  r.bind = bind_legend;
  r.emit = emit_legend;
  r.applies = is_drawn;
  return r;
}

}  // namespace

KeyRule generator_kind_rule() {
  KeyRule r = choice_key(
      "world.generator.kind", {"monocentric", "polycentric"},
      [](auto& s) -> auto& { return s.world.generator.kind; },
      "How the map is generated: monocentric = zones in rings by distance from `centre` "
      "(urban core, fringe with urban villages, suburb, rural hinterland); polycentric = the "
      "same rings around each of `centres`, a cell taking its zone from the centre nearest in "
      "distance / weight.");
  return r;
}

KeyRule generator_centres_rule() {
  KeyRule r = rule_for({"world.generator.centres", "sequence", "", "[]",
                        "at least one, for kind polycentric",
                        "Centres of a polycentric city: main centre and sub-centres, each "
                        "{at: [x, y], weight: w}."});
  r.bind = bind_centres;
  r.emit = emit_centres;
  r.emit_block_list = true;
  r.part_docs = {
      {"world.generator.centres[].at", "[x, y]", "cells", "required", "inside the map",
       "Cell of the centre, 0-based [x, y]."},
      {"world.generator.centres[].weight", "number", "1", "1", "> 0",
       "Scales the zone radii around this centre: 1 = the radii as given (a main centre), 0.5 = "
       "half as far (a satellite)."},
  };
  return r;
}

std::vector<KeyRule> raster_rules() {
  std::vector<KeyRule> rules{
      raster_path_rule(),
      choice_key(
          "world.raster.format", {"auto", "csv", "pgm"},
          [](auto& s) -> auto& { return s.world.raster.format; },
          "File format of the raster; auto = from the extension of the path (.csv, .pgm)."),
      raster_legend_rule(),
  };
  rules[1].applies = is_drawn;
  return rules;
}

void mark_map_rules(std::vector<KeyRule>& rules) {
  for (auto& r : rules) {
    const std::string& path = r.doc.path;
    if (path == "world.width") {
      r.applies = [](const Scenario& s) { return s.world.width != 0; };
    } else if (path == "world.height") {
      r.applies = [](const Scenario& s) { return s.world.height != 0; };
    } else if (path == "world.generator.centre") {
      r.applies = [](const Scenario& s) {
        return !is_drawn(s) && s.world.generator.kind == MapKind::monocentric;
      };
    } else if (path == "world.generator.centres") {
      r.applies = [](const Scenario& s) {
        return !is_drawn(s) && s.world.generator.kind == MapKind::polycentric;
      };
    } else if (path.rfind("world.generator.", 0) == 0) {
      r.applies = [](const Scenario& s) { return !is_drawn(s); };
    }
  }
}

}  // namespace zhili::scenario_detail
