// The scenario schema: every key a scenario file may contain, with its type,
// unit, default, allowed range and meaning. The parser validates against it,
// resolved_yaml() prints from it, and docs/SCENARIOS.md documents it (a test
// fails if a key here is missing from that document).
#pragma once

#include <string>
#include <vector>

namespace zhili {

struct KeyDoc {
  std::string path;           // "run.steps", "schedule[].at", "policy.hukou.openness"
  std::string type;           // "integer", "number", "string", "date", "boolean", "enum", ...
  std::string unit;           // "steps", "km", "1", ...
  std::string default_value;  // as it would be written in YAML, or "required"
  std::string range;          // "[1, 100000]", "week | month", ...
  std::string description;
};

// Every key the parser accepts, in document order.
const std::vector<KeyDoc>& schema_keys();

}  // namespace zhili
