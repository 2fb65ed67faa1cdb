#include "world/map_generator.hpp"

#include <cmath>

#include "core/rng.hpp"

namespace zhili {

std::int64_t CellGrid::total_capacity() const {
  std::int64_t total = 0;
  for (auto c : capacity) total += c;
  return total;
}

CellGrid generate_monocentric(const WorldSpec& spec, std::uint64_t seed) {
  CellGrid g;
  g.width = spec.width;
  g.height = spec.height;
  g.cell_km = spec.cell_km;
  const std::size_t n = g.size();
  g.zone.resize(n);
  g.capacity.resize(n);
  g.rent.resize(n);
  g.registered.assign(n, 0);
  g.migrants.assign(n, 0);

  const auto& gen = spec.generator;
  for (int y = 0; y < g.height; ++y) {
    for (int x = 0; x < g.width; ++x) {
      const std::int32_t c = g.index(x, y);
      // Distance between cell centres, in km.
      const double d = std::hypot(x - gen.centre.x, y - gen.centre.y) * spec.cell_km;
      Zone z = Zone::rural;
      if (d <= gen.core_radius_km) {
        z = Zone::urban_core;
      } else if (d <= gen.fringe_radius_km) {
        const double u = CounterRng(seed, Stream::world_generation, 0, static_cast<std::uint64_t>(c)).uniform();
        z = u < gen.urban_village_share ? Zone::urban_village : Zone::fringe;
      } else if (d <= gen.suburb_radius_km) {
        z = Zone::suburb;
      }
      const auto zi = static_cast<std::size_t>(z);
      g.zone[c] = z;
      g.capacity[c] = spec.capacity[zi];
      g.rent[c] = static_cast<float>(spec.rent[zi]);
    }
  }
  return g;
}

}  // namespace zhili
