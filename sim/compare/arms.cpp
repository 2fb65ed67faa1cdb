#include "compare/arms.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "engine/checkpoint.hpp"
#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "scenario/load.hpp"
#include "sweep/seeds.hpp"

namespace zhili::compare {

namespace fs = std::filesystem;

namespace {

struct Interrupted {};

// A result file counts as done only when it says finished, holds every step
// and was made from the same resolved scenario (seed and overrides included),
// continued from `branch` when given.
bool complete(const std::string& path, const Scenario& s, const std::string& branch = "") {
  if (!fs::exists(path)) return false;
  try {
    const ResultReader r(path);
    return r.status() == RunStatus::finished && r.metadata().first_step + r.steps_done() == s.run.steps &&
           r.metadata().resolved_scenario == resolved_yaml(s) && r.metadata().continued_from == branch;
  } catch (const std::exception&) {
    return false;  // unreadable: killed before its first flush; run it again
  }
}

// One run: arm `arm`'s replicate `replicate`, or found complete. True when
// it was run (false: reused); throws like run_scenario, and
// std::runtime_error when the run was interrupted.
bool run_one(const CompareSpec& spec, std::size_t arm, int replicate, const std::atomic<int>* stop) {
  const Scenario s = load_scenario(spec.arms[arm].scenario,
                                   run_overrides(spec.arms[arm], replicate_seed(spec.seed, replicate)));
  const std::string path = run_path(spec, arm, replicate);
  RunRequest req{path, stop, {}};
  std::optional<Checkpoint> from;
  std::string branch;
  if (spec.branch_at) {
    const Calendar cal(s.run.start, s.run.step_unit);
    const std::int64_t k = cal.first_step_on_or_after(*spec.branch_at);
    const std::string checkpoint = checkpoint_path(run_path(spec, 0, replicate), cal.date_of(k));
    if (arm == 0) {
      req.checkpoint_steps = {k};
      if (complete(path, s) && fs::exists(checkpoint)) return false;
    } else {
      branch = checkpoint;
      // Done only when made from this checkpoint as it is now: a base run
      // again (its scenario edited) writes a newer one.
      std::error_code ec;
      if (complete(path, s, branch) && fs::last_write_time(path, ec) >= fs::last_write_time(checkpoint, ec) && !ec)
        return false;
      from = read_checkpoint(checkpoint);
      req.resume = &*from;
    }
  } else if (complete(path, s)) {
    return false;
  }
  const RunOutcome out = run_scenario(s, req);
  if (out.status != RunStatus::finished) throw Interrupted();
  // A variant without the base's years before the branch would compare a
  // part of a year with a whole one.
  if (!out.note.empty())
    throw std::runtime_error("variant " + spec.arms[arm].label + " cannot take the base's steps before the branch: " +
                             out.note + " (give it the base's output settings)");
  return true;
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

RunsDone run_arms(const CompareSpec& spec, int jobs, const std::atomic<int>* stop,
                  const std::function<void(int, int)>& progress) {
  fs::create_directories(fs::path(spec.dir) / "runs");
  const int arms = static_cast<int>(spec.arms.size());
  const int total = arms * spec.replicates;
  // Replicate-major order: the first replicates of every arm finish first,
  // so an interrupted comparison already holds whole pairs. A branched
  // comparison runs the base's replicates first: the variants start from them.
  std::vector<std::vector<std::pair<std::size_t, int>>> phases(spec.branch_at ? 2 : 1);
  for (int r = 0; r < spec.replicates; ++r)
    for (int a = 0; a < arms; ++a) phases[spec.branch_at && a > 0 ? 1 : 0].push_back({static_cast<std::size_t>(a), r});
  std::mutex mu;  // guards everything below
  RunsDone done;
  int finished = 0;
  std::exception_ptr failure;
  for (const auto& phase : phases) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k = next++; k < phase.size(); k = next++) {
        {
          std::lock_guard lock(mu);
          if (failure || done.interrupted) return;
        }
        try {
          const bool ran = run_one(spec, phase[k].first, phase[k].second, stop);
          std::lock_guard lock(mu);
          ++(ran ? done.ran : done.reused);
          if (progress) progress(++finished, total);
        } catch (const Interrupted&) {
          std::lock_guard lock(mu);
          done.interrupted = true;
          return;
        } catch (...) {
          std::lock_guard lock(mu);
          if (!failure) failure = std::current_exception();
          return;
        }
      }
    };
    const int n = std::max(1, std::min(jobs, static_cast<int>(phase.size())));
    if (n == 1) {
      work();
    } else {
      std::vector<std::thread> workers;
      for (int w = 0; w < n; ++w) workers.emplace_back(work);
      for (auto& t : workers) t.join();
    }
    if (failure) std::rethrow_exception(failure);
    if (done.interrupted) break;
  }
  return done;
}

}  // namespace zhili::compare
