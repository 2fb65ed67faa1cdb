#include "scenario/detail/consistency.hpp"

#include <tuple>

#include "scenario/detail/map_consistency.hpp"
#include "scenario/messages.hpp"
#include "scenario/detail/scalar_read.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr std::int64_t kMaxSteps = 1'000'000;  // as run.steps

// Where to report a problem between keys: at the first of `paths` that was
// given; the file without a position if all of them are defaults.
Site site_of(const LoadContext& ctx, std::initializer_list<const char*> paths) {
  for (const char* p : paths)
    if (auto at = ctx.value_location(p)) return {p, *at};
  return {*paths.begin(), {ctx.scenario.source_path, 0, 0}};
}

bool all_usable(const LoadContext& ctx, std::initializer_list<const char*> paths) {
  for (const char* p : paths)
    if (!ctx.usable(p)) return false;
  return true;
}

bool later(const SourceLocation& a, const SourceLocation& b) {
  return std::tie(a.file, a.line, a.column) > std::tie(b.file, b.line, b.column);
}

void resolve_run_end(LoadContext& ctx) {
  if (ctx.given("run.end") && ctx.given("run.steps")) {
    // Reported at the one written second: up to there the file was consistent.
    const auto& end = ctx.inputs.at("run.end");
    const auto& steps = ctx.inputs.at("run.steps");
    const ValueInput& second = later(end.value_at, steps.value_at) ? end : steps;
    ctx.report({second.path, second.value_at}, kInconsistent, "both run.end and run.steps",
               "one of them", "run.end sets the number of steps; remove one of the two");
    // Every error at once: an end before the start is wrong whichever is kept.
  }
  if (!ctx.run_end || !ctx.usable("run.start")) return;
  const RunSpec& run = ctx.scenario.run;
  const ValueInput& end = ctx.inputs.at("run.end");
  if (*ctx.run_end <= run.start) {
    ctx.report({"run.end", end.value_at}, kInconsistent, found_text(end.value),
               "a date after run.start (" + format_date(run.start) + ")");
    return;
  }
  if (ctx.given("run.steps")) return;  // reported above
  if (!ctx.usable("run.time_step")) return;
  const std::int64_t steps =
      Calendar(run.start, run.step_unit).first_step_on_or_after(*ctx.run_end);
  if (steps > kMaxSteps) {
    ctx.report({"run.end", end.value_at}, kOutOfRange, found_text(end.value),
               "a date at most " + std::to_string(kMaxSteps) + " steps after run.start");
    return;
  }
  ctx.scenario.run.steps = steps;
}

// Dates have four-digit years (result files store YYYY-MM-DD in 10 bytes):
// the run must end by 9999-12-31.
void check_run_ends_by_year_9999(LoadContext& ctx) {
  if (!all_usable(ctx, {"run.start", "run.time_step", "run.steps"})) return;
  const RunSpec& run = ctx.scenario.run;
  const Date end = Calendar(run.start, run.step_unit).date_of(run.steps);
  if (end.year <= 9999) return;
  ctx.report(site_of(ctx, {"run.steps", "run.end", "run.start"}), kOutOfRange,
             std::to_string(run.steps) + " steps from " + format_year_month(run.start),
             "a run that ends by 9999-12-31 (dates have four-digit years)");
}

void check_radius_order(LoadContext& ctx, const char* inner, double inner_km, const char* outer,
                        double outer_km) {
  if (!all_usable(ctx, {inner, outer}) || inner_km <= outer_km) return;
  // Blame the key that was written: a default is not the planner's mistake.
  if (ctx.given(outer)) {
    ctx.report({outer, *ctx.value_location(outer)}, kInconsistent, number_text(outer_km),
               "at least " + std::string(inner) + " (" + number_text(inner_km) + ")",
               "zone radii must grow outwards: core <= fringe <= suburb");
  } else {
    const Site site = site_of(ctx, {inner});
    ctx.report(site, kInconsistent, number_text(inner_km),
               "at most " + std::string(outer) + " (" + number_text(outer_km) + ")",
               "zone radii must grow outwards: core <= fringe <= suburb");
  }
}

// A monocentric map's centre, left out, is the map's middle cell, whatever
// the map's size (a fixed default would fall off a smaller map).
void resolve_default_centre(LoadContext& ctx) {
  WorldSpec& w = ctx.scenario.world;
  if (ctx.given("world.generator.centre") || !all_usable(ctx, {"world.width", "world.height"})) return;
  w.generator.centre = {w.width / 2, w.height / 2};
}

