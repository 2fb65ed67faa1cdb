// Reading a YAML file that is not a scenario (calibration, sweep files) with
// the loader's error reporting: an unreadable file or a syntax error becomes a
// ScenarioError naming the file, line and column.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace zhili {

// `what` names the kind of file in the message ("calibration", "sweep").
YAML::Node load_yaml_file(const std::string& path, const std::string& what);

}  // namespace zhili
