// Zones of map cells and cell coordinates: what the map, the schedule's
// renewal projects and the outputs name cells by.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace zhili {

// Zone types of map cells, from the generator or a raster (below).
enum class Zone : std::uint8_t { urban_core, fringe, urban_village, suburb, rural, count };
inline constexpr std::size_t kZoneCount = static_cast<std::size_t>(Zone::count);
inline constexpr std::array<const char*, kZoneCount> kZoneNames{
    "urban_core", "fringe", "urban_village", "suburb", "rural"};

// A map cell by column and row, 0-based.
struct CellXY {
  int x = 0;
  int y = 0;
};

}  // namespace zhili
