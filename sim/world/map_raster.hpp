// Maps drawn by a planner: a raster file (CSV or PGM) of cell values, mapped
// to zones by world.raster.legend; capacity and rent follow the zone as on a
// generated map. Row 0 of the file is y = 0. docs/SCENARIOS.md ("Maps:
// generated or drawn") describes the formats.
//
// Every problem in the file is reported, up to kMaxRasterErrors and then one
// "... and N more errors" entry, as a ScenarioError: each names the raster
// file, the position (line and column of the text for CSV and for a PGM
// header; pixel row and column for PGM pixels, all 1-based), the cell and the
// value at fault.
#pragma once

#include <cstddef>

#include "scenario/scenario.hpp"
#include "world/grid.hpp"

namespace zhili {

// The fixed wording of each class of raster error (Diagnostic::message).
namespace raster_error {
inline constexpr const char* kNotInLegend = "value not in the legend";
inline constexpr const char* kNotInteger = "not an integer";
inline constexpr const char* kRaggedRow = "ragged row";
inline constexpr const char* kEmpty = "empty raster";
inline constexpr const char* kTruncated = "truncated PGM";
inline constexpr const char* kMalformedPgm = "malformed PGM";
inline constexpr const char* kTooLarge = "raster too large";
inline constexpr const char* kUnreadable = "cannot read file";  // + ": REASON"
inline constexpr const char* kSizeMismatch = "inconsistent values";  // world.width/height
}  // namespace raster_error

inline constexpr std::size_t kMaxRasterErrors = 20;

// The map of s.world.raster (whose path is not ""). The map's size is the
// raster's; world.width and world.height, when not 0, must equal it.
CellGrid load_raster_map(const Scenario& s);

}  // namespace zhili
