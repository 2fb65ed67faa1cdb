#include "world/map_generator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "core/rng.hpp"

namespace zhili {

namespace {

// Zones by weighted distance to the nearest centre. With one centre of weight
// 1 this is the monocentric map, bit for bit (d / 1.0 == d).
CellGrid generate_centred(const WorldSpec& spec, std::span<const CityCentre> centres,
                          std::uint64_t seed) {
  CellGrid g = empty_grid(spec.width, spec.height, spec.cell_km);
  const auto& gen = spec.generator;
  for (int y = 0; y < g.height; ++y) {
    for (int x = 0; x < g.width; ++x) {
      const std::int32_t c = g.index(x, y);
      // Distance between cell centres, in km, over the centre's weight.
      double d = std::numeric_limits<double>::infinity();
      for (const auto& centre : centres)
        d = std::min(d, std::hypot(x - centre.at.x, y - centre.at.y) * spec.cell_km / centre.weight);
      Zone z = Zone::rural;
      if (d <= gen.core_radius_km) {
        z = Zone::urban_core;
      } else if (d <= gen.fringe_radius_km) {
        const double u =
            CounterRng(seed, Stream::world_generation, 0, static_cast<std::uint64_t>(c)).uniform();
        z = u < gen.urban_village_share ? Zone::urban_village : Zone::fringe;
      } else if (d <= gen.suburb_radius_km) {
        z = Zone::suburb;
      }
      set_zone(g, c, z, spec);
    }
  }
  return g;
}

}  // namespace

CellGrid generate_monocentric(const WorldSpec& spec, std::uint64_t seed) {
  const CityCentre only{spec.generator.centre, 1.0};
  return generate_centred(spec, {&only, 1}, seed);
}

CellGrid generate_polycentric(const WorldSpec& spec, std::uint64_t seed) {
  return generate_centred(spec, spec.generator.centres, seed);
}

}  // namespace zhili
