// CSV rasters: one map row per line (the first row is y = 0), integers
// separated by commas, spaces around them allowed; blank lines and '#'
// comments (to the end of the line) are skipped. Positions are the line and
// the column of the text (1-based, in bytes) where the value starts.
#include <string>

#include "world/map_raster.hpp"
#include "world/raster_read.hpp"

namespace zhili::raster_detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s, std::size_t& offset) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  offset = b;
  return s.substr(b, e - b);
}

std::string values_text(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " value" : " values");
}

}  // namespace

ZoneImage read_csv(std::string_view text, RasterReport& report) {
  ZoneImage img;
  int first_row_line = 0;
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a UTF-8 byte-order mark, as some editors write
  std::size_t line_start = pos;
  for (int line_no = 1; pos <= text.size(); ++line_no) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    const std::size_t column_base = pos - line_start;  // the BOM takes no column
    line_start = nl + 1;
    pos = nl + 1;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    std::size_t ignored = 0;
    if (trim(line, ignored).empty()) continue;

    const int y = img.height;
    if (y == kMaxSide) {
      report.error(line_no, 1, raster_error::kTooLarge, "more than " + std::to_string(kMaxSide) + " rows",
                   "at most " + std::to_string(kMaxSide) + " rows and columns");
      return img;
    }
    std::size_t x = 0;
    int extra_column = 0;  // where a row longer than the first one goes beyond it
    for (std::size_t start = 0;; ++x) {
      const std::size_t comma = line.find(',', start);
      const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
      std::size_t offset = 0;
      const std::string_view field = trim(line.substr(start, end - start), offset);
      const int column = static_cast<int>(column_base + start + offset + 1);
      if (y == 0 && x == static_cast<std::size_t>(kMaxSide)) {
        report.error(line_no, column, raster_error::kTooLarge,
                     "more than " + std::to_string(kMaxSide) + " values in a row",
                     "at most " + std::to_string(kMaxSide) + " rows and columns");
        return img;
      }
      if (y > 0 && x == static_cast<std::size_t>(img.width)) extra_column = column;
      const auto zone = report.zone_of(field, line_no, column, static_cast<int>(x), y);
      if (y == 0 || x < static_cast<std::size_t>(img.width))
        img.zone.push_back(zone.value_or(Zone::rural));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    const std::size_t count = x + 1;
    if (y == 0) {
      img.width = static_cast<int>(count);
      first_row_line = line_no;
    } else if (count != static_cast<std::size_t>(img.width)) {
      // Short rows at the end of the line, long ones at the first value too many.
      const bool short_row = count < static_cast<std::size_t>(img.width);
      report.error(line_no,
                   short_row ? static_cast<int>(column_base + line.size() + 1) : extra_column,
                   raster_error::kRaggedRow, values_text(count),
                   values_text(img.width) + ", as in the first row (line " +
                       std::to_string(first_row_line) + ")");
      if (short_row) img.zone.resize(img.zone.size() + (img.width - count), Zone::rural);
    }
    ++img.height;
  }
  if (img.height == 0) {
    report.error(0, 0, raster_error::kEmpty, "no row of values",
                 "one map row per line: integers separated by commas");
  }
  return img;
}

}  // namespace zhili::raster_detail
