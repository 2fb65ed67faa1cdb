#include "world/map_raster.hpp"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>

#include "core/read_file.hpp"
#include "scenario/load.hpp"
#include "world/raster_read.hpp"

namespace zhili {

namespace raster_detail {

namespace {

constexpr const char* kKey = "world.raster";
constexpr std::size_t kMaxFoundChars = 40;  // one diagnostic stays one readable line

std::string shown(std::string_view text) {
  if (text.empty()) return "an empty value";
  std::string out;
  for (char c : text.substr(0, kMaxFoundChars)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? '?' : c;
  }
  return text.size() > kMaxFoundChars ? out + "..." : out;
}

std::string cell_text(int x, int y) {
  return "cell [" + std::to_string(x) + ", " + std::to_string(y) + "]";
}

}  // namespace

RasterReport::RasterReport(std::string file, const RasterSpec& spec)
    : file_(std::move(file)), spec_(spec) {
  constexpr std::size_t kListed = 12;
  std::size_t n = 0;
  for (const auto& [value, zone] : spec.legend) {
    if (n++ == kListed) {
      legend_values_ += ", ...";
      break;
    }
    legend_values_ += (legend_values_.empty() ? "" : ", ") + std::to_string(value);
  }
}

void RasterReport::error(int line, int column, const char* message, std::string found,
                         std::string expected, std::string hint) {
  const SourceLocation where{file_, line, column};
  if (total_++ == kMaxRasterErrors) first_dropped_ = where;
  if (total_ > kMaxRasterErrors) return;
  kept_.add(Diagnostic{where, kKey, message, std::move(found), std::move(expected),
                       std::move(hint)});
}

std::optional<Zone> RasterReport::zone_of(std::string_view text, int line, int column, int x,
                                          int y) {
  if (auto v = parse_cell_value(text)) return zone_of(*v, line, column, x, y);
  error(line, column, raster_error::kNotInteger, shown(text) + " at " + cell_text(x, y),
        "an integer cell value");
  return std::nullopt;
}

std::optional<Zone> RasterReport::zone_of(std::int64_t value, int line, int column, int x, int y) {
  auto it = spec_.legend.find(static_cast<std::int32_t>(value));
  if (it != spec_.legend.end() && it->first == value) return it->second;
  error(line, column, raster_error::kNotInLegend, std::to_string(value) + " at " + cell_text(x, y),
        "a value of world.raster.legend: " + legend_values_);
  return std::nullopt;
}

Diagnostics RasterReport::take() {
  Diagnostics out = std::move(kept_);
  if (total_ > kMaxRasterErrors) {
    out.add(Diagnostic{first_dropped_, kKey,
                       "... and " + std::to_string(total_ - kMaxRasterErrors) +
                           " more errors from here on (not shown)",
                       "", "", ""});
  }
  kept_ = {};
  return out;
}

std::optional<std::int64_t> parse_cell_value(std::string_view text) {
  // from_chars reads a leading '-' but not '+'; neither may be followed by another sign.
  const bool plus = !text.empty() && text[0] == '+';
  if (plus) text.remove_prefix(1);
  if (text.empty() || text[0] == '+' || (plus && text[0] == '-')) return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace raster_detail

namespace {

using namespace raster_detail;


bool is_pgm(const RasterSpec& r) {
  if (r.format != RasterFormat::automatic) return r.format == RasterFormat::pgm;
  const auto dot = r.path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : r.path.substr(dot);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pgm";
}

// A size given in the scenario must be the raster's.
void check_size(const Scenario& s, const ZoneImage& img, Diagnostics& d) {
  const struct {
    const char* key;
    int given;
    int found;
    const char* side;
  } sides[] = {{"world.width", s.world.width, img.width, "width"},
               {"world.height", s.world.height, img.height, "height"}};
  for (const auto& side : sides) {
    if (side.given == 0 || side.found == 0 || side.given == side.found) continue;
    d.add(Diagnostic{key_location(s, side.key), side.key, raster_error::kSizeMismatch,
                     std::to_string(side.given),
                     "the raster's " + std::string(side.side) + ", " + std::to_string(side.found) +
                         " cells (" + s.world.raster.path + ")",
                     "leave world.width and world.height out to take the raster's size"});
  }
}

}  // namespace

CellGrid load_raster_map(const Scenario& s) {
  const RasterSpec& spec = s.world.raster;
  std::string bytes;
  if (const std::string why = read_whole_file(spec.path, bytes); !why.empty()) {
    Diagnostics d;
    d.add(Diagnostic{key_location(s, "world.raster.path"), "world.raster.path",
                     std::string(raster_error::kUnreadable) + ": " + why, spec.path,
                     "", ""});
    throw ScenarioError(std::move(d));
  }
  RasterReport report(spec.path, spec);
  const ZoneImage img = is_pgm(spec) ? read_pgm(bytes, report) : read_csv(bytes, report);
  Diagnostics d = report.take();
  check_size(s, img, d);
  if (!d.empty()) throw ScenarioError(std::move(d));

  CellGrid g = empty_grid(img.width, img.height, s.world.cell_km);
  for (std::size_t c = 0; c < g.size(); ++c)
    set_zone(g, static_cast<std::int32_t>(c), img.zone[c], s.world);
  return g;
}

}  // namespace zhili
