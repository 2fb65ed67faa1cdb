#include "world/grid.hpp"

namespace zhili {

std::int64_t CellGrid::total_capacity() const {
  std::int64_t total = 0;
  for (auto c : capacity) total += c;
  return total;
}

CellGrid empty_grid(int width, int height, double cell_km) {
  CellGrid g;
  g.width = width;
  g.height = height;
  g.cell_km = cell_km;
  const std::size_t n = g.size();
  g.zone.assign(n, Zone::rural);
  g.capacity.assign(n, 0);
  g.rent.assign(n, 0.0f);
  g.registered.assign(n, 0);
  g.migrants.assign(n, 0);
  return g;
}

void set_zone(CellGrid& g, std::int32_t cell, Zone z, const WorldSpec& spec) {
  const auto zi = static_cast<std::size_t>(z);
  g.zone[cell] = z;
  g.capacity[cell] = spec.capacity[zi];
  g.rent[cell] = static_cast<float>(spec.rent[zi]);
}

}  // namespace zhili
