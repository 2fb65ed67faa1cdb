// The map: a grid of cells in structure-of-arrays form.
//
// Static fields (zone, capacity, rent) are set when the world is built; the
// per-step counts are rebuilt by the model each step. Cell index = y * width + x.
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/scenario.hpp"

namespace zhili {

struct CellGrid {
  int width = 0;
  int height = 0;
  double cell_km = 1.0;

  // Static (cold) per-cell data.
  std::vector<Zone> zone;
  std::vector<std::int32_t> capacity;  // simulated households the cell can house
  std::vector<float> rent;             // yuan per month per household

  // Per-step (hot) counts, rebuilt by the model: households by group.
  std::vector<std::int32_t> registered;  // registered residents (incl. settled migrants)
  std::vector<std::int32_t> migrants;    // migrant households (with or without permit)

  std::size_t size() const { return static_cast<std::size_t>(width) * height; }
  std::int32_t index(int x, int y) const { return y * width + x; }
  int x_of(std::int32_t cell) const { return cell % width; }
  int y_of(std::int32_t cell) const { return cell / width; }
  std::int32_t occupancy(std::int32_t cell) const { return registered[cell] + migrants[cell]; }
  std::int64_t total_capacity() const;
};

// A width x height grid, every cell rural until zoned, counts zeroed.
CellGrid empty_grid(int width, int height, double cell_km);

// Gives a cell its zone, and the zone's capacity and rent (world.capacity, world.rent).
void set_zone(CellGrid& g, std::int32_t cell, Zone z, const WorldSpec& spec);

}  // namespace zhili
