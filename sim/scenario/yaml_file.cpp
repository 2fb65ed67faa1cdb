#include "scenario/yaml_file.hpp"

#include "scenario/diagnostics.hpp"

namespace zhili {

YAML::Node load_yaml_file(const std::string& path, const std::string& what) {
  Diagnostics diags;
  try {
    return YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    diags.add(make_diagnostic(path, 0, 0, "", "cannot read the " + what + " file", "", "a readable YAML file"));
  } catch (const YAML::ParserException& e) {
    diags.add(make_diagnostic(path, e.mark.line + 1, e.mark.column + 1, "", "YAML syntax error", e.msg, "valid YAML"));
  }
  throw ScenarioError(std::move(diags));
}

}  // namespace zhili
