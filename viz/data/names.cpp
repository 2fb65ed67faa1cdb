#include "data/names.hpp"

#include <unordered_map>

namespace zhili::view {

namespace {
// "<kind>:<key>" -> entry, built once: the charts' list and the compare
// table look up a hundred names or more every frame.
void index_key(NameKind kind, std::string_view key, std::string& out) {
  out.assign(1, static_cast<char>('a' + static_cast<int>(kind)));
  out += ':';
  out += key;
}

const std::unordered_map<std::string, const NameEntry*>& name_index() {
  static const auto index = [] {
    std::unordered_map<std::string, const NameEntry*> m;
    std::string k;
    for (const NameEntry& e : name_table()) {
      index_key(e.kind, e.key, k);
      m.emplace(k, &e);
    }
    return m;
  }();
  return index;
}
}  // namespace

const NameEntry* find_name(NameKind kind, std::string_view key) {
  thread_local std::string probe;  // no allocation per lookup once it has grown
  index_key(kind, key, probe);
  const auto& index = name_index();
  const auto it = index.find(probe);
  return it == index.end() ? nullptr : it->second;
}

std::string unit_text(std::string_view unit, std::string_view step_unit, bool chinese) {
  const NameEntry* e = find_name(NameKind::unit, unit);
  if (!e) return std::string(unit);
  std::string out = chinese ? e->name.zh : e->name.en;
  const std::string_view step = step_unit == "week" ? (chinese ? "周" : "week") : (chinese ? "月" : "month");
  for (std::size_t at = out.find("{step}"); at != std::string::npos; at = out.find("{step}"))
    out.replace(at, 6, step);
  return out;
}

}  // namespace zhili::view
