// One outlet's queue over one working period (a day, or a step's worth of
// working hours): a small discrete-event simulation run inside the step,
// one call per outlet, outlets in parallel (each call touches only its own
// inputs, outputs and scratch).
//
// Rules (docs/MODEL.md, "Service queues"):
// - Time is in minutes since opening. Cases are taken in the order given,
//   which must be by arrival time; cases with equal arrival times keep their
//   order (first come, first served).
// - c windows. The head of the queue goes to the window that has been free
//   the longest (smallest free-since time); ties go to the lowest window
//   index. So at opening, with every window free at 0, cases fill windows
//   0, 1, 2, ... in turn.
// - Patience then balking: each case has a patience, the longest wait it
//   accepts. A case whose wait would exceed its patience balks: it leaves on
//   arrival, unserved, and never occupies a window. Its wait is known on
//   arrival because under first come, first served no later arrival can
//   delay it (the "virtual waiting time"); the outlet's ticket screen showing
//   how many are ahead is what lets a person judge it. A wait equal to the
//   patience is accepted. Had the case instead waited its patience and then
//   left (reneging), every other case would see exactly the same service,
//   since the leaver holds no window either way; only the leaver's lost time
//   and the queue-length statistics would differ.
// - Closing: a case that would start service at or after `closing` is not
//   served this period. It is carried over (it comes back another day; what
//   that costs is the submodel's business); it waits in the hall until
//   closing. Balking is decided first: a case whose wait would exceed its
//   patience balks even if it would also have been carried over. A case in
//   service at closing finishes; the minutes after closing are overtime.
//
// Cost: O(n) plus finding the earliest window for each case. That is a
// binary heap over the windows' free times, O(log c), or a linear scan, O(c),
// which is faster for small c: a branch-light loop over one or two cache
// lines, against the heap's sift-down with its unpredictable branches.
// WindowSearch::automatic scans up to kScanMaxWindows = 16 windows and uses
// the heap above, where zhili-bench-queueing measured the crossover
// (bench/README.md, "Figures from the code").
// No allocation once the scratch has grown to the largest c used.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace zhili {

inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

// Inputs, one entry per case, read only.
struct QueueCases {
  std::span<const double> arrival;   // minutes since opening, nondecreasing, >= 0
  std::span<const double> service;   // minutes at the window, >= 0 (already drawn)
  std::span<const double> patience;  // longest wait accepted, >= 0; kNoLimit allowed;
                                     // empty: every case waits as long as it takes
};

enum class CaseOutcome : std::uint8_t { served, balked, carried_over };

// Outputs, one entry per case; the caller sizes every span to the number of
// cases (they are written, never resized).
struct QueueResults {
  std::span<CaseOutcome> outcome;
  std::span<std::int32_t> window;  // the window that served it; -1 if not served
  std::span<double> wait;   // served: start - arrival; balked: the wait it refused (> patience);
                            // carried over: closing - arrival, the wait so far
  std::span<double> start;  // served: start of service; otherwise the time it left the
                            // queue (balked: its arrival; carried over: closing)
  std::span<double> end;    // served: start + service; otherwise = start
};

enum class WindowSearch : std::uint8_t { automatic, scan, heap };

struct OutletPeriod {
  int windows = 1;           // staffed windows, >= 0 (0: nobody is served; cases that do not
                             // balk are carried over, waiting forever if there is no closing)
  double closing = kNoLimit; // minutes after opening when service stops starting
  // Windows keep the free times the previous call on the same scratch left
  // (same number of windows), so a long run can be fed in chunks of cases
  // with absolute times (the Erlang-C validation). Queue-length statistics
  // then cover each chunk's own cases only.
  bool resume = false;
  WindowSearch search = WindowSearch::automatic;
};

// Per-outlet totals for the period.
struct OutletSummary {
  std::uint32_t arrivals = 0;
  std::uint32_t served = 0;
  std::uint32_t balked = 0;
  std::uint32_t carried_over = 0;
  std::uint32_t max_queue = 0;  // most cases waiting at once (not counting those at windows)
  double busy_minutes = 0;      // window-minutes of service = sum of served service times
  double overtime_minutes = 0;  // the part of busy_minutes after closing
  double wait_minutes = 0;      // sum of waits of served cases (mean wait = / served)
  double queue_minutes = 0;     // integral of the queue length over time = sum of the
                                // time each case spent waiting (Little's law bookkeeping)
  double horizon = 0;           // the period the averages cover: closing, or with no
                                // closing the last arrival or service end
  double utilisation = 0;       // (busy - overtime) / (windows * horizon), in [0, 1]
  double mean_queue = 0;        // queue_minutes / horizon: time-averaged queue length
};

// Caller-owned scratch, reused from call to call and from outlet to outlet
// (one per thread or per block when outlets run in parallel). Sized on first
// use for c windows; grows only when c does.
struct QueueScratch {
  struct Window {  // heap entry: ordered by (free_at, index)
    double free_at;
    std::int32_t index;
  };
  std::vector<double> free_at;  // scan: free time of window i at position i
  std::vector<Window> heap;     // heap: binary min-heap (children of k at 2k+1, 2k+2)
  int windows = 0;
  bool in_heap = false;         // which of the two holds the current state
};

// Windows at or below this count are searched by a linear scan under
// WindowSearch::automatic.
inline constexpr int kScanMaxWindows = 16;

OutletSummary simulate_outlet(const QueueCases& cases, const OutletPeriod& period,
                              QueueScratch& scratch, const QueueResults& out);

}  // namespace zhili
