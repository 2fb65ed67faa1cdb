// The shape of a set of dotted key paths: which paths are values (leaves) and
// which are sections holding them. Used to check the keys of the scenario file
// and the lever names in schedule entries, and to suggest the key meant.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace zhili::scenario_detail {

class KeyTree {
 public:
  explicit KeyTree(const std::vector<std::string>& leaf_paths);

  bool is_leaf(const std::string& path) const { return leaves_.count(path) != 0; }
  // "" is the root section; "world.generator" is a section of "world.generator.centre".
  bool is_section(const std::string& path) const { return sections_.count(path) != 0; }

  // The longest section that is a proper prefix of `path` ("" when none).
  std::string enclosing_section(const std::string& path) const;

  // Hint for an unknown key `name` written inside `section`: the nearest key
  // of that section by spelling, else keys elsewhere with the same last part
  // (full paths, so the reader sees where it belongs); "" when nothing fits.
  // With `full_paths`, keys of the section are named by full path too.
  std::string suggestion(const std::string& section, const std::string& name,
                         bool full_paths = false) const;

  // "keys here are a, b, c": the keys of `section` (values, or sub-sections
  // when it holds many values), for an unknown key with no likely spelling.
  std::string known_keys_hint(const std::string& section, bool full_paths = false) const;

  // For a key written outside `policy:` that is a lever path there
  // ("services.online.registration" for policy.services.online.registration):
  // a hint naming the lever; "" otherwise.
  std::string lever_hint(const std::string& path) const;

 private:
  std::set<std::string> leaves_;
  std::set<std::string> sections_;
  std::vector<std::string> leaf_order_;  // as given: the order people read them in
};

std::string join_path(const std::string& section, const std::string& name);

}  // namespace zhili::scenario_detail
