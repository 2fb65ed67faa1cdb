// Walking a YAML mapping against a KeyTree: every key is either a value the
// tree knows, a section to descend into, or an error (unknown, duplicate, a
// section written as a scalar). A key may also spell out a path with dots
// ("hukou.openness: 0.5" equals "hukou: {openness: 0.5}"), which is how lever
// names are written in schedule entries.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "scenario/detail/key_tree.hpp"
#include "scenario/detail/load_context.hpp"
#include "scenario/messages.hpp"

namespace zhili::scenario_detail {

struct FoundKey {
  std::string path;  // the tree's leaf path
  YAML::Node value;
  SourceLocation key_at;
  SourceLocation value_at;  // the key's position when the value is null
};

struct WalkSpec {
  const KeyTree& tree;
  std::string display_prefix;  // prepended to paths in diagnostics and key_locations
  const char* unknown_message = kUnknownKey;
};

// The leaves found in `map`, in file order. Records the location of every key
// seen (leaves and sections) in ctx.scenario.key_locations.
std::vector<FoundKey> walk_mapping(const YAML::Node& map, const WalkSpec& spec,
                                   const ValueSource& source, LoadContext& ctx);

}  // namespace zhili::scenario_detail
