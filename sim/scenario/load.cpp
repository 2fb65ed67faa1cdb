// load_scenario: read the text, check its keys against the schema, apply the
// --set overrides, bind every value into the Scenario, check values against
// each other, and throw every problem found at once.
#include "scenario/load.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "core/read_file.hpp"
#include "scenario/detail/consistency.hpp"
#include "scenario/detail/key_rules.hpp"
#include "scenario/messages.hpp"
#include "scenario/detail/overrides.hpp"
#include "scenario/detail/schedule_yaml.hpp"
#include "scenario/detail/scalar_read.hpp"
#include "scenario/detail/yaml_document.hpp"
#include "scenario/detail/yaml_walk.hpp"

namespace zhili {

namespace {

using namespace scenario_detail;

// The document of the file, or nullopt after a syntax error. A file with no
// document at all (empty, or only comments) is a scenario of defaults; text
// after the document is an error, reported while the document is still used.
std::optional<YAML::Node> parse_document(const std::string& text, const ValueSource& source,
                                         LoadContext& ctx) {
  try {
    const ParsedDocument doc = parse_single_document(text);
    if (doc.second) {
      ctx.report({"", source.at(*doc.second)}, kSyntaxError, "", "one YAML document",
                 "text after the end of the document: a second '---' or a stray ','?");
    }
    return doc.root;
  } catch (const YAML::DeepRecursion& e) {
    ctx.report({"", source.at(e.mark)}, kSyntaxError, "", "", "nesting is too deep");
  } catch (const YAML::Exception& e) {
    ctx.report({"", source.at(e.mark)}, kSyntaxError, "", "", e.msg);
  }
  return std::nullopt;
}

// A NUL byte: not a text file (a binary, or a file saved as UTF-16). The
// YAML parser would call it an "unknown escape character" somewhere later.
bool reject_binary(const std::string& text, const std::string& file, LoadContext& ctx) {
  const auto nul = text.find('\0');
  if (nul == std::string::npos) return false;
  const auto line_start = text.rfind('\n', nul);
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
  const auto column = nul - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
  ctx.report({"", {file, static_cast<int>(line), static_cast<int>(column)}}, "not a text file: a NUL byte", "",
             "a YAML text file (UTF-8)", "is this the scenario file? a binary, or text saved as UTF-16?");
  return true;
}

void read_file_keys(const std::string& text, const std::string& file, LoadContext& ctx) {
  const ValueSource source{file, 1, 1};
  if (reject_binary(text, file, ctx)) return;
  const auto root = parse_document(text, source, ctx);
  if (!root || root->IsNull()) return;
  if (!root->IsMap()) {
    ctx.report({"", source.at(root->Mark())}, kWrongType, found_text(*root),
               "a mapping of sections (run:, world:, ...)");
    return;
  }
  for (auto& key : walk_mapping(*root, {key_tree(), "", kUnknownKey}, source, ctx)) {
    ValueInput in{key.path, key.value, key.key_at, key.value_at, source, false};
    ctx.inputs.insert_or_assign(key.path, std::move(in));
  }
}

Scenario finish(LoadContext& ctx, const std::vector<std::string>& overrides) {
  try {
    apply_overrides(overrides, ctx);
    for (const auto& rule : key_rules()) {
      auto it = ctx.inputs.find(rule.doc.path);
      if (it != ctx.inputs.end()) rule.bind(it->second, ctx);
    }
    apply_schedule_switches(ctx);
    check_consistency(ctx);
  } catch (const YAML::Exception& e) {
    // Not expected (every node is type-checked before use), but a scenario
    // error is still the only thing load_scenario may throw.
    ctx.report({ctx.scenario.source_path, 0, 0}, "internal error while reading YAML", "", "",
               e.what());
  }
  if (!ctx.diagnostics.empty()) throw ScenarioError(std::move(ctx.diagnostics));
  ctx.scenario.overrides = overrides;
  return std::move(ctx.scenario);
}


}  // namespace

Scenario load_scenario_text(const std::string& text, const std::string& display_name,
                            const std::vector<std::string>& overrides) {
  LoadContext ctx;
  ctx.scenario.source_path = display_name;
  ctx.scenario.source_text = text;
  lone_cr_to_lf(ctx.scenario.source_text);
  read_file_keys(ctx.scenario.source_text, display_name, ctx);
  return finish(ctx, overrides);
}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  std::string text;
  if (const std::string why = read_whole_file(path, text); !why.empty()) {
    LoadContext ctx;
    ctx.scenario.source_path = path;
    ctx.report({"", {path, 0, 0}}, std::string(kUnreadable) + ": " + why, "", "");
    return finish(ctx, overrides);  // still checks the overrides, then throws
  }
  return load_scenario_text(text, path, overrides);
}

std::string override_label(std::size_t n) { return "--set #" + std::to_string(n); }

std::size_t override_number(const SourceLocation& where) {
  static const std::string kPrefix = "--set #";
  if (where.file.rfind(kPrefix, 0) != 0) return 0;
  std::size_t n = 0;
  for (std::size_t i = kPrefix.size(); i < where.file.size(); ++i) {
    const char c = where.file[i];
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

SourceLocation key_location(const Scenario& s, const std::string& key) {
  const auto it = s.key_locations.find(key);
  if (it != s.key_locations.end()) return it->second;
  return SourceLocation{s.source_path, 0, 0};
}

}  // namespace zhili
