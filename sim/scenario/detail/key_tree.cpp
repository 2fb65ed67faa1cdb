#include "scenario/detail/key_tree.hpp"

#include <algorithm>

#include "scenario/suggest.hpp"

namespace zhili::scenario_detail {

namespace {
std::string last_part(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}
}  // namespace

std::string join_path(const std::string& section, const std::string& name) {
  return section.empty() ? name : section + "." + name;
}

KeyTree::KeyTree(const std::vector<std::string>& leaf_paths) {
  sections_.insert("");
  leaf_order_ = leaf_paths;
  for (const auto& path : leaf_paths) {
    leaves_.insert(path);
    for (auto dot = path.find('.'); dot != std::string::npos; dot = path.find('.', dot + 1))
      sections_.insert(path.substr(0, dot));
  }
}

std::string KeyTree::enclosing_section(const std::string& path) const {
  for (auto dot = path.rfind('.'); dot != std::string::npos && dot > 0;
       dot = path.rfind('.', dot - 1)) {
    if (is_section(path.substr(0, dot))) return path.substr(0, dot);
  }
  return "";
}

std::string KeyTree::suggestion(const std::string& section, const std::string& name,
                                bool full_paths) const {
  // Everything below the section, relative to it: a dotted name such as
  // "hukou.opennes" under policy is compared with "hukou.openness".
  const std::string prefix = section.empty() ? "" : section + ".";
  std::vector<std::string> below;
  auto collect = [&](const std::set<std::string>& paths) {
    for (const auto& p : paths)
      if (!p.empty() && p.size() > prefix.size() && p.compare(0, prefix.size(), prefix) == 0)
        below.push_back(p.substr(prefix.size()));
  };
  collect(leaves_);
  collect(sections_);
  if (auto close = closest_match(name, below))
    return did_you_mean({full_paths ? join_path(section, *close) : *close});

  std::vector<std::string> elsewhere;
  const std::string wanted = last_part(name);
  for (const auto& leaf : leaves_)
    if (last_part(leaf) == wanted) elsewhere.push_back(leaf);
  if (elsewhere.size() > 3) elsewhere.resize(3);
  return did_you_mean(elsewhere);
}

std::string KeyTree::lever_hint(const std::string& path) const {
  const std::string lever = "policy." + path;
  if (path.rfind("policy.", 0) == 0 || (!is_leaf(lever) && !is_section(lever))) return {};
  return "levers are set under policy: did you mean '" + lever + "'?";
}

std::string KeyTree::known_keys_hint(const std::string& section, bool full_paths) const {
  constexpr std::size_t kMaxListed = 12;
  const std::string prefix = section.empty() ? "" : section + ".";
  std::vector<std::string> values, children;
  for (const auto& leaf : leaf_order_) {
    if (leaf.compare(0, prefix.size(), prefix) != 0 || leaf.size() <= prefix.size()) continue;
    const std::string rel = leaf.substr(prefix.size());
    values.push_back(rel);
    const std::string child = rel.substr(0, rel.find('.'));
    if (std::find(children.begin(), children.end(), child) == children.end())
      children.push_back(child);
  }
  const std::vector<std::string>& listed = values.size() <= kMaxListed ? values : children;
  if (listed.empty()) return {};
  std::string out = "keys here are ";
  for (std::size_t i = 0; i < listed.size(); ++i)
    out += (i ? ", " : "") + (full_paths ? join_path(section, listed[i]) : listed[i]);
  return out;
}

}  // namespace zhili::scenario_detail
