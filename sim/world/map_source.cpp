#include "world/map_source.hpp"

#include "world/map_generator.hpp"
#include "world/map_raster.hpp"

namespace zhili {

CellGrid make_map(const Scenario& s) {
  if (!s.world.raster.path.empty()) return load_raster_map(s);
  switch (s.world.generator.kind) {
    case MapKind::polycentric:
      return generate_polycentric(s.world, s.run.seed);
    case MapKind::monocentric:
      break;
  }
  return generate_monocentric(s.world, s.run.seed);
}

}  // namespace zhili
