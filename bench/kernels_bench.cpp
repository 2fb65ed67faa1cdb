// Kernel benchmarks: the costs the step loop is made of.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <new>

#include "bench_city.hpp"
#include "core/hash_batch.hpp"
#include "core/parallel.hpp"
#include "core/rng.hpp"
#include "core/splitmix.hpp"
#include "core/staggered_allocator.hpp"
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

// Keyed slots as the hiring queue sorts them (model/hiring_queue.hpp: each
// window of keys; the first step's two windows hold about 450,000 of a
// million seekers): range(0) slots keyed by a uniform hash, ordered by
// Executor::sort on range(1) threads.
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

// StepHash uniforms for 2^20 ids, in blocks of Executor::kBlock: one at a
// time (range(0) = 0, as a pass that branches on each answer draws them) or
// by step_hash_uniforms (1: the block at once, vectorised where the
// processor has AVX-512; core/hash_batch.hpp).
static void BM_StepHashUniforms(benchmark::State& state) {
  constexpr std::size_t kIds = std::size_t{1} << 20;
  const bool batch = state.range(0) != 0;
  std::vector<std::uint64_t> ids(kIds);
  for (std::size_t i = 0; i < kIds; ++i) ids[i] = 3 * i + 1;  // slots' ids: increasing, with gaps
  std::vector<double> out(Executor::kBlock);
  const StepHash hash(7, Stream::test_a, 3);
  double sink = 0;
  for (auto _ : state) {
    for (std::size_t b = 0; b < kIds; b += Executor::kBlock) {
      if (batch) {
        step_hash_uniforms(hash, &ids[b], Executor::kBlock, out.data());
      } else {
        for (std::size_t k = 0; k < Executor::kBlock; ++k) out[k] = hash.uniform(ids[b + k]);
      }
      sink += out[b % Executor::kBlock];
    }
    benchmark::DoNotOptimize(out.data());
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(kIds));
}
BENCHMARK(BM_StepHashUniforms)->Arg(0)->Arg(1)->ArgName("batch")->Unit(benchmark::kMicrosecond);

// A pass reading range(0) byte-wide fields of 2^20 agents at one slot, each
// field page-aligned (range(1) = 0: as the mmap'd vectors of a store were,
// every one at offset 16 of its page, so slot i of each falls in one L1 set)
// or in an AgentArray (1: staggered, core/staggered_allocator.hpp).
static void BM_ByteFieldsAtOneSlot(benchmark::State& state) {
  constexpr std::size_t kAgents = std::size_t{1} << 20;
  const auto count = static_cast<std::size_t>(state.range(0));
  const bool staggered = state.range(1) != 0;
  struct PageDelete {
    void operator()(std::uint8_t* p) const { ::operator delete(p, std::align_val_t{4096}); }
  };
  std::vector<std::unique_ptr<std::uint8_t, PageDelete>> aligned;
  std::vector<AgentArray<std::uint8_t>> agent_arrays(staggered ? count : 0);
  std::vector<std::uint8_t*> fields;
  for (std::size_t k = 0; k < count; ++k) {
    if (staggered) {
      agent_arrays[k].assign(kAgents, static_cast<std::uint8_t>(k));
      fields.push_back(agent_arrays[k].data());
    } else {
      aligned.emplace_back(static_cast<std::uint8_t*>(::operator new(kAgents + 4096, std::align_val_t{4096})));
      fields.push_back(aligned.back().get() + 16);
      std::fill_n(fields.back(), kAgents, static_cast<std::uint8_t>(k));
    }
  }
  std::uint64_t sink = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < kAgents; ++i) {
      std::uint64_t x = 0;
      for (std::size_t k = 0; k < count; ++k) x += fields[k][i] * (k + 1);
      fields[0][i] = static_cast<std::uint8_t>(x);  // a pass writes some fields back
      sink += x;
    }
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations() * static_cast<long long>(kAgents));
}
BENCHMARK(BM_ByteFieldsAtOneSlot)
    ->ArgsProduct({{6, 9, 14}, {0, 1}})
    ->ArgNames({"fields", "staggered"})
    ->Unit(benchmark::kMillisecond);

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
