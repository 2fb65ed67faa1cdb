// State shared by the steps of loading one scenario: the Scenario being
// filled, the diagnostics collected so far, and the raw value of every key
// given in the file or by --set, with where it was written.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace zhili::scenario_detail {

// Turns yaml-cpp marks (0-based, relative to the text yaml-cpp saw) into
// positions a person can find: in the file, or inside one --set argument.
struct ValueSource {
  std::string file;      // scenario path, or "--set #N"
  int first_line = 1;    // 1-based line of the text's first character
  int first_column = 1;  // 1-based column of the text's first character

  SourceLocation at(const YAML::Mark& m) const {
    // Null marks (-1) come from nodes yaml-cpp made up, e.g. an empty --set value.
    const int line = m.line > 0 ? m.line : 0;
    const int column = m.column > 0 ? m.column : 0;
    return {file, first_line + line, (line == 0 ? first_column : 1) + column};
  }
};

// One key's value as written, before it is checked.
struct ValueInput {
  std::string path;  // full key path, "run.steps"
  YAML::Node value;
  SourceLocation key_at;
  SourceLocation
      value_at;  // where a null value is, that is the key (yaml-cpp marks the next token)
  ValueSource source;
  bool from_override = false;

  // Position of a node inside this value (an element of a sequence, ...).
  SourceLocation at(const YAML::Node& n) const {
    return n.IsNull() ? value_at : source.at(n.Mark());
  }
};

// A key path and position to report a problem at.
struct Site {
  std::string key_path;
  SourceLocation where;
};

struct LoadContext {
  Scenario scenario;
  Diagnostics diagnostics;
  std::map<std::string, ValueInput> inputs;  // the winning value of each key given
  std::set<std::string> rejected;            // keys whose value failed its own check
  std::optional<Date> run_end;               // run.end is resolved into run.steps, not stored
  // Names of the outlets listed under services.outlets, for the schedule's
  // outlet changes; nullopt when none are listed (the default layout's names
  // are known only when the world is built). Incomplete when a name was refused.
  std::optional<std::vector<std::string>> outlet_names;
  bool outlet_names_complete = true;
  // The schedule's file entries, by position: whether each is switched on
  // (its `enabled:`), and the --set schedule.NAME.enabled=... overrides that
  // switch named entries on or off, applied once the schedule is read.
  std::vector<bool> schedule_enabled;
  std::vector<ValueInput> schedule_switches;

  void report(const Site& site, std::string message, std::string found, std::string expected,
              std::string hint = {}) {
    diagnostics.add(Diagnostic{site.where, site.key_path, std::move(message), std::move(found),
                               std::move(expected), std::move(hint)});
  }
  // Like report, and remembers that the key has no usable value, so checks
  // across keys do not pile further errors on it.
  void reject(const Site& site, std::string message, std::string found, std::string expected,
              std::string hint = {}) {
    rejected.insert(site.key_path);
    report(site, std::move(message), std::move(found), std::move(expected), std::move(hint));
  }

  bool given(const std::string& path) const { return inputs.count(path) != 0; }
  bool usable(const std::string& path) const { return rejected.count(path) == 0; }
  std::optional<SourceLocation> value_location(const std::string& path) const {
    auto it = inputs.find(path);
    if (it == inputs.end()) return std::nullopt;
    return it->second.value_at;
  }
};

}  // namespace zhili::scenario_detail
