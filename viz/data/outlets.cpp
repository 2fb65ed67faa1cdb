#include "data/outlets.hpp"

#include <algorithm>
#include <cmath>

namespace zhili::view {

namespace {
constexpr const char* kGroup = "outlets";
}  // namespace

std::vector<OutletMarker> outlets_at(RunData& run, double t) {
  std::vector<OutletMarker> out;
  const EntityGroupSpec* g = run.entity_group(kGroup);
  if (!g || !g->has_cells()) return out;
  out.reserve(g->names.size());
  for (std::size_t i = 0; i < g->names.size(); ++i) {
    OutletMarker m;
    m.name = g->names[i];
    m.kind = i < g->kinds.size() ? g->kinds[i] : "";
    m.x = g->x[i];
    m.y = g->y[i];
    m.arrivals = run.entity_value_at(kGroup, "arrivals", i, t);
    m.served = run.entity_value_at(kGroup, "served", i, t);
    m.balked = run.entity_value_at(kGroup, "balked", i, t);
    m.queue = run.entity_value_at(kGroup, "queue", i, t);
    m.utilisation = run.entity_value_at(kGroup, "utilisation", i, t);
    out.push_back(std::move(m));
  }
  return out;
}

float marker_radius(const OutletMarker& m, MarkerSize size, double run_max_queue, float min_px, float max_px) {
  double share = 0.0;
  if (size == MarkerSize::queue) share = run_max_queue > 0.0 ? m.queue / run_max_queue : 0.0;
  else share = m.utilisation;
  if (!std::isfinite(share)) share = 0.0;
  share = std::clamp(share, 0.0, 1.0);
  // Area, not radius, proportional to the value: the eye compares areas.
  return min_px + (max_px - min_px) * static_cast<float>(std::sqrt(share));
}

}  // namespace zhili::view
