// Parsing scenario text into one YAML document, around a yaml-cpp 0.7 bug:
// YAML::LoadAll never returns on a stray ',' outside a flow collection
// (jbeder/yaml-cpp#1040, fixed upstream after 0.7 by PR #1319), allocating
// until the machine runs out of memory. yaml-cpp's parser does return from
// each single document, so we take the first and only ask whether a second
// one follows.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace zhili::scenario_detail {

struct ParsedDocument {
  YAML::Node root;                   // null for an empty text
  std::optional<YAML::Mark> second;  // where a second document (or unparsed text) starts
};

// Throws YAML::Exception (with a mark) on a syntax error.
ParsedDocument parse_single_document(const std::string& text);

}  // namespace zhili::scenario_detail
