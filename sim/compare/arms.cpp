#include "compare/arms.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "scenario/load.hpp"
#include "sweep/seeds.hpp"

namespace zhili::compare {

namespace fs = std::filesystem;

namespace {

// A result file counts as done only when it says finished, holds every step
// and was made from the same resolved scenario (seed and overrides included).
bool complete(const std::string& path, const Scenario& s) {
  if (!fs::exists(path)) return false;
  try {
    const ResultReader r(path);
    return r.status() == RunStatus::finished && r.steps_done() == s.run.steps &&
           r.metadata().resolved_scenario == resolved_yaml(s);
  } catch (const std::exception&) {
    return false;  // unreadable: killed before its first flush; run it again
  }
}

}  // namespace

std::uint64_t replicate_seed(std::uint64_t master, int replicate) {
  return sweep::run_seed(master, 0, static_cast<std::uint64_t>(replicate));
}

std::string run_path(const CompareSpec& spec, std::size_t arm, int replicate) {
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, "-r%02d.h5", replicate + 1);
  return (fs::path(spec.dir) / "runs" / (spec.arms[arm].name + suffix)).string();
}

std::vector<std::string> run_overrides(const Arm& arm, std::uint64_t seed) {
  auto o = arm.overrides;
  o.push_back("run.seed=" + std::to_string(seed));
  o.push_back("run.threads=1");
  return o;
}

void check_arms(const CompareSpec& spec) {
  Diagnostics all;
  for (const auto& arm : spec.arms) {
    try {
      (void)load_scenario(arm.scenario, run_overrides(arm, replicate_seed(spec.seed, 0)));
    } catch (const ScenarioError& e) {
      for (const auto& d : e.diagnostics().items()) all.add(d);
    }
  }
  if (!all.empty()) throw ScenarioError(std::move(all));
}

RunsDone run_arms(const CompareSpec& spec, int jobs, const std::atomic<int>* stop,
                  const std::function<void(int, int)>& progress) {
  fs::create_directories(fs::path(spec.dir) / "runs");
  const int total = static_cast<int>(spec.arms.size()) * spec.replicates;
  std::atomic<int> next{0};
  std::mutex mu;  // guards everything below
  RunsDone done;
  int finished = 0;
  std::exception_ptr failure;

  // Replicate-major order: the first replicates of every arm finish first,
  // so an interrupted comparison already holds whole pairs.
  auto work = [&] {
    for (int k = next++; k < total; k = next++) {
      {
        std::lock_guard lock(mu);
        if (failure || done.interrupted) return;
      }
      const int replicate = k / static_cast<int>(spec.arms.size());
      const auto arm = static_cast<std::size_t>(k % static_cast<int>(spec.arms.size()));
      try {
        const Scenario s = load_scenario(spec.arms[arm].scenario,
                                         run_overrides(spec.arms[arm], replicate_seed(spec.seed, replicate)));
        const std::string path = run_path(spec, arm, replicate);
        const bool reuse = complete(path, s);
        bool interrupted = false;
        if (!reuse) interrupted = run_scenario(s, RunRequest{path, stop, {}}).status != RunStatus::finished;
        std::lock_guard lock(mu);
        if (interrupted) {
          done.interrupted = true;
          return;
        }
        ++(reuse ? done.reused : done.ran);
        if (progress) progress(++finished, total);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::current_exception();
        return;
      }
    }
  };
  const int n = std::max(1, std::min(jobs, total));
  if (n == 1) {
    work();
  } else {
    std::vector<std::thread> workers;
    for (int w = 0; w < n; ++w) workers.emplace_back(work);
    for (auto& t : workers) t.join();
  }
  if (failure) std::rethrow_exception(failure);
  return done;
}

}  // namespace zhili::compare
