#include "data/compare.hpp"

#include <algorithm>
#include <cmath>
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
      r.better = oa.spec.better;
      rows.push_back(std::move(r));
    }
  }
  order_headline_first(rows);
  return rows;
}

Meaning meaning_of(const OutcomeRow& r) {
  const double d = r.difference();
  if (!std::isfinite(d)) return Meaning::neither;
  if (d == 0) return Meaning::no_change;
  if (r.better == Better::neither) return Meaning::neither;
  return (d > 0) == (r.better == Better::higher) ? Meaning::better : Meaning::worse;
}

const ColourMap& difference_colours(Better better) {
  switch (better) {
    case Better::higher: return diverging_better_high();
    case Better::lower: return diverging();
    case Better::neither: break;
  }
  return diverging_neutral();
}

namespace {
const std::vector<std::string> kHeadlines = {
    "coverage",      "coverage_by_group", "coverage_gap", "trips_per_case", "one_trip_share",
    "conflict_rate", "active_share",      "clearance_rate", "urban_share",  "migrant_share",
    "service_cost",  "cost_per_case",     "social_cost"};
}  // namespace

std::size_t headline_rank(const std::string& name) {
  const auto it = std::find(kHeadlines.begin(), kHeadlines.end(), name);
  return static_cast<std::size_t>(it - kHeadlines.begin());
}

void order_headline_first(std::vector<OutcomeRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const OutcomeRow& x, const OutcomeRow& y) {
    return headline_rank(x.name) < headline_rank(y.name);
  });
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
