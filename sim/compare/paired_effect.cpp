#include "compare/paired_effect.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "analyze/stats.hpp"

namespace zhili::compare {

PairedEffect paired_effect(std::span<const double> base, std::span<const double> variant, double level) {
  if (base.size() != variant.size()) throw std::invalid_argument("paired_effect: unpaired replicates");
  std::vector<double> b, v, d;
  for (std::size_t r = 0; r < base.size(); ++r) {
    if (std::isnan(base[r]) || std::isnan(variant[r])) continue;
    b.push_back(base[r]);
    v.push_back(variant[r]);
    d.push_back(variant[r] - base[r]);
  }
  PairedEffect e;
  e.pairs = static_cast<int>(d.size());
  if (d.empty()) {
    e.base_mean = e.variant_mean = e.effect = e.low = e.high = e.same_sign = NAN;
    return e;
  }
  e.base_mean = analyze::mean_stats(b, level).mean;
  e.variant_mean = analyze::mean_stats(v, level).mean;
  const auto diff = analyze::mean_stats(d, level);
  e.effect = diff.mean;
  // Every difference equal: no spread, the interval is the point (mean_stats'
  // sd of equal values can be a rounding error away from 0).
  bool constant = true;
  for (const double x : d) constant = constant && x == d.front();
  if (constant) {
    e.effect = d.front();
    e.low = e.high = d.size() > 1 ? e.effect : NAN;
  } else {
    e.low = diff.ci.lo;
    e.high = diff.ci.hi;
  }
  int same = 0;
  for (const double x : d) same += (e.effect > 0 && x > 0) || (e.effect < 0 && x < 0) || (e.effect == 0 && x == 0);
  e.same_sign = static_cast<double>(same) / static_cast<double>(d.size());
  return e;
}

}  // namespace zhili::compare
