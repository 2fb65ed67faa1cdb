// The Schelling benchmark of ABMFrameworksComparison (JuliaDynamics): the
// canonical Schelling model (relocation.activation = sequential, every other
// submodel off) on the scenarios in scenarios/bench/.
//
// For each scenario it times, per seeded run (seeds 1..N), in one process:
//   set-up + 20 steps:          building the Engine from a loaded Scenario (map,
//                               households, submodels) and stepping it to the
//                               end, observables measured every step;
//   parse + set-up + 20 steps:  the same, reading and validating the YAML file
//                               each run (load_scenario with --set run.seed=N).
// No result file is written. One untimed warm-up run precedes each series.
// Median, min and max in milliseconds; process start is excluded.
//
// Memory: by default the process keeps the memory it frees (glibc's trim and
// mmap thresholds raised), so every run reuses pages already mapped, as in a
// long-running process; without that, whether a run pays for mapping fresh
// pages (about 1 us per 4 KiB page on a virtual machine) depends on where
// earlier allocations happened to land. --cold gives every run fresh pages
// instead (malloc_trim after each run), as a new process would have.
#include <CLI/CLI.hpp>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "model/neighbourhood.hpp"
#include "scenario/load.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t0) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

struct Stats {
  double median = 0, min = 0, max = 0;
};

Stats stats_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  return {median, v.front(), v.back()};
}

void print_stats(const char* what, const std::vector<double>& ms) {
  const Stats s = stats_of(ms);
  std::printf("  %-28s median %9.3f ms   min %9.3f   max %9.3f\n", what, s.median, s.min, s.max);
}

// Offset of a scalar observable in the engine's row.
std::size_t offset_of(zhili::Engine& e, const std::string& name) {
  std::size_t k = 0;
  for (const auto& s : e.model().series_specs()) {
    if (s.name == name) return k;
    k += s.width();
  }
  throw std::runtime_error("no observable " + name);
}

struct Outcome {
  double setup_ms = 0, steps_ms = 0;
  std::vector<double> phase_ms;  // per phase over the 20 steps; the rest of the steps is measuring
  std::vector<std::string> phase_names;
  double checksum = 0;  // keeps the work observable
};

bool g_cold = false;

