// Runs of a sweep on worker threads of this process, each taking the next run
// and running it whole (run.threads = 1). Used for --jobs 1 and for
// --summary-only, where runs share nothing and threads cost least; runs that
// write result files go to worker processes instead (process_workers.hpp).
#pragma once

#include "sweep/run_book.hpp"
#include "sweep/run_one.hpp"

namespace zhili::sweep {

void run_in_threads(const SweepContext& ctx, int threads, RunBook& book);

}  // namespace zhili::sweep
