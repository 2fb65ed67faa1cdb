#include "scenario/detail/yaml_walk.hpp"

#include <map>

#include "scenario/detail/scalar_read.hpp"

namespace zhili::scenario_detail {

namespace {

struct Walker {
  const WalkSpec& spec;
  const ValueSource& source;
  LoadContext& ctx;
  std::vector<FoundKey> found;
  // Keyed by the resolved path, so "a.b: 1" and "a: {b: 2}" count as a duplicate.
  std::map<std::string, SourceLocation> seen;

  void walk(const YAML::Node& map, const std::string& section) {
    for (auto it = map.begin(); it != map.end(); ++it) visit(it->first, it->second, section);
  }

  void visit(const YAML::Node& key, const YAML::Node& value, const std::string& section) {
    const SourceLocation key_at = source.at(key.Mark());
    const std::string section_shown = spec.display_prefix + section;
    if (!key.IsScalar()) {
      ctx.report({section_shown, key_at}, kWrongType, found_text(key), "a key name");
      return;
    }
    const std::string path = join_path(section, key.Scalar());
    const std::string shown = spec.display_prefix + path;
    const SourceLocation value_at = value.IsNull() ? key_at : source.at(value.Mark());

    auto [first, fresh] = seen.emplace(path, key_at);
    if (!fresh) {
      ctx.report({shown, key_at}, kDuplicateKey, "", "",
                 "first written at line " + std::to_string(first->second.line) + ", column " +
                     std::to_string(first->second.column));
      return;
    }
    if (spec.tree.is_leaf(path)) {
      ctx.scenario.key_locations[shown] = value_at;
      found.push_back({path, value, key_at, value_at});
    } else if (spec.tree.is_section(path)) {
      ctx.scenario.key_locations[shown] = value_at;
      // An empty section ("run:" with every key commented out) is a section with no keys.
      if (value.IsNull()) return;
      if (!value.IsMap()) {
        ctx.reject({shown, value_at}, kWrongType, found_text(value), "a mapping of keys");
        return;
      }
      walk(value, path);
    } else {
      // A lever written outside policy: (only the file's own sections can hold one).
      std::string hint = spec.display_prefix.empty() ? spec.tree.lever_hint(path) : "";
      if (hint.empty()) hint = spec.tree.suggestion(section, key.Scalar());
      if (hint.empty()) hint = spec.tree.known_keys_hint(section);
      ctx.report({shown, key_at}, spec.unknown_message, "", "", hint);
    }
  }
};

}  // namespace

std::vector<FoundKey> walk_mapping(const YAML::Node& map, const WalkSpec& spec,
                                   const ValueSource& source, LoadContext& ctx) {
  Walker w{spec, source, ctx, {}, {}};
  w.walk(map, "");
  return std::move(w.found);
}

}  // namespace zhili::scenario_detail
