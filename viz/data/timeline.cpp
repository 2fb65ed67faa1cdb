#include "data/timeline.hpp"

#include <algorithm>

namespace zhili::view {

std::int64_t row_at(std::span<const double> times, double t) {
  const auto it = std::upper_bound(times.begin(), times.end(), t);
  return static_cast<std::int64_t>(it - times.begin()) - 1;
}

CommonTimeline::CommonTimeline(const std::vector<std::span<const double>>& runs) {
  for (const auto& r : runs) times_.insert(times_.end(), r.begin(), r.end());
  std::sort(times_.begin(), times_.end());
  // Two runs on the same calendar store bit-identical times for the same date
  // (same formula), so exact equality merges them.
  times_.erase(std::unique(times_.begin(), times_.end()), times_.end());
}

std::size_t CommonTimeline::index_at(double t) const {
  const std::int64_t r = row_at(times_, t);
  return r < 0 ? 0 : static_cast<std::size_t>(r);
}

}  // namespace zhili::view