Outcome run_once(const zhili::Scenario& s, std::size_t content_at, std::size_t same_at) {
  if (g_cold) malloc_trim(0);  // hand freed memory back: this run maps fresh pages
  Outcome out;
  const auto t0 = clock_type::now();
  zhili::Engine e(s);
  out.setup_ms = ms_since(t0);
  const auto t1 = clock_type::now();
  while (!e.done()) e.step();
  out.steps_ms = ms_since(t1);
  for (std::size_t p = 0; p < e.model().phases().size(); ++p) {
    out.phase_names.push_back(e.model().phases()[p].name);
    out.phase_ms.push_back(1e3 * e.phase_seconds()[p]);
  }
  out.checksum = e.observables()[content_at] + e.observables()[same_at];
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(ZHILI_SOURCE_DIR) + "/scenarios/bench";
  std::vector<std::string> cases{"small", "large", "xl"};
  int runs = 100, xl_runs = 5;
  bool trajectory = false, parse = true;
  CLI::App app{"zhili Schelling benchmark (ABMFrameworksComparison): set-up + 20 steps per seeded run"};
  app.add_option("--dir", dir, "Folder of schelling-<case>.yaml")->capture_default_str();
  app.add_option("--cases", cases, "Cases to run: small large xl")->capture_default_str();
  app.add_option("-r,--runs", runs, "Seeded runs (seeds 1..N) for small and large")->capture_default_str();
  app.add_option("--xl-runs", xl_runs, "Seeded runs for xl")->capture_default_str();
  app.add_flag("!--no-parse", parse, "Skip the parse + set-up + steps series");
  app.add_flag("--trajectory", trajectory, "Print moves, content and same-group share per step (seed 1)");
  app.add_flag("--cold", g_cold, "Give every run fresh memory pages (malloc_trim before each run)");
  CLI11_PARSE(app, argc, argv);
  if (!g_cold) {  // keep freed memory mapped: runs do not depend on earlier allocations
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
  }
  std::printf("memory: %s\n", g_cold ? "cold (fresh pages every run)" : "warm (freed memory kept mapped)");

  double checksum = 0;
  for (const auto& name : cases) {
    const std::string path = dir + "/schelling-" + name + ".yaml";
    const int n = name == "xl" ? xl_runs : runs;
    const zhili::Scenario base = zhili::load_scenario(path);
    std::size_t content_at = 0, same_at = 0, moves_at = 0;
    {
      zhili::Engine probe(base);
      content_at = offset_of(probe, "content_share");
      same_at = offset_of(probe, "same_group_neighbour_share");
      moves_at = offset_of(probe, "moves");
    }
    std::printf("schelling-%s: %d x %d cells, %lld agents, radius %d, min %d, %lld steps, "
                "%d thread(s), %d runs\n",
                name.c_str(), base.world.width, base.world.height,
                static_cast<long long>(base.population.households), base.relocation.radius,
                base.relocation.min_same_count, static_cast<long long>(base.run.steps),
                zhili::Executor(base.run.threads).threads(), n);

    // Set-up + steps, the scenario loaded once; seeds set on copies made outside the timing.
    std::vector<zhili::Scenario> seeded(static_cast<std::size_t>(n), base);
    for (int i = 0; i < n; ++i)
      seeded[static_cast<std::size_t>(i)].run.seed = static_cast<std::uint64_t>(i + 1);
    checksum += run_once(base, content_at, same_at).checksum;  // warm-up
    std::vector<double> total, setup, steps, measure;
    std::vector<std::vector<double>> phases;
    std::vector<std::string> phase_names;
    for (const auto& s : seeded) {
      const Outcome o = run_once(s, content_at, same_at);
      total.push_back(o.setup_ms + o.steps_ms);
      setup.push_back(o.setup_ms);
      steps.push_back(o.steps_ms);
      phase_names = o.phase_names;
      phases.resize(o.phase_ms.size());
      double in_phases = 0;
      for (std::size_t p = 0; p < o.phase_ms.size(); ++p) {
        phases[p].push_back(o.phase_ms[p]);
        in_phases += o.phase_ms[p];
      }
      measure.push_back(o.steps_ms - in_phases);
      checksum += o.checksum;
    }
    print_stats("set-up + 20 steps", total);
    print_stats("  set-up (Engine from Scenario)", setup);
    print_stats("  20 steps", steps);
    for (std::size_t p = 0; p < phases.size(); ++p)
      print_stats(("    phase " + phase_names[p]).c_str(), phases[p]);
    print_stats("    observables (measure)", measure);

    if (parse) {
      std::vector<double> parsed;
      for (int i = 0; i < n; ++i) {
        const auto t0 = clock_type::now();
        const zhili::Scenario s = zhili::load_scenario(path, {"run.seed=" + std::to_string(i + 1)});
        checksum += run_once(s, content_at, same_at).checksum;
        parsed.push_back(ms_since(t0));
      }
      print_stats("parse + set-up + 20 steps", parsed);
    }

    if (trajectory) {
      zhili::Scenario s = base;
      s.run.seed = 1;
      zhili::Engine e(s);
      std::printf("  seed 1: step  moves  content_share  same_group_neighbour_share\n");
      std::printf("          %4d  %5s  %13s  %26.4f\n", 0, "", "",
                  zhili::neighbour_pairs(e.world().grid, s.relocation.radius).share());
      while (!e.done()) {
        e.step();
        const auto row = e.observables();
        std::printf("          %4lld  %5.0f  %13.4f  %26.4f\n", static_cast<long long>(e.step_index()),
                    row[moves_at], row[content_at], row[same_at]);
      }
    }
  }
  std::printf("(checksum %.6f)\n", checksum);
  return 0;
}