void check_centre(LoadContext& ctx) {
  const WorldSpec& w = ctx.scenario.world;
  const CellXY c = w.generator.centre;
  // Only a generated monocentric map has one centre (map_consistency.cpp checks the others).
  if (!w.raster.path.empty() || w.generator.kind != MapKind::monocentric) return;
  if (!all_usable(ctx, {"world.generator.centre", "world.width", "world.height"})) return;
  if (c.x >= 0 && c.x < w.width && c.y >= 0 && c.y < w.height) return;
  // Only a written centre can be off the map (resolve_default_centre).
  const Site site = site_of(ctx, {"world.generator.centre"});
  ctx.report({"world.generator.centre", site.where}, kOutsideMap,
             pair_text(std::to_string(c.x), std::to_string(c.y)),
             "a cell inside the " + std::to_string(w.width) + " x " + std::to_string(w.height) +
                 " map: 0 <= x < " + std::to_string(w.width) + ", 0 <= y < " +
                 std::to_string(w.height));
}

// Each listed outlet's cell on the map. A drawn map whose size is not given
// (0: the raster's) is checked when the world is built (world/outlet_layout.hpp).
void check_outlet_cells(LoadContext& ctx) {
  const WorldSpec& w = ctx.scenario.world;
  if (!all_usable(ctx, {"world.width", "world.height"}) || w.width <= 0 || w.height <= 0) return;
  const auto& outlets = ctx.scenario.services.outlets;
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    const std::string path = "services.outlets[" + std::to_string(i) + "].cell";
    const auto at = ctx.scenario.key_locations.find(path);
    if (at == ctx.scenario.key_locations.end() || !ctx.usable(path)) continue;  // not read
    const OutletSpec& o = outlets[i];
    if (o.x >= 0 && o.x < w.width && o.y >= 0 && o.y < w.height) continue;
    ctx.report({path, at->second}, kOutsideMap, pair_text(std::to_string(o.x), std::to_string(o.y)),
               "a cell inside the " + std::to_string(w.width) + " x " + std::to_string(w.height) +
                   " map: 0 <= x < " + std::to_string(w.width) + ", 0 <= y < " +
                   std::to_string(w.height));
  }
}

// Conflict runs on grievance: G = H (1 - L) is what activates households.
void check_conflict_needs_grievance(LoadContext& ctx) {
  const Scenario& s = ctx.scenario;
  if (!s.conflict.enabled || s.grievance.enabled) return;
  if (!all_usable(ctx, {"conflict.enabled", "grievance.enabled"})) return;
  ctx.report(site_of(ctx, {"conflict.enabled"}), kInconsistent, "true",
             "false while grievance.enabled is false",
             "Epstein's activation rule needs grievance; set grievance.enabled: true");
}

// Conflict's own moves would leave relocation's neighbour counts stale.
void check_conflict_movement(LoadContext& ctx) {
  const Scenario& s = ctx.scenario;
  if (!s.conflict.enabled || !s.conflict.movement || !s.relocation.enabled) return;
  if (!all_usable(ctx, {"conflict.movement", "relocation.enabled"})) return;
  ctx.report(site_of(ctx, {"conflict.movement"}), kInconsistent, "true", "false while relocation.enabled is true",
             "households move either by relocation or by conflict.movement; set relocation.enabled: false");
}

}  // namespace

void check_consistency(LoadContext& ctx) {
  resolve_run_end(ctx);
  check_run_ends_by_year_9999(ctx);
  const MapGeneratorSpec& g = ctx.scenario.world.generator;
  check_radius_order(ctx, "world.generator.core_radius_km", g.core_radius_km,
                     "world.generator.fringe_radius_km", g.fringe_radius_km);
  check_radius_order(ctx, "world.generator.fringe_radius_km", g.fringe_radius_km,
                     "world.generator.suburb_radius_km", g.suburb_radius_km);
  resolve_default_centre(ctx);
  check_centre(ctx);
  check_map_source(ctx);
  check_outlet_cells(ctx);  // after check_map_source: a drawn map's size may be unknown yet
  check_conflict_needs_grievance(ctx);
  check_conflict_movement(ctx);
}

}  // namespace zhili::scenario_detail
