// Pareto fronts: the design points no other point beats on every objective.
#pragma once

#include <vector>

namespace zhili::analyze {

// objectives[p][m]: objective m of point p, every one to be minimised (negate
// one to be maximised). Point p is on the front when no q is at least as good
// on every objective and strictly better on one. A point with a NaN objective
// is never on the front and dominates nothing. O(P² M): design sizes are small.
std::vector<bool> pareto_front(const std::vector<std::vector<double>>& objectives);

}  // namespace zhili::analyze
