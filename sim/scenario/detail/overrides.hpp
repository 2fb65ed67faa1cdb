// Command-line overrides (--set key.path=value), applied after the file.
#pragma once

#include <string>
#include <vector>

#include "scenario/detail/load_context.hpp"

namespace zhili::scenario_detail {

// Parses each "key.path=value" (the value is YAML flow text, so "[10, 20]"
// is a sequence) and makes it the winning input of its key. Diagnostics name
// the override as file "--set #N", line 1, and the column in its text.
void apply_overrides(const std::vector<std::string>& overrides, LoadContext& ctx);

}  // namespace zhili::scenario_detail
