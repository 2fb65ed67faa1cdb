#include "sweep/run_book.hpp"

#include <utility>

namespace zhili::sweep {

RunBook::RunBook(int total, const std::atomic<int>* stop, ProgressFn progress)
    : stop_(stop), progress_(std::move(progress)), t0_(std::chrono::steady_clock::now()) {
  counts_.total = total;
  records_.resize(static_cast<std::size_t>(total));
}

double RunBook::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
}

std::optional<int> RunBook::take() {
  if (stopping()) return std::nullopt;  // start no new run once a stop is asked for
  const int id = next_.fetch_add(1);
  if (id >= counts_.total) return std::nullopt;
  std::lock_guard lock(mutex_);
  ++counts_.running;
  return id;
}

void RunBook::ended(int id, RunRecord rec) {
  std::lock_guard lock(mutex_);
  --counts_.running;
  if (rec.state == RunState::finished) ++(rec.resumed ? counts_.resumed : counts_.finished);
  if (rec.state == RunState::failed) ++counts_.failed;
  records_[static_cast<std::size_t>(id)] = std::move(rec);
  counts_.elapsed_s = elapsed();
  if (progress_) progress_(counts_);
}

SweepCounts RunBook::counts() const {
  std::lock_guard lock(mutex_);
  SweepCounts c = counts_;
  c.elapsed_s = elapsed();
  return c;
}

std::vector<RunRecord> RunBook::records() const {
  std::lock_guard lock(mutex_);
  return records_;
}

}  // namespace zhili::sweep
