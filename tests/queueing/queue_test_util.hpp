// Runs simulate_outlet on plain vectors and keeps every output, for tests.
#pragma once

#include <vector>

#include "queueing/outlet_queue.hpp"

namespace zhili::test {

struct QueueRun {
  std::vector<CaseOutcome> outcome;
  std::vector<std::int32_t> window;
  std::vector<double> wait, start, end;
  OutletSummary sum;
};

inline QueueRun run_queue(const QueueCases& cases, const OutletPeriod& period,
                          QueueScratch& scratch) {
  const std::size_t n = cases.arrival.size();
  QueueRun r;
  r.outcome.resize(n);
  r.window.resize(n);
  r.wait.resize(n);
  r.start.resize(n);
  r.end.resize(n);
  r.sum = simulate_outlet(cases, period, scratch, {r.outcome, r.window, r.wait, r.start, r.end});
  return r;
}

inline QueueRun run_queue(const QueueCases& cases, const OutletPeriod& period) {
  QueueScratch scratch;
  return run_queue(cases, period, scratch);
}

}  // namespace zhili::test
