#include "analyze/pareto.hpp"

#include <cmath>

namespace zhili::analyze {

namespace {

bool has_nan(const std::vector<double>& v) {
  for (double x : v)
    if (std::isnan(x)) return true;
  return false;
}

bool dominates(const std::vector<double>& q, const std::vector<double>& p) {
  bool strictly = false;
  for (std::size_t m = 0; m < p.size(); ++m) {
    if (q[m] > p[m]) return false;
    strictly = strictly || q[m] < p[m];
  }
  return strictly;
}

}  // namespace

std::vector<bool> pareto_front(const std::vector<std::vector<double>>& objectives) {
  std::vector<bool> front(objectives.size(), false);
  for (std::size_t p = 0; p < objectives.size(); ++p) {
    if (has_nan(objectives[p])) continue;
    bool beaten = false;
    for (std::size_t q = 0; q < objectives.size() && !beaten; ++q)
      beaten = q != p && !has_nan(objectives[q]) && dominates(objectives[q], objectives[p]);
    front[p] = !beaten;
  }
  return front;
}

}  // namespace zhili::analyze
