#include "sweep/thread_workers.hpp"

#include <thread>
#include <vector>

namespace zhili::sweep {

void run_in_threads(const SweepContext& ctx, int threads, RunBook& book) {
  auto work = [&ctx, &book] {
    while (const auto id = book.take()) book.ended(*id, run_one(ctx, *id));
  };
  if (threads <= 1) {  // no thread to start for one
    work();
    return;
  }
  std::vector<std::thread> workers;
  for (int w = 0; w < threads; ++w) workers.emplace_back(work);
  for (auto& t : workers) t.join();
}

}  // namespace zhili::sweep
