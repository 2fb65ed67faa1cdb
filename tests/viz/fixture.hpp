// Small result files for the viewer tests, written with ResultWriter. Values
// are simple functions of (step, column, cell) plus an offset per run, so a
// test can predict every number the viewer reads back.
#pragma once

#include <cstdint>
#include <string>

#include <memory>

#include "core/calendar.hpp"
#include "io/result_writer.hpp"

namespace zhili::view::test {

struct FixtureSpec {
  std::string scenario = "fixture";
  Date start{2015, 1, 1};
  TimeStep unit = TimeStep::month;
  int steps = 24;
  int map_every = 6;
  int width = 5;
  int height = 4;
  double offset = 0.0;  // added to every value (distinguishes runs)
  std::uint64_t seed = 1;
};

// Observables: "population" (persons) = 1000 + 10 step + offset;
// "migrant_share" (1) = 0.1 + 0.01 step; "population_by_zone" (persons,
// labels core, fringe) = {100 step, 200 step} + offset.
double population(std::int64_t step, double offset);
double migrant_share(std::int64_t step);
// Maps: "density" (persons/km2) = step + y * width + x + offset, NaN at cell (0, 0);
// "zone" (code, "Zone type: 0 core, 1 fringe") = 0 on the left half, 1 on the right.
float density(std::int64_t step, int y, int x, int width, double offset);

// Writes the run to `<build>/tests/viz/tmp/<name>.h5` and returns the path.
std::string write_fixture(const std::string& name, const FixtureSpec& spec = {});
// The same run step by step (for files that grow while a test reads them):
// a writer flushing every 5 steps, and steps [first, first + count).
std::unique_ptr<ResultWriter> open_fixture_writer(const std::string& path, const FixtureSpec& spec);
void append_fixture_steps(ResultWriter& w, const FixtureSpec& spec, std::int64_t first, std::int64_t count);
// The folder write_fixture writes into.
std::string fixture_dir();

}  // namespace zhili::view::test
