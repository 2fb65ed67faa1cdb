#include "scenario/schema.hpp"

#include "scenario/detail/key_rules.hpp"

namespace zhili {

const std::vector<KeyDoc>& schema_keys() {
  static const std::vector<KeyDoc> docs = [] {
    std::vector<KeyDoc> out;
    for (const auto& rule : scenario_detail::key_rules()) {
      out.push_back(rule.doc);
      out.insert(out.end(), rule.part_docs.begin(), rule.part_docs.end());
    }
    return out;
  }();
  return docs;
}

}  // namespace zhili
