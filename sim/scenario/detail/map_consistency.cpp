#include "scenario/detail/map_consistency.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <tuple>

#include "scenario/messages.hpp"
#include "scenario/detail/scalar_read.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr const char* kPath = "world.raster.path";
constexpr const char* kCentre = "world.generator.centre";
constexpr const char* kCentres = "world.generator.centres";

Site site_at(const LoadContext& ctx, const std::string& path) {
  if (auto at = ctx.value_location(path)) return {path, *at};
  return {path, {ctx.scenario.source_path, 0, 0}};
}

std::string line_of(const LoadContext& ctx, const std::string& path) {
  const auto at = ctx.value_location(path);
  if (!at || at->line == 0) return path;
  return path + " (" + at->file + " line " + std::to_string(at->line) + ")";
}

// The world.generator keys given, first written first.
std::vector<std::string> given_generator_keys(const LoadContext& ctx) {
  std::vector<std::string> keys;
  for (const auto& [path, in] : ctx.inputs)
    if (path.rfind("world.generator.", 0) == 0) keys.push_back(path);
  std::sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
    const auto& x = ctx.inputs.at(a).value_at;
    const auto& y = ctx.inputs.at(b).value_at;
    return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
  });
  return keys;
}

void resolve_format(LoadContext& ctx) {
  RasterSpec& raster = ctx.scenario.world.raster;
  if (raster.format != RasterFormat::automatic || !ctx.usable("world.raster.format")) return;
  std::string ext = std::filesystem::path(raster.path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv") {
    raster.format = RasterFormat::csv;
  } else if (ext == ".pgm") {
    raster.format = RasterFormat::pgm;
  } else {
    ctx.reject(site_at(ctx, kPath), kInvalidValue, raster.path,
               "a file ending in .csv or .pgm, or world.raster.format: csv | pgm",
               "the format is taken from the extension unless world.raster.format gives it");
  }
}

void check_drawn_map(LoadContext& ctx) {
  const auto generator_keys = given_generator_keys(ctx);
  if (!generator_keys.empty()) {
    ctx.report(site_at(ctx, kPath), kInconsistent,
               "both world.raster.path and " + line_of(ctx, generator_keys.front()),
               "one of them",
               "a map is either generated (world.generator) or drawn (world.raster); remove "
               "the one not wanted");
  }
  resolve_format(ctx);
  // A size not given is the raster's, known when the file is read.
  WorldSpec& w = ctx.scenario.world;
  if (!ctx.given("world.width")) w.width = 0;
  if (!ctx.given("world.height")) w.height = 0;
}

// world.raster.format or .legend without a file to describe.
void check_raster_keys_unused(LoadContext& ctx) {
  for (const char* key : {"world.raster.format", "world.raster.legend"}) {
    if (!ctx.given(key)) continue;
    ctx.report({kPath, *ctx.value_location(key)}, kMissingKey, "",
               "world.raster.path: FILE, which " + std::string(key) + " describes",
               "without world.raster.path the map is generated (world.generator)");
  }
}

void check_centres_on_map(LoadContext& ctx) {
  const WorldSpec& w = ctx.scenario.world;
  if (!ctx.usable(kCentres) || !ctx.usable("world.width") || !ctx.usable("world.height")) return;
  const auto& centres = w.generator.centres;
  for (std::size_t i = 0; i < centres.size(); ++i) {
    const CellXY c = centres[i].at;
    if (c.x >= 0 && c.x < w.width && c.y >= 0 && c.y < w.height) continue;
    const std::string path = std::string(kCentres) + "[" + std::to_string(i) + "].at";
    auto it = ctx.scenario.key_locations.find(path);
    const SourceLocation where = it != ctx.scenario.key_locations.end()
                                     ? it->second
                                     : site_at(ctx, kCentres).where;
    ctx.report({path, where}, kOutsideMap, pair_text(std::to_string(c.x), std::to_string(c.y)),
               "a cell inside the " + std::to_string(w.width) + " x " + std::to_string(w.height) +
                   " map: 0 <= x < " + std::to_string(w.width) + ", 0 <= y < " +
                   std::to_string(w.height));
  }
}

void check_generated_map(LoadContext& ctx) {
  if (!ctx.usable("world.generator.kind")) return;
  const MapGeneratorSpec& g = ctx.scenario.world.generator;
  if (g.kind == MapKind::monocentric) {
    if (ctx.given(kCentres))
      ctx.reject(site_at(ctx, kCentres), kInconsistent,
                 "world.generator.centres with kind monocentric",
                 "world.generator.centre: [x, y], or kind: polycentric",
                 "world.generator.centre is the one centre of a monocentric city; "
                 "world.generator.centres lists the centres of a polycentric one");
    return;
  }
  if (ctx.given(kCentre))
    ctx.report(site_at(ctx, kCentre), kInconsistent,
               "world.generator.centre with kind polycentric",
               "world.generator.centres: [{at: [x, y], weight: w}, ...]",
               "world.generator.centre is the one centre of a monocentric city; "
               "world.generator.centres lists the centres of a polycentric one");
  if (ctx.usable(kCentres) && g.centres.empty()) {
    const Site site = ctx.given(kCentres) ? site_at(ctx, kCentres)
                                          : Site{kCentres, site_at(ctx, "world.generator.kind").where};
    ctx.report(site, kMissingKey, "", "at least one centre {at: [x, y], weight: w}",
               "a polycentric city lists its centres under world.generator.centres");
    return;
  }
  check_centres_on_map(ctx);
}

}  // namespace

void check_map_source(LoadContext& ctx) {
  if (!ctx.usable(kPath)) return;
  if (!ctx.scenario.world.raster.path.empty()) {
    check_drawn_map(ctx);
  } else {
    check_raster_keys_unused(ctx);
    check_generated_map(ctx);
  }
}

}  // namespace zhili::scenario_detail
