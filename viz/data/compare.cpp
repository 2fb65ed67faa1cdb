#include "data/compare.hpp"

#include <stdexcept>

namespace zhili::view {

std::vector<OutcomeRow> compare_outcomes(RunData& a, RunData& b, double t) {
  std::vector<OutcomeRow> rows;
  for (const auto& oa : a.observables()) {
    const SeriesInfo* ob = b.find_observable(oa.spec.name);
    // Same name but another unit or breakdown (a newer model version) would
    // compare unlike quantities: leave it out.
    if (!ob || ob->spec.unit != oa.spec.unit || ob->spec.labels != oa.spec.labels) continue;
    for (std::size_t c = 0; c < oa.spec.width(); ++c) {
      OutcomeRow r;
      r.name = oa.spec.name;
      r.label = oa.spec.labels.empty() ? "" : oa.spec.labels[c];
      r.unit = oa.spec.unit;
      r.a = a.value_at(oa.spec.name, c, t);
      r.b = b.value_at(oa.spec.name, c, t);
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

std::vector<float> map_difference(std::span<const float> a, std::span<const float> b) {
  if (a.size() != b.size())
    throw std::invalid_argument("maps of different sizes (" + std::to_string(a.size()) + " and " +
                                std::to_string(b.size()) + " cells) cannot be compared");
  std::vector<float> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = b[i] - a[i];  // NaN propagates
  return d;
}

}  // namespace zhili::view
