#include "queueing/outlet_queue.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "core/rng.hpp"
#include "queue_test_util.hpp"
#include "queueing/queue_inputs.hpp"

namespace zhili {
namespace {

using test::run_queue;
constexpr auto kServed = CaseOutcome::served;
constexpr auto kBalked = CaseOutcome::balked;
constexpr auto kCarried = CaseOutcome::carried_over;

// Two windows, five cases, no patience limit, closing at 60. By hand (window
// free times after each case in brackets [w0, w1]):
//   case 0 arrives 0, window 0 (free since 0, lowest index): 0-5      [5, 0]
//   case 1 arrives 1, window 1 (free since 0):               1-4      [5, 4]
//   case 2 arrives 2, window 1 (free at 4 < 5): waits 2,     4-8      [5, 8]
//   case 3 arrives 3, window 0 (free at 5):     waits 2,     5-7      [7, 8]
//   case 4 arrives 10, both free; window 0 has been free longer (since 7): 10-11
// Queue: case 2 waits over [2, 4), case 3 over [3, 5): at most 2 waiting,
// 4 queue-minutes. Busy 5+3+4+2+1 = 15 window-minutes of 2 * 60.
TEST(OutletQueue, HandComputedTwoWindowsFiveCases) {
  const std::vector<double> arrival{0, 1, 2, 3, 10}, service{5, 3, 4, 2, 1};
  for (auto search : {WindowSearch::scan, WindowSearch::heap}) {
    const auto r = run_queue({arrival, service, {}}, {.windows = 2, .closing = 60, .search = search});
    EXPECT_EQ(r.outcome, std::vector<CaseOutcome>(5, kServed));
    EXPECT_EQ(r.window, (std::vector<std::int32_t>{0, 1, 1, 0, 0}));
    EXPECT_EQ(r.wait, (std::vector<double>{0, 0, 2, 2, 0}));
    EXPECT_EQ(r.start, (std::vector<double>{0, 1, 4, 5, 10}));
    EXPECT_EQ(r.end, (std::vector<double>{5, 4, 8, 7, 11}));
    EXPECT_EQ(r.sum.arrivals, 5u);
    EXPECT_EQ(r.sum.served, 5u);
    EXPECT_EQ(r.sum.max_queue, 2u);
    EXPECT_DOUBLE_EQ(r.sum.busy_minutes, 15.0);
    EXPECT_DOUBLE_EQ(r.sum.wait_minutes, 4.0);
    EXPECT_DOUBLE_EQ(r.sum.queue_minutes, 4.0);
    EXPECT_DOUBLE_EQ(r.sum.horizon, 60.0);
    EXPECT_DOUBLE_EQ(r.sum.utilisation, 15.0 / 120.0);
    EXPECT_DOUBLE_EQ(r.sum.mean_queue, 4.0 / 60.0);
  }
}

TEST(OutletQueue, FirstComeFirstServedAndTieBreaking) {
  // Three cases at once fill windows 0, 1, 2. Windows 0 and 1 both free at 2:
  // the next two cases (arriving together at 1) take them in arrival-list
  // order, lowest index first. The sixth case waits its turn too, however
  // short its service: it takes the next window to free (window 0, at 3).
  const std::vector<double> arrival{0, 0, 0, 1, 1, 1.5}, service{2, 2, 5, 1, 1, 0.1};
  for (auto search : {WindowSearch::scan, WindowSearch::heap}) {
    const auto r = run_queue({arrival, service, {}}, {.windows = 3, .search = search});
    EXPECT_EQ(r.window, (std::vector<std::int32_t>{0, 1, 2, 0, 1, 0}));
    EXPECT_EQ(r.start, (std::vector<double>{0, 0, 0, 2, 2, 3}));
    EXPECT_EQ(r.wait, (std::vector<double>{0, 0, 0, 1, 1, 1.5}));
    // Starts never decrease along the arrival order: first come, first served.
    for (std::size_t i = 1; i < r.start.size(); ++i) EXPECT_LE(r.start[i - 1], r.start[i]);
    EXPECT_EQ(r.sum.max_queue, 3u);  // at 1.5: cases 3, 4, 5 all waiting
  }
}

TEST(OutletQueue, IdleWindowThatFreedFirstServesNext) {
  // Window 0 frees at 5, window 1 at 2; at 10 both are idle and window 1, free
  // longer, takes the case (the rule: earliest free time, then lowest index).
  const std::vector<double> arrival{0, 1, 10}, service{5, 1, 1};
  for (auto search : {WindowSearch::scan, WindowSearch::heap}) {
    const auto r = run_queue({arrival, service, {}}, {.windows = 2, .search = search});
    EXPECT_EQ(r.window, (std::vector<std::int32_t>{0, 1, 1}));
  }
}

TEST(OutletQueue, BalkingByPatience) {
  // One window busy 0-10. Case 1 would wait 9 > 5: balks on arrival and never
  // holds the window, so case 2 waits 8 (not 18) and is served. Case 3 would
  // wait 20 - 3 = 17, exactly its patience: accepted.
  const std::vector<double> arrival{0, 1, 2, 3}, service{10, 10, 10, 1}, patience{kNoLimit, 5, 20, 17};
  const auto r = run_queue({arrival, service, patience}, {.windows = 1});
  EXPECT_EQ(r.outcome, (std::vector<CaseOutcome>{kServed, kBalked, kServed, kServed}));
  EXPECT_EQ(r.window, (std::vector<std::int32_t>{0, -1, 0, 0}));
  EXPECT_EQ(r.wait, (std::vector<double>{0, 9, 8, 17}));  // balked: the wait it refused
  EXPECT_EQ(r.start, (std::vector<double>{0, 1, 10, 20}));
  EXPECT_EQ(r.end, (std::vector<double>{10, 1, 20, 21}));
  EXPECT_EQ(r.sum.balked, 1u);
  EXPECT_EQ(r.sum.served, 3u);
  EXPECT_DOUBLE_EQ(r.sum.busy_minutes, 21.0);
  EXPECT_DOUBLE_EQ(r.sum.wait_minutes, 25.0);
  EXPECT_DOUBLE_EQ(r.sum.queue_minutes, 25.0);  // the balker spent no time in the queue
  EXPECT_EQ(r.sum.max_queue, 2u);              // cases 2 and 3 over [3, 10)
}

TEST(OutletQueue, CarriedOverAtClosingAndOvertime) {
  // One window, closing at 30. Case 1 starts at 20 and finishes at 35 (in
  // service at closing: it finishes, 5 minutes overtime). Cases 2 and 3 would
  // start at 35 > 30: carried over, waiting until closing. Case 4 would also
  // be carried over but its patience (8) is shorter than its wait (9): it balks.
  const std::vector<double> arrival{0, 5, 10, 25, 26}, service{20, 15, 5, 1, 1},
      patience{kNoLimit, kNoLimit, kNoLimit, kNoLimit, 8};
  const auto r = run_queue({arrival, service, patience}, {.windows = 1, .closing = 30});
  EXPECT_EQ(r.outcome, (std::vector<CaseOutcome>{kServed, kServed, kCarried, kCarried, kBalked}));
  EXPECT_EQ(r.start, (std::vector<double>{0, 20, 30, 30, 26}));
  EXPECT_EQ(r.end, (std::vector<double>{20, 35, 30, 30, 26}));
  EXPECT_EQ(r.wait, (std::vector<double>{0, 15, 20, 5, 9}));
  EXPECT_EQ(r.sum.served, 2u);
  EXPECT_EQ(r.sum.carried_over, 2u);
  EXPECT_EQ(r.sum.balked, 1u);
  EXPECT_DOUBLE_EQ(r.sum.busy_minutes, 35.0);
  EXPECT_DOUBLE_EQ(r.sum.overtime_minutes, 5.0);
  EXPECT_DOUBLE_EQ(r.sum.utilisation, 1.0);
  EXPECT_DOUBLE_EQ(r.sum.queue_minutes, 15.0 + 20.0 + 5.0);
  EXPECT_EQ(r.sum.max_queue, 2u);  // cases 2 and 3 waiting over [25, 30)
}

TEST(OutletQueue, ServiceDoesNotStartAtClosingTime) {
  // Window frees exactly at closing: the waiting case is carried over.
  const std::vector<double> arrival{0, 1}, service{30, 1};
  const auto r = run_queue({arrival, service, {}}, {.windows = 1, .closing = 30});
  EXPECT_EQ(r.outcome[1], kCarried);
  EXPECT_DOUBLE_EQ(r.sum.overtime_minutes, 0.0);
}

TEST(OutletQueue, NoWindowsServesNobody) {
  const std::vector<double> arrival{1, 2}, service{1, 1}, patience{kNoLimit, 3};
  const auto r = run_queue({arrival, service, patience}, {.windows = 0, .closing = 60});
  EXPECT_EQ(r.outcome, (std::vector<CaseOutcome>{kCarried, kBalked}));
  EXPECT_DOUBLE_EQ(r.sum.utilisation, 0.0);
}

// A busy day drawn at random: 6 hours at 1.1 cases per minute with lognormal
// service (mean 8, cv 0.6) on c windows, patience exponential (mean 40).
test::QueueRun busy_day(int windows, WindowSearch search, std::uint64_t seed, QueueInputs& in) {
  in.clear();
  CounterRng rng(seed, Stream::test_a, 3, 77);
  draw_poisson_cases(rng, 1.1, 0.0, 360.0, DurationDist::lognormal(8.0, 0.6),
                     DurationDist::exponential(40.0), in);
  return test::run_queue(in.cases(), {.windows = windows, .closing = 360.0, .search = search});
}

TEST(OutletQueue, BookkeepingAddsUp) {
  QueueInputs in;
  for (int c : {1, 3, 8, 10}) {
    const auto r = busy_day(c, WindowSearch::automatic, 11, in);
    const auto& s = r.sum;
    ASSERT_GT(s.arrivals, 300u);
    EXPECT_EQ(s.served + s.balked + s.carried_over, s.arrivals) << c;
    double busy = 0, waits = 0, queue = 0, overtime = 0;
    for (std::size_t i = 0; i < in.arrival.size(); ++i) {
      queue += r.start[i] - in.arrival[i];  // time in the queue, every outcome
      if (r.outcome[i] != kServed) continue;
      busy += in.service[i];
      waits += r.wait[i];
      overtime += std::max(0.0, r.end[i] - 360.0);
      EXPECT_LE(r.wait[i], in.patience[i]);
      EXPECT_LT(r.start[i], 360.0);
      EXPECT_DOUBLE_EQ(r.end[i], r.start[i] + in.service[i]);
    }
    EXPECT_NEAR(s.busy_minutes, busy, 1e-9 * busy);
    EXPECT_NEAR(s.wait_minutes, waits, 1e-9 * (waits + 1));
    EXPECT_NEAR(s.queue_minutes, queue, 1e-9 * (queue + 1));
    EXPECT_NEAR(s.overtime_minutes, overtime, 1e-9 * (overtime + 1));
    EXPECT_GE(s.utilisation, 0.0);
    EXPECT_LE(s.utilisation, 1.0);
    if (c <= 8) {
      EXPECT_GT(s.balked, 0u) << "the day should be busy enough to test balking";
    }
  }
}

TEST(OutletQueue, BusyWindowsNeverOverlap) {
  // Per window, service intervals must not overlap; the number of cases
  // in service never exceeds c.
  QueueInputs in;
  const int c = 5;
  const auto r = busy_day(c, WindowSearch::automatic, 12, in);
  std::vector<double> free_at(c, 0.0);
  for (std::size_t i = 0; i < in.arrival.size(); ++i) {
    if (r.outcome[i] != kServed) continue;
    const auto w = static_cast<std::size_t>(r.window[i]);
    EXPECT_GE(r.start[i], free_at[w]);
    free_at[w] = r.end[i];
  }
}

TEST(OutletQueue, MaxQueueMatchesAnEventSweep) {
  // Independent check of max_queue: count waiting cases at every arrival.
  QueueInputs in;
  for (int c : {1, 4}) {
    const auto r = busy_day(c, WindowSearch::automatic, 13, in);
    std::uint32_t best = 0;
    for (std::size_t i = 0; i < in.arrival.size(); ++i) {
      std::uint32_t waiting = 0;
      for (std::size_t j = 0; j <= i; ++j)
        if (r.outcome[j] != kBalked && r.start[j] > in.arrival[i]) ++waiting;
      best = std::max(best, waiting);
    }
    EXPECT_EQ(r.sum.max_queue, best) << c;
    EXPECT_GT(best, 3u);
  }
}

TEST(OutletQueue, ScanAndHeapAgree) {
  QueueInputs in;
  for (int c : {1, 2, 3, 7, 10, 33, 64, 100}) {
    const auto a = busy_day(c, WindowSearch::scan, 14, in);
    const auto b = busy_day(c, WindowSearch::heap, 14, in);
    EXPECT_EQ(a.outcome, b.outcome) << c;
    EXPECT_EQ(a.window, b.window) << c;
    EXPECT_EQ(a.start, b.start) << c;
    EXPECT_EQ(a.sum.max_queue, b.sum.max_queue) << c;
    EXPECT_EQ(a.sum.busy_minutes, b.sum.busy_minutes) << c;
  }
}

TEST(OutletQueue, SameSeedSameDay) {
  QueueInputs in1, in2;
  const auto a = busy_day(4, WindowSearch::automatic, 21, in1);
  const auto b = busy_day(4, WindowSearch::automatic, 21, in2);
  EXPECT_EQ(in1.arrival, in2.arrival);
  EXPECT_EQ(a.outcome, b.outcome);
  EXPECT_EQ(a.window, b.window);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.sum.queue_minutes, b.sum.queue_minutes);
  const auto other = busy_day(4, WindowSearch::automatic, 22, in2);
  EXPECT_NE(in1.arrival, in2.arrival);
  EXPECT_NE(a.start, other.start);
}

TEST(OutletQueue, ScratchIsReusedAcrossOutlets) {
  // One scratch through outlets of different sizes gives what fresh scratch gives.
  QueueInputs in;
  QueueScratch shared;
  for (int c : {10, 3, 64, 1, 10}) {
    const auto fresh = busy_day(c, WindowSearch::automatic, 31, in);
    const auto reused = test::run_queue(in.cases(), {.windows = c, .closing = 360.0}, shared);
    EXPECT_EQ(fresh.start, reused.start) << c;
    EXPECT_EQ(fresh.window, reused.window) << c;
  }
}

TEST(OutletQueue, ResumedChunksEqualOneLongPeriod) {
  // Feeding a continuous run in chunks with `resume` gives the same cases'
  // fates as one call, whichever window search each chunk uses.
  QueueInputs all;
  CounterRng rng(5, Stream::test_a, 0, 0);
  draw_poisson_cases(rng, 0.9, 0.0, 5000.0, DurationDist::exponential(4.0),
                     DurationDist::unlimited(), all);
  const auto whole = test::run_queue(all.cases(), {.windows = 4});
  QueueScratch scratch;
  std::vector<double> starts;
  const std::size_t n = all.arrival.size(), chunk = 333;
  for (std::size_t b = 0, k = 0; b < n; b += chunk, ++k) {
    const std::size_t e = std::min(n, b + chunk);
    const QueueCases part{std::span(all.arrival).subspan(b, e - b),
                          std::span(all.service).subspan(b, e - b), {}};
    const auto search = k % 2 ? WindowSearch::heap : WindowSearch::scan;
    const auto r = test::run_queue(part, {.windows = 4, .resume = b > 0, .search = search}, scratch);
    starts.insert(starts.end(), r.start.begin(), r.start.end());
  }
  EXPECT_EQ(starts, whole.start);
}

}  // namespace
}  // namespace zhili
