#include "analyze/cost_effectiveness.hpp"

#include <cmath>
#include <utility>

namespace zhili::analyze {

Difference welch_difference(const MeanStats& a, const MeanStats& b, double level) {
  Difference d;
  d.mean = a.mean - b.mean;
  if (a.n < 2 || b.n < 2) {
    d.ci = {NAN, NAN};
    return d;
  }
  const double va = a.sd * a.sd / a.n, vb = b.sd * b.sd / b.n;
  const double se = std::sqrt(va + vb);
  if (se == 0.0) {
    d.ci = {d.mean, d.mean};
    return d;
  }
  const double df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  const double t = student_t_quantile(0.5 + level / 2.0, df);
  d.ci = {d.mean - t * se, d.mean + t * se};
  return d;
}

std::vector<CostEffectRow> cost_effectiveness(const std::vector<std::vector<MeanStats>>& points,
                                              const std::vector<std::string>& outcome_names,
                                              const std::vector<int>& outcomes, int budget_index, int reference,
                                              double level) {
  std::vector<CostEffectRow> rows;
  const auto& ref = points[static_cast<std::size_t>(reference)];
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (static_cast<int>(p) == reference) continue;
    const double budget = points[p][static_cast<std::size_t>(budget_index)].mean -
                          ref[static_cast<std::size_t>(budget_index)].mean;
    for (const int o : outcomes) {
      const auto k = static_cast<std::size_t>(o);
      const Difference d = welch_difference(points[p][k], ref[k], level);
      CostEffectRow r{static_cast<int>(p), outcome_names[k], budget, d.mean, d.ci, NAN, {NAN, NAN}};
      if (std::isfinite(budget) && budget != 0.0) {
        const double millions = budget / 1e6;
        r.per_million = d.mean / millions;
        r.per_million_ci = {d.ci.lo / millions, d.ci.hi / millions};
        if (millions < 0) std::swap(r.per_million_ci.lo, r.per_million_ci.hi);
      }
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

}  // namespace zhili::analyze
