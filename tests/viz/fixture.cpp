#include "fixture.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <vector>


namespace zhili::view::test {

double population(std::int64_t step, double offset) { return 1000.0 + 10.0 * static_cast<double>(step) + offset; }
double migrant_share(std::int64_t step) { return 0.1 + 0.01 * static_cast<double>(step); }
float density(std::int64_t step, int y, int x, int width, double offset) {
  if (x == 0 && y == 0) return std::numeric_limits<float>::quiet_NaN();
  return static_cast<float>(static_cast<double>(step) + y * width + x + offset);
}

std::string fixture_dir() {
  const auto dir = std::filesystem::path(ZHILI_BINARY_DIR) / "tests" / "viz" / "tmp";
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::unique_ptr<ResultWriter> open_fixture_writer(const std::string& path, const FixtureSpec& spec) {
  std::filesystem::remove(path);
  ResultLayout layout;
  layout.observables = {{"population", "persons", "resident population", "", {}},
                        {"migrant_share", "1", "share of migrants", "", {}},
                        {"population_by_zone", "persons", "residents by zone", "zone", {"core", "fringe"}}};
  layout.maps = {{"density", "persons/km2", "population density"},
                 {"zone", "code", "Zone type: 0 core, 1 fringe"}};
  layout.map_width = spec.width;
  layout.map_height = spec.height;
  layout.levers = {{"hukou.openness", "1", "openness"}};
  RunMetadata meta;
  meta.program_version = "0.1.0";
  meta.scenario_name = spec.scenario;
  meta.scenario_path = spec.scenario + ".yaml";
  meta.seed = spec.seed;
  meta.calendar_start = format_date(spec.start);
  meta.step_unit = std::string(to_string(spec.unit));
  meta.steps_planned = spec.steps;
  meta.cell_km = 0.5;
  return std::make_unique<ResultWriter>(path, layout, meta, WriterSettings{5, 1});
}

void append_fixture_steps(ResultWriter& w, const FixtureSpec& spec, std::int64_t first, std::int64_t count) {
  const Calendar cal(spec.start, spec.unit);
  std::vector<float> dens(static_cast<std::size_t>(spec.width * spec.height)), zone(dens.size());
  for (std::int64_t s = first; s < first + count; ++s) {
    const double row[4] = {population(s, spec.offset), migrant_share(s), 100.0 * s + spec.offset,
                           200.0 * s + spec.offset};
    const double lever = 0.2;
    w.append_step(s, cal.decimal_year_of(s), cal.date_of(s), row, {&lever, 1});
    if (s % spec.map_every != 0) continue;
    for (int y = 0; y < spec.height; ++y)
      for (int x = 0; x < spec.width; ++x) {
        const auto i = static_cast<std::size_t>(y * spec.width + x);
        dens[i] = density(s, y, x, spec.width, spec.offset);
        zone[i] = x < spec.width / 2 ? 0.0f : 1.0f;
      }
    w.append_map(0, s, cal.decimal_year_of(s), dens);
    w.append_map(1, s, cal.decimal_year_of(s), zone);
  }
}

std::string write_fixture(const std::string& name, const FixtureSpec& spec) {
  const std::string path = fixture_dir() + "/" + name + ".h5";
  auto w = open_fixture_writer(path, spec);
  append_fixture_steps(*w, spec, 0, spec.steps);
  w->finish(RunStatus::finished, 1.0);
  return path;
}

}  // namespace zhili::view::test
