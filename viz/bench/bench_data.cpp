// zhili-view-bench-data: writes the result files of the viewer's frame-time
// target case (issue 6): RUNS runs, each with OBS observables over STEPS
// weekly steps and one SIZE x SIZE map. Values are smooth functions with a
// little hash noise, so charts and maps look like data and compress like it.
//
//   zhili-view-bench-data OUT_DIR [RUNS=20] [OBS=30] [STEPS=1500] [SIZE=500] [MAP_EVERY=500]
//   xvfb-run -a zhili-view --bench-frames 300 --panel charts OUT_DIR/*.h5
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "io/result_writer.hpp"

namespace {

double noise(std::uint64_t a, std::uint64_t b) {  // splitmix64 of (a, b) in [0, 1)
  std::uint64_t z = a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E5DULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
}

constexpr const char* kUsage =
    "usage: zhili-view-bench-data OUT_DIR [RUNS=20] [OBS=30] [STEPS=1500] [SIZE=500] [MAP_EVERY=500]\n"
    "Writes RUNS synthetic result files into OUT_DIR (about 4.5 MB each at the defaults) for\n"
    "zhili-view --bench-frames.\n";

// The i-th argument as a positive integer, or the fallback when absent; -1
// (after a message) when it is not one.
int arg(int argc, char** argv, int i, int fallback) {
  if (argc <= i) return fallback;
  char* end = nullptr;
  const long v = std::strtol(argv[i], &end, 10);
  if (end == argv[i] || *end != '\0' || v <= 0 || v > 1000000) {
    std::fprintf(stderr, "zhili-view-bench-data: argument %d: '%s' is not a whole number in [1, 1000000]\n%s", i,
                 argv[i], kUsage);
    return -1;
  }
  return static_cast<int>(v);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help")) {
    std::printf("%s", kUsage);
    return 0;
  }
  // An option-like OUT_DIR is a mistake (it once made a folder named --help).
  if (argc < 2 || argc > 7 || argv[1][0] == '-') {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  const std::string dir = argv[1];
  const int runs = arg(argc, argv, 2, 20), obs = arg(argc, argv, 3, 30), steps = arg(argc, argv, 4, 1500);
  const int size = arg(argc, argv, 5, 500), map_every = arg(argc, argv, 6, 500);
  if (runs < 0 || obs < 0 || steps < 0 || size < 0 || map_every < 0) return 2;
  std::filesystem::create_directories(dir);
  zhili::ResultLayout layout;
  for (int o = 0; o < obs; ++o)
    layout.observables.push_back({"observable_" + std::to_string(o), o % 3 == 0 ? "1" : "persons",
                                  "synthetic series " + std::to_string(o), "", {}});
  layout.maps = {{"density", "persons/km2", "synthetic density"}};
  layout.map_width = layout.map_height = size;
  const zhili::Calendar cal({2000, 1, 1}, zhili::TimeStep::week);
  for (int r = 0; r < runs; ++r) {
    zhili::RunMetadata meta;
    meta.program_version = "bench";
    meta.scenario_name = "bench_" + std::to_string(r);
    meta.seed = static_cast<std::uint64_t>(r);
    meta.calendar_start = "2000-01-01";
    meta.step_unit = "week";
    meta.steps_planned = steps;
    const std::string path = dir + "/bench_" + std::to_string(r) + ".h5";
    zhili::ResultWriter w(path, layout, meta, {100, 1});
    std::vector<double> row(static_cast<std::size_t>(obs));
    std::vector<float> cells(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
    for (int s = 0; s < steps; ++s) {
      for (int o = 0; o < obs; ++o) {
        const double trend = std::sin(0.01 * s + 0.3 * o + 0.1 * r);
        row[static_cast<std::size_t>(o)] = o % 3 == 0 ? 0.5 + 0.3 * trend + 0.02 * noise(s, o)
                                                      : 1e5 * (1.0 + 0.2 * trend) + 500.0 * noise(s, o + 100 * r);
      }
      w.append_step(s, cal.decimal_year_of(s), cal.date_of(s), row, {});
      if (s % map_every != 0) continue;
      for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
          const double d = std::hypot(x - size / 2.0, y - size / 2.0) / size;
          cells[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] =
              static_cast<float>(1000.0 * std::exp(-8.0 * d * d) * (1.0 + 0.001 * s) +
                                 50.0 * noise(static_cast<std::uint64_t>(y) * size + x, s + r));
        }
      w.append_map(0, s, cal.decimal_year_of(s), cells);
    }
    w.finish(zhili::RunStatus::finished, 0.0);
    std::printf("%s\n", path.c_str());
  }
  return 0;
}
