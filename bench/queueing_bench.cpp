// Service-queue kernels: cases per second through one outlet's queue
// (queueing/outlet_queue.hpp), with the windows found by a linear scan or a
// binary heap, and the cost of drawing the inputs.
#include <benchmark/benchmark.h>

#include <vector>

#include "core/rng.hpp"
#include "queueing/outlet_queue.hpp"
#include "queueing/queue_inputs.hpp"

namespace zhili {
namespace {

// A long busy period at load 0.9 on c windows, exponential service of 10
// minutes, patience exponential with mean 60 (some balking), no closing.
struct Day {
  QueueInputs in;
  std::vector<CaseOutcome> outcome;
  std::vector<std::int32_t> window;
  std::vector<double> wait, start, end;

  explicit Day(int c) {
    const double service = 10.0, rho = 0.9;
    CounterRng rng(1, Stream::test_a, 0, static_cast<std::uint64_t>(c));
    draw_poisson_cases(rng, rho * c / service, 0.0, 1e5 * service / c, DurationDist::exponential(service),
                       DurationDist::exponential(60.0), in);
    const std::size_t n = in.arrival.size();
    outcome.resize(n), window.resize(n), wait.resize(n), start.resize(n), end.resize(n);
  }
  QueueResults results() { return {outcome, window, wait, start, end}; }
};

void queue_kernel(benchmark::State& state, WindowSearch search) {
  const int c = static_cast<int>(state.range(0));
  Day day(c);
  QueueScratch scratch;
  for (auto _ : state) {
    const OutletSummary s = simulate_outlet(day.in.cases(), {.windows = c, .search = search}, scratch, day.results());
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(day.in.arrival.size()));
}

void BM_OutletQueueScan(benchmark::State& state) { queue_kernel(state, WindowSearch::scan); }
void BM_OutletQueueHeap(benchmark::State& state) { queue_kernel(state, WindowSearch::heap); }
void BM_OutletQueueAuto(benchmark::State& state) { queue_kernel(state, WindowSearch::automatic); }
BENCHMARK(BM_OutletQueueScan)->RangeMultiplier(2)->Range(1, 128);
BENCHMARK(BM_OutletQueueHeap)->RangeMultiplier(2)->Range(1, 128);
BENCHMARK(BM_OutletQueueAuto)->Arg(10);

// Drawing a day's cases: exponential gaps, lognormal service, exponential patience.
void BM_DrawPoissonCases(benchmark::State& state) {
  QueueInputs in;
  std::uint64_t step = 0;
  for (auto _ : state) {
    in.clear();
    CounterRng rng(1, Stream::test_a, step++, 0);
    draw_poisson_cases(rng, 1.0, 0.0, 10000.0, DurationDist::lognormal(10.0, 0.6),
                       DurationDist::exponential(60.0), in);
    benchmark::DoNotOptimize(in.arrival.data());
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_DrawPoissonCases);

}  // namespace
}  // namespace zhili
