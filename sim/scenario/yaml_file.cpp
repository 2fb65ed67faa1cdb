#include "scenario/yaml_file.hpp"

#include "core/read_file.hpp"
#include "scenario/diagnostics.hpp"

namespace zhili {

YAML::Node load_yaml_file(const std::string& path, const std::string& what) {
  Diagnostics diags;
  std::string text;
  if (const std::string why = read_whole_file(path, text); !why.empty()) {
    diags.add(make_diagnostic(path, 0, 0, "", "cannot read the " + what + " file: " + why, "", "a readable YAML file"));
    throw ScenarioError(std::move(diags));
  }
  lone_cr_to_lf(text);
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diags.add(make_diagnostic(path, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax error", e.msg, "valid YAML"));
  }
  throw ScenarioError(std::move(diags));
}

}  // namespace zhili
