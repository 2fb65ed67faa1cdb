// The books of a running sweep, kept by one process: which run starts next,
// what became of each, the counts the progress display shows. Worker threads,
// the worker-process dispatcher and the MPI dispatcher all go through it, so
// they share one notion of "stop", "next run" and "done".
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "sweep/run_record.hpp"

namespace zhili::sweep {

struct SweepCounts {
  int total = 0;
  int finished = 0;  // run now
  int resumed = 0;   // complete already
  int failed = 0;
  int running = 0;
  double elapsed_s = 0;
};

class RunBook {
 public:
  using ProgressFn = std::function<void(const SweepCounts&)>;
  RunBook(int total, const std::atomic<int>* stop, ProgressFn progress);

  // The next run to start (and counts it running), or nothing once every run
  // has been handed out or a stop is asked for. Thread-safe.
  std::optional<int> take();
  // A run taken earlier has ended; calls the progress function. Thread-safe.
  void ended(int id, RunRecord rec);

  bool stopping() const { return stop_ && stop_->load() != 0; }
  int stop_signal() const { return stop_ ? stop_->load() : 0; }
  SweepCounts counts() const;
  std::vector<RunRecord> records() const;

 private:
  double elapsed() const;

  const std::atomic<int>* stop_;
  ProgressFn progress_;
  std::chrono::steady_clock::time_point t0_;
  std::atomic<int> next_{0};
  mutable std::mutex mutex_;
  SweepCounts counts_;
  std::vector<RunRecord> records_;
};

}  // namespace zhili::sweep
