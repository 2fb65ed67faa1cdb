// Kernel benchmarks: the costs the step loop is made of.
#include <benchmark/benchmark.h>

#include "bench_city.hpp"
#include "core/parallel.hpp"
#include "core/rng.hpp"
#include "core/splitmix.hpp"
#include "engine/engine.hpp"

namespace zhili {

static void BM_PhiloxUniform(benchmark::State& state) {
  std::uint64_t id = 0;
  double sink = 0;
  for (auto _ : state) sink += CounterRng(1, Stream::test_a, 7, id++).uniform();
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhiloxUniform);

static void BM_DeterministicReduce(benchmark::State& state) {
  const Executor ex(static_cast<int>(state.range(0)));
  std::vector<double> data(1 << 20, 1.5), scratch;
  for (auto _ : state) {
    const double s = deterministic_reduce(
        ex, data.size(), scratch, 0.0,
        [&](std::size_t b, std::size_t e) {
          double a = 0;
          for (std::size_t i = b; i < e; ++i) a += data[i];
          return a;
        },
        [](double a, double b) { return a + b; });
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(data.size()));
}
BENCHMARK(BM_DeterministicReduce)->Arg(1)->Arg(2);

// The hiring queue of a run's first step: range(0) seekers keyed by a
// uniform hash, ordered by Executor::sort on range(1) threads.
struct KeyedSlot {
  std::uint64_t key;
  std::uint32_t slot;
};
static void BM_SortHiringQueue(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const int threads = static_cast<int>(state.range(1));
  std::vector<KeyedSlot> input(n), items(n);
  for (std::size_t i = 0; i < n; ++i) input[i] = {splitmix64_mix(i + 1), static_cast<std::uint32_t>(i)};
  const auto less = [](const KeyedSlot& a, const KeyedSlot& b) { return a.key != b.key ? a.key < b.key : a.slot < b.slot; };
  const Executor ex(threads);
  for (auto _ : state) {
    state.PauseTiming();
    items = input;
    state.ResumeTiming();
    ex.sort(items.begin(), items.end(), less);
    benchmark::DoNotOptimize(items.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SortHiringQueue)->Args({750'000, 1})->Args({750'000, 2})->Unit(benchmark::kMillisecond);

// One whole model step per iteration on a city of range(0) households; phase
// shares are reported as counters.
static void BM_ModelStep(benchmark::State& state) {
  const Scenario s = bench::city(state.range(0), 1'000'000, static_cast<int>(state.range(1)));
  Engine e(s);
  for (auto _ : state) e.step();
  state.SetItemsProcessed(state.iterations() * state.range(0));
  const auto& phases = e.model().phases();
  double total = 0;
  for (double t : e.phase_seconds()) total += t;
  for (std::size_t p = 0; p < phases.size(); ++p)
    state.counters[phases[p].name] = total > 0 ? e.phase_seconds()[p] / total : 0.0;
}
BENCHMARK(BM_ModelStep)->Args({100'000, 1})->Args({100'000, 2})->Args({1'000'000, 2})->Unit(benchmark::kMillisecond);

}  // namespace zhili
