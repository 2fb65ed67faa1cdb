// Whole-run benchmark: builds a city of N households, runs S steps writing the
// result file, and reports household-steps per second (median of R repeats)
// and peak memory per household. Set-up is timed separately and excluded.
#include <CLI/CLI.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "bench_city.hpp"
#include "engine/engine.hpp"
#include "engine/runner.hpp"

namespace {
long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}
}  // namespace

int main(int argc, char** argv) {
  long long households = 1'000'000, steps = 24;
  int threads = 0, repeats = 3;
  bool write_file = true;
  bool economy = false;
  bool services = false;
  bool social = false;
  bool families = true;
  bool per_step = false;
  CLI::App app{"zhili whole-run benchmark"};
  app.add_option("-n,--households", households, "Simulated households");
  app.add_option("-s,--steps", steps, "Steps per run");
  app.add_option("-t,--threads", threads, "Threads (0 = all)");
  app.add_option("-r,--repeats", repeats, "Repeats (median reported)");
  app.add_flag("!--no-file", write_file, "Step the engine without writing a result file");
  app.add_flag("--economy", economy, "Run the whole population/economy/migration submodel set");
  app.add_flag("--services", services, "Add public services (default outlet layout)");
  app.add_flag("--social", social, "Add grievance, complaints, disputes and conflict");
  app.add_flag("!--no-families", families,
               "Without split families and social insurance (family.enabled, insurance.enabled false): "
               "the other arm of a pair measuring their cost");
  app.add_flag("--per-step", per_step,
               "With --no-file: each step's milliseconds by phase, last repeat (the first step, which "
               "hires and files a whole city at once, costs about two later ones)");
  CLI11_PARSE(app, argc, argv);
  if (per_step && write_file) {
    std::fprintf(stderr, "--per-step needs --no-file (the runner times the run as a whole)\n");
    return 2;
  }

  const long rss0 = peak_rss_kib();
  std::vector<double> rates;
  double setup_s = 0;
  for (int r = 0; r < repeats; ++r) {
    zhili::Scenario s = zhili::bench::city(households, steps, threads, economy, services, social);
    s.family.enabled = s.insurance.enabled = families;
    if (write_file) {
      const auto out = zhili::run_scenario(s, zhili::RunRequest{"bench_run.h5", nullptr, {}});
      setup_s = out.setup_s;
      rates.push_back(static_cast<double>(households) * steps / (out.wall_s - out.setup_s));
    } else {
      const auto t0 = std::chrono::steady_clock::now();
      zhili::Engine e(s);
      const auto t1 = std::chrono::steady_clock::now();
      setup_s = std::chrono::duration<double>(t1 - t0).count();
      const auto& phases = e.model().phases();
      const bool show_steps = per_step && r + 1 == repeats;
      if (show_steps) {
        std::printf("%6s %9s", "step", "total_ms");
        for (const auto& ph : phases) std::printf(" %s", ph.name.c_str());
        std::printf(" measure\n");
      }
      std::vector<double> before(phases.size());
      while (!e.done()) {
        if (!show_steps) {
          e.step();
          continue;
        }
        std::copy(e.phase_seconds().begin(), e.phase_seconds().end(), before.begin());
        const double measure_before = e.measure_seconds();
        const auto a = std::chrono::steady_clock::now();
        const auto step = e.step_index();
        e.step();
        std::printf("%6lld %9.1f", static_cast<long long>(step),
                    1e3 * std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count());
        for (std::size_t p = 0; p < phases.size(); ++p) std::printf(" %.1f", 1e3 * (e.phase_seconds()[p] - before[p]));
        std::printf(" %.1f\n", 1e3 * (e.measure_seconds() - measure_before));
      }
      if (r + 1 == repeats) {  // where the time goes, last repeat
        for (std::size_t p = 0; p < phases.size(); ++p)
          std::printf("phase %-22s %8.2f ms/step\n", phases[p].name.c_str(),
                      1e3 * e.phase_seconds()[p] / static_cast<double>(steps));
        std::printf("phase %-22s %8.2f ms/step\n", "(measure)", 1e3 * e.measure_seconds() / static_cast<double>(steps));
      }
      const double loop_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
      rates.push_back(static_cast<double>(households) * steps / loop_s);
    }
  }
  std::sort(rates.begin(), rates.end());
  const double median = rates[rates.size() / 2];
  const double bytes_per_hh = (peak_rss_kib() - rss0) * 1024.0 / static_cast<double>(households);
  std::printf("households            %lld\n", households);
  std::printf("steps per run         %lld\n", steps);
  std::printf("threads               %d\n", zhili::Executor(threads).threads());
  std::printf("result file           %s\n", write_file ? "written (bench_run.h5)" : "none");
  std::printf("submodels             %s%s\n", economy ? "flows, settlement, labour market, rural migration, relocation"
                                                       : "flows, settlement, relocation",
              services ? ", services" : "");
  if (social) std::printf("                      + grievance, channels, disputes, conflict\n");
  std::printf("set-up                %.3f s\n", setup_s);
  std::printf("household-steps/s     %.3g (median of %d; min %.3g, max %.3g)\n", median, repeats,
              rates.front(), rates.back());
  std::printf("peak memory/household %.0f bytes (peak RSS growth over the runs / households)\n", bytes_per_hh);
  return 0;
}
