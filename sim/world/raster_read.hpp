// Internals of reading raster maps: the image of zones a reader fills and the
// report that collects its errors. One reader per format (raster_csv.cpp,
// raster_pgm.cpp); map_raster.cpp picks one and builds the grid.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace zhili::raster_detail {

inline constexpr int kMaxSide = 10'000;  // cells, as world.width and world.height

struct ZoneImage {
  int width = 0;
  int height = 0;
  std::vector<Zone> zone;  // row-major, row 0 = y 0; complete only when nothing was reported
};

class RasterReport {
 public:
  RasterReport(std::string file, const RasterSpec& spec);

  // An error at (line, column) of the raster file; 0 when there is no position.
  void error(int line, int column, const char* message, std::string found, std::string expected,
             std::string hint = {});
  // The zone of the value written as `text` for cell (x, y), found at (line,
  // column); an error (not an integer, not in the legend) and nullopt if none.
  std::optional<Zone> zone_of(std::string_view text, int line, int column, int x, int y);
  std::optional<Zone> zone_of(std::int64_t value, int line, int column, int x, int y);

  const std::string& file() const { return file_; }
  bool any() const { return total_ > 0; }
  // The errors reported, at most kMaxRasterErrors and then "... and N more".
  Diagnostics take();

 private:
  std::string file_;
  const RasterSpec& spec_;
  std::string legend_values_;  // "0, 1, 2, 3, 4"
  Diagnostics kept_;
  std::size_t total_ = 0;
  SourceLocation first_dropped_;
};

// Decimal integer text ("-3", "+7", "12"); nullopt for anything else.
std::optional<std::int64_t> parse_cell_value(std::string_view text);

ZoneImage read_csv(std::string_view text, RasterReport& report);
ZoneImage read_pgm(std::string_view bytes, RasterReport& report);

}  // namespace zhili::raster_detail
