#include "queueing/outlet_queue.hpp"

#include <algorithm>
#include <cassert>

namespace zhili {
namespace {

using Window = QueueScratch::Window;

// (free_at, index) lexicographic: the window free longest first, then the lowest index.
inline bool before(const Window& a, const Window& b) {
  return a.free_at < b.free_at || (a.free_at == b.free_at && a.index < b.index);
}

// Window free times in window order; the earliest is found by a scan. A
// strict < keeps the first (lowest-index) window among equal free times.
struct ScanPool {
  double* free_at;
  std::size_t n;
  std::size_t best = 0;

  double earliest(std::int32_t& window) {
    std::size_t b = 0;
    double t = free_at[0];
    for (std::size_t i = 1; i < n; ++i) {
      if (free_at[i] < t) {
        t = free_at[i];
        b = i;
      }
    }
    best = b;
    window = static_cast<std::int32_t>(b);
    return t;
  }
  void occupy_until(double t) { free_at[best] = t; }
};

// Binary min-heap on (free_at, index); the earliest window is the root. A
// served case only ever pushes the root's free time later, so one sift-down
// per served case keeps the heap: O(log c).
struct HeapPool {
  Window* h;
  std::size_t n;

  double earliest(std::int32_t& window) const {
    window = h[0].index;
    return h[0].free_at;
  }
  void occupy_until(double t) {
    const Window x{t, h[0].index};
    std::size_t i = 0;
    for (;;) {
      const std::size_t l = 2 * i + 1;
      if (l >= n) break;
      const std::size_t r = l + 1;
      const std::size_t m = (r < n && before(h[r], h[l])) ? r : l;
      if (!before(h[m], x)) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = x;
  }
};

// Brings the scratch to `c` windows in the layout `want_heap`, either fresh
// (all free at 0) or keeping the previous call's state.
void prepare(QueueScratch& s, int c, bool want_heap, bool resume) {
  const auto n = static_cast<std::size_t>(c);
  if (!resume || s.windows != c) {
    // Fresh: all windows free at 0. Entries in index order are already a
    // valid heap (equal times, increasing indices).
    s.windows = c;
    s.in_heap = want_heap;
    if (want_heap) {
      s.heap.resize(n);
      for (std::size_t i = 0; i < n; ++i) s.heap[i] = {0.0, static_cast<std::int32_t>(i)};
    } else {
      s.free_at.assign(n, 0.0);
    }
    return;
  }
  if (s.in_heap == want_heap) return;
  if (want_heap) {  // scan layout -> heap
    s.heap.resize(n);
    for (std::size_t i = 0; i < n; ++i) s.heap[i] = {s.free_at[i], static_cast<std::int32_t>(i)};
    std::make_heap(s.heap.begin(), s.heap.end(), [](const Window& a, const Window& b) { return before(b, a); });
  } else {  // heap -> scan layout
    s.free_at.resize(n);
    for (const Window& w : s.heap) s.free_at[static_cast<std::size_t>(w.index)] = w.free_at;
  }
  s.in_heap = want_heap;
}

template <class Pool>
OutletSummary run(const QueueCases& in, double closing, Pool pool, bool no_windows,
                  const QueueResults& out) {
  OutletSummary sum;
  const std::size_t n = in.arrival.size();
  const bool has_patience = !in.patience.empty();
  double last_event = 0.0;

  // Queue length just after each arrival, for max_queue. The cases that do
  // not balk leave the queue in index order (service starts are
  // nondecreasing under FIFO; carried-over cases leave at closing, after
  // every start), so the cases still waiting are the non-balking ones from
  // `head` on: one pointer, O(n) in all.
  std::size_t head = 0;
  std::uint32_t joined = 0;  // non-balking cases so far
  std::uint32_t gone = 0;    // non-balking cases before head (left the queue)

  for (std::size_t i = 0; i < n; ++i) {
    const double a = in.arrival[i];
    assert(i == 0 || a >= in.arrival[i - 1]);
    std::int32_t w = -1;
    const double free_at = no_windows ? kNoLimit : pool.earliest(w);
    const double start = a > free_at ? a : free_at;
    const double wait = start - a;
    const double patience = has_patience ? in.patience[i] : kNoLimit;
    out.wait[i] = wait;
    if (wait > patience) {
      out.outcome[i] = CaseOutcome::balked;
      out.window[i] = -1;
      out.start[i] = out.end[i] = a;
      ++sum.balked;
    } else if (start >= closing) {
      const double left = a > closing ? a : closing;
      out.outcome[i] = CaseOutcome::carried_over;
      out.window[i] = -1;
      out.wait[i] = left - a;
      out.start[i] = out.end[i] = left;
      sum.queue_minutes += left - a;
      ++sum.carried_over;
      ++joined;
    } else {
      const double s = in.service[i];
      const double end = start + s;
      pool.occupy_until(end);
      out.outcome[i] = CaseOutcome::served;
      out.window[i] = w;
      out.start[i] = start;
      out.end[i] = end;
      sum.busy_minutes += s;
      if (end > closing) sum.overtime_minutes += end - closing;
      sum.wait_minutes += wait;
      sum.queue_minutes += wait;
      if (end > last_event) last_event = end;
      ++sum.served;
      ++joined;
    }
    if (a > last_event) last_event = a;

    while (head <= i && (out.outcome[head] == CaseOutcome::balked || out.start[head] <= a)) {
      if (out.outcome[head] != CaseOutcome::balked) ++gone;
      ++head;
    }
    const std::uint32_t waiting = joined - gone;
    if (waiting > sum.max_queue) sum.max_queue = waiting;
  }

  sum.arrivals = static_cast<std::uint32_t>(n);
  sum.horizon = closing < kNoLimit ? closing : last_event;
  return sum;
}

}  // namespace

OutletSummary simulate_outlet(const QueueCases& cases, const OutletPeriod& period,
                              QueueScratch& scratch, const QueueResults& out) {
  [[maybe_unused]] const std::size_t n = cases.arrival.size();
  assert(cases.service.size() == n);
  assert(cases.patience.empty() || cases.patience.size() == n);
  assert(out.outcome.size() >= n && out.window.size() >= n && out.wait.size() >= n &&
         out.start.size() >= n && out.end.size() >= n);
  assert(period.windows >= 0);

  const int c = period.windows;
  const bool want_heap = period.search == WindowSearch::heap ||
                         (period.search == WindowSearch::automatic && c > kScanMaxWindows);
  prepare(scratch, c, want_heap, period.resume);

  const auto nc = static_cast<std::size_t>(c);
  OutletSummary sum =
      want_heap ? run(cases, period.closing, HeapPool{scratch.heap.data(), nc}, c == 0, out)
                : run(cases, period.closing, ScanPool{scratch.free_at.data(), nc}, c == 0, out);

  if (sum.horizon > 0.0) {
    sum.mean_queue = sum.queue_minutes / sum.horizon;
    if (c > 0) sum.utilisation = (sum.busy_minutes - sum.overtime_minutes) / (c * sum.horizon);
  }
  return sum;
}

}  // namespace zhili
