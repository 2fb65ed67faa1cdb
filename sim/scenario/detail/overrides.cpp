#include "scenario/detail/overrides.hpp"

#include "scenario/detail/key_rules.hpp"
#include "scenario/detail/schedule_yaml.hpp"
#include "scenario/messages.hpp"
#include "scenario/detail/yaml_document.hpp"
#include "scenario/load.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr const char* kShape = "KEY=VALUE, e.g. run.seed=7";

// run.end and run.steps are two ways to say one thing: an override of either
// replaces whichever of them the file gave, instead of clashing with it.
void drop_file_alternative(const std::string& key, LoadContext& ctx) {
  const std::string other = key == "run.end" ? "run.steps" : key == "run.steps" ? "run.end" : "";
  auto it = ctx.inputs.find(other);
  if (it != ctx.inputs.end() && !it->second.from_override) ctx.inputs.erase(it);
}

bool is_schedule_path(const std::string& key) {
  return key == "schedule" || key.rfind("schedule[", 0) == 0 || key.rfind("schedule.", 0) == 0;
}

bool is_sequence_key(const std::string& path) {
  for (const auto& rule : key_rules())
    if (rule.doc.path == path) return rule.doc.type == "sequence";
  return false;
}

// Checks the key; reports and returns false when it cannot take a value.
bool check_key(const std::string& key, const SourceLocation& key_at, LoadContext& ctx) {
  const KeyTree& tree = key_tree();
  if (is_schedule_path(key)) {
    ctx.report({key, key_at}, kNotOverridable, "", "",
               "the schedule can only be changed in the scenario file; an entry with a name can be "
               "switched off: schedule.NAME.enabled=false (zhili run --without NAME)");
    return false;
  }
  if (tree.is_leaf(key)) return true;
  if (tree.is_section(key)) {
    ctx.report({key, key_at}, kSectionNotKey, "", "",
               "set one key of it at a time, e.g. " + key + ".<key>=VALUE");
    return false;
  }
  // One item of a list (services.outlets[0].name) cannot be addressed.
  if (const auto bracket = key.find('['); bracket != std::string::npos && is_sequence_key(key.substr(0, bracket))) {
    const std::string list = key.substr(0, bracket);
    ctx.report({key, key_at}, kUnknownKey, "", "",
               "the items of a list cannot be set one by one: set the whole list, " + list + "=[...]");
    return false;
  }
  const std::string section = tree.enclosing_section(key);
  const std::string name = section.empty() ? key : key.substr(section.size() + 1);
  std::string hint = tree.lever_hint(key);
  if (hint.empty()) hint = tree.suggestion(section, name, true);
  if (hint.empty()) hint = tree.known_keys_hint(section, true);
  ctx.report({key, key_at}, kUnknownKey, "", "", hint);
  return false;
}

void apply_one(const std::string& text, int number, LoadContext& ctx) {
  const std::string file = override_label(static_cast<std::size_t>(number));
  const SourceLocation key_at{file, 1, 1};
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    ctx.report({"", key_at}, kMalformedOverride, text.empty() ? "an empty argument" : text, kShape,
               eq == 0 ? "the key is missing before '='" : "");
    return;
  }
  const std::string key = text.substr(0, eq);
  const bool schedule_switch = is_schedule_switch(key);
  if (!schedule_switch && !check_key(key, key_at, ctx)) return;

  const ValueSource source{file, 1, static_cast<int>(eq) + 2};  // the column after '='
  const std::string value_text = text.substr(eq + 1);
  ParsedDocument doc;
  try {
    doc = parse_single_document(value_text);
  } catch (const YAML::Exception& e) {
    ctx.report({key, source.at(e.mark)}, kSyntaxError, value_text, "", e.msg);
    return;
  }
  if (doc.second) {
    ctx.report({key, source.at(*doc.second)}, kSyntaxError, value_text, "one YAML value");
    return;
  }
  const YAML::Node value = doc.root;
  const SourceLocation value_at =
      value.IsNull() ? source.at(YAML::Mark::null_mark()) : source.at(value.Mark());
  if (schedule_switch) {  // checked against the entries' names once the schedule is read
    ctx.schedule_switches.push_back(ValueInput{key, value, key_at, value_at, source, true});
    ctx.scenario.key_locations[key] = value_at;
    return;
  }
  drop_file_alternative(key, ctx);
  ctx.inputs.insert_or_assign(key, ValueInput{key, value, key_at, value_at, source, true});
  ctx.scenario.key_locations[key] = value_at;
}

}  // namespace

void apply_overrides(const std::vector<std::string>& overrides, LoadContext& ctx) {
  for (std::size_t i = 0; i < overrides.size(); ++i)
    apply_one(overrides[i], static_cast<int>(i) + 1, ctx);
}

}  // namespace zhili::scenario_detail
