// resolved_yaml: the scenario as it will run, written from the schema table
// so that no key can be forgotten, in the nesting a planner writes by hand.
#include <string_view>

#include "scenario/detail/key_rules.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t dot; (dot = path.find('.', begin)) != std::string::npos; begin = dot + 1)
    parts.push_back(path.substr(begin, dot - begin));
  parts.push_back(path.substr(begin));
  return parts;
}

std::string indent(std::size_t depth) { return std::string(2 * depth, ' '); }

void write_value(std::string& out, std::size_t depth, const std::string& value, bool block_list) {
  if (!block_list) {
    out += " " + value + "\n";
    return;
  }
  if (value.empty()) {
    out += " []\n";
    return;
  }
  out += "\n";
  std::size_t begin = 0;
  for (std::size_t nl; (nl = value.find('\n', begin)) != std::string::npos; begin = nl + 1)
    out += indent(depth + 1) + "- " + value.substr(begin, nl - begin) + "\n";
}

}  // namespace

std::string resolved_yaml(const Scenario& s) {
  std::string out =
      "# Resolved scenario: every key with the value in force (defaults filled in,\n"
      "# overrides applied, run.end turned into run.steps). Loading it gives the same run.\n";
  if (!s.source_path.empty()) out += "# source: " + s.source_path + "\n";
  for (const auto& o : s.overrides) out += "# --set " + o + "\n";

  std::vector<std::string> open;  // sections written and still open, outermost first
  for (const auto& rule : scenario_detail::key_rules()) {
    if (!rule.emit || (rule.applies && !rule.applies(s))) continue;
    const std::vector<std::string> parts = split_path(rule.doc.path);
    std::size_t shared = 0;
    while (shared < open.size() && shared + 1 < parts.size() && open[shared] == parts[shared])
      ++shared;
    if (shared == 0) out += "\n";  // a blank line between top-level sections
    open.resize(shared);
    for (std::size_t d = shared; d + 1 < parts.size(); ++d) {
      out += indent(d) + parts[d] + ":\n";
      open.push_back(parts[d]);
    }
    out += indent(parts.size() - 1) + parts.back() + ":";
    write_value(out, parts.size() - 1, rule.emit(s), rule.emit_block_list);
  }
  return out;
}

}  // namespace zhili
