// A policy comparison: a base scenario and its variants ("arms"), each run
// over the same R replicate seeds (common random numbers), one result file per
// run under DIR/runs/ (docs/COMPARE.md).
//
// Every random stream is keyed by (seed, stream, step, household), so a
// variant that changes one lever draws the same numbers as the base wherever
// the lever has not (yet) changed what happens: the pair stays in step until
// the policy acts, and the difference of a pair is the policy's.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <optional>
#include <vector>

#include "core/calendar.hpp"

namespace zhili::compare {

struct Arm {
  std::string name;    // "base", "v1", ...: names its result files
  std::string label;   // what it is: "one-trip-after.yaml", "--without one-trip", ...
  std::string scenario;                // scenario file
  std::vector<std::string> overrides;  // --set overrides, the shared ones first
};

struct CompareSpec {
  std::vector<Arm> arms;  // arms[0] is the base; at least one variant
  int replicates = 10;
  std::uint64_t seed = 1;  // master seed of the replicates' seeds
  std::string dir;         // output folder
  // Branch the variants from the base at this date: each base replicate
  // saves a checkpoint there (engine/checkpoint.hpp) and each variant's
  // replicate continues from it, so every pair is identical, bit for bit,
  // before the branch. Unset: every arm runs from the start.
  std::optional<Date> branch_at;
};

// Replicate r's seed, the same in every arm: the sweep's formula
// (sweep/seeds.hpp) at design point 0.
std::uint64_t replicate_seed(std::uint64_t master, int replicate);
// DIR/runs/<arm>-r01.h5 (replicates counted from 1 in file names).
std::string run_path(const CompareSpec& spec, std::size_t arm, int replicate);
// The arm's overrides with the replicate's seed and one thread per run.
std::vector<std::string> run_overrides(const Arm& arm, std::uint64_t seed);

struct RunsDone {
  int ran = 0, reused = 0;  // reused: a complete file of the same inputs was already there
  bool interrupted = false;
};

// Runs every (arm, replicate) whose result file is not already complete with
// the same inputs, `jobs` at a time (each on one thread), in a fixed order;
// with branch_at, the base's replicates first, then the variants' from them.
// `progress(done, total)` is called after each run (from worker threads, one
// at a time). Throws ScenarioError or std::runtime_error from the first run
// that fails, after the others have stopped.
RunsDone run_arms(const CompareSpec& spec, int jobs, const std::atomic<int>* stop,
                  const std::function<void(int, int)>& progress);

}  // namespace zhili::compare
