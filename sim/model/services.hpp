// Public services (docs/MODEL.md 7.9): needs arise in households, cases go
// online or to outlets, each outlet runs a discrete-event queue per working
// day, and every trip, completion and expiry is counted.
//
// Per step:
//  1. one parallel pass over households: digital access grows; each
//     household gets at most one new need (chance 1 - exp(-R dt), R the sum of
//     its need rates; the type drawn in proportion), on a random day of the
//     step. Migrants' restricted needs are eligible with chance E + permit x
//     permit_access x (1 - E) (E = services.equalization); ineligible needs
//     count as arising and unmet.
//  2. for each day of the step: due cases decide (in parallel, each from its
//     own draws): expire past the deadline; file online (a share
//     services.online.<need> of cases can, if the household has digital
//     access and the platform has room that day, assigned in case order); or
//     choose the outlet of least expected cost in minutes - travel both ways,
//     a fixed cost per trip, the wait people saw there (daily, with memory), and the expected
//     extra trips when it cannot finish every department at once - among the
//     nearest outlets handling the need that work that day (ties: lowest
//     index). Visits are grouped by outlet, each outlet's queue runs
//     (queueing/outlet_queue.hpp; outlets in parallel), and outcomes apply: a
//     served visit completes every remaining department (comprehensive
//     window, chance services.integration at integrated kinds) or one; a
//     missing document (chance missing x (1 - data_sharing)) or a processing
//     error means no progress. Anything short of completion brings the case
//     back after 1 to 2 x services.return_days - 1 days (uniformly). Closed cases leave the store at the end of the step;
//     cases of households that left the map expire at the start of the phase.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/service_cases.hpp"
#include "model/step_context.hpp"
#include "queueing/outlet_queue.hpp"
#include "world/world.hpp"

namespace zhili {

// Service groups for coverage: registered residents (every non-migrant) and migrants.
inline constexpr std::size_t kServiceGroups = 2;

// What happened to cases during one step, for the measures.
struct ServiceTally {
  template <std::size_t N>
  using Counts = std::array<double, N>;
  // Cases closed during the step, by how: completed within the deadline,
  // expired (deadline passed), or ineligible (migrants' restricted needs
  // refused at once). Coverage = completed / (all three), by group, zone, need.
  Counts<kServiceGroups> arising_group{}, completed_group{}, expired_group{}, ineligible_group{};
  Counts<kZoneCount> completed_zone{}, closed_zone{};
  Counts<kNeedCount> arising_need{}, completed_need{}, closed_need{};
  double trips_of_completed = 0;  // in-person trips of the cases completed
  double one_trip_completed = 0;  // completed with at most one trip
  double online_completed = 0;    // completed without any trip (online)
  double online_filed = 0, online_failed = 0;
  double days_to_complete = 0;    // summed over completed cases
  // Completed cases by days from arising to completion (last bin: longer).
  static constexpr int kDayBins = 400;
  std::array<double, kDayBins> completion_days{};
  double open_cases = 0;          // at the end of the step
  double cost = 0;                // yuan during the step: windows, purchases, platform
  double purchased_windows = 0;
  Counts<7> visits_weekday{};     // visits to outlets by day of the week (day number mod 7)

  void clear() { *this = ServiceTally{}; }
};

class PublicServices {
 public:
  void setup(const World& w, const Scenario& s);
  void step(World& w, const StepContext& ctx);

  const ServiceTally& tally() const { return tally_; }
  const ServiceCaseStore& cases() const { return cases_; }
  const std::vector<OutletSpec>& outlets() const { return outlets_; }
  // Per outlet, during the last step.
  struct OutletStats {
    std::vector<double> arrivals, served, balked, carried_over, busy_minutes, open_minutes,
        queue_minutes, wait_minutes, windows;
  };
  const OutletStats& outlet_stats() const { return stats_; }
  bool outlet_open(std::size_t o) const { return open_[o] != 0; }
  int outlet_listed_windows(std::size_t o) const { return windows_[o]; }  // as events left them, without purchases
  // Adds a change to the outlet network, as a scenario `schedule:` entry with
  // `outlet:` at event.step would (after the scenario's own entries at that
  // step). event.step must not be before the step about to run.
  void schedule_event(OutletEvent event);
  NeedMask outlet_needs(std::size_t o) const { return outlets_[o].needs; }
  std::int32_t outlet_cell(std::size_t o) const { return outlet_cell_[o]; }
  // True once when the outlet network changed since the last call (accessibility).
  bool take_network_change() { return std::exchange(network_measured_, true) == false; }
  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
  // After a restore: the outlet changes still to come are those of `s` (a
  // variant's schedule) from `next_step` on.
  void restore_events(const Scenario& s, std::int64_t next_step);

  // Cases closed during the step, for the grievance model's unmet-need load
  // (kept only after record_closures(true); in the order they closed).
  struct Closure {
    AgentId household;
    std::uint8_t need;
    bool unmet;        // expired or refused, not completed
    std::int32_t days; // from arising to closing
  };
  void record_closures(bool on) { record_closures_ = on; }
  const std::vector<Closure>& closures() const { return closures_; }

 private:
  struct Visit {  // one case at one outlet on one day
    std::uint32_t case_index;  // position in today_ (case order)
    std::uint32_t outlet;
    double arrival;   // minutes since opening
    double service;   // minutes
    double patience;  // minutes
    bool comprehensive;  // would finish every remaining department
    bool progresses;     // no missing document, no processing error
    std::uint16_t return_in;  // days until it comes back if not finished (or, with nothing open, tries again)
  };

  void apply_events(std::int64_t step, const StepContext& ctx);
  void rebuild_candidates(const CellGrid& g, const Executor& exec);
  void size_generated_windows(const World& w, const Scenario& s);
  void arise(World& w, const StepContext& ctx, std::int32_t first_day, std::int32_t days);
  void bucket_due(std::int32_t first_day, std::int32_t end_day);
  void gather_due(std::int32_t day);
  void schedule(std::size_t case_index, std::int32_t day);
  // One working day (services_day.cpp), in stages: the due cases decide
  // (in parallel); online filings and retries are taken in case order; the
  // visits are grouped by outlet; each outlet's queue runs (in parallel);
  // the outcomes update the cases and the tallies.
  void run_day(const StepContext& ctx, std::int32_t day);
  void decide_due_cases(const StepContext& ctx, std::int32_t day);
  void file_online_and_reschedule(const StepContext& ctx, std::int32_t day);
  void group_visits_by_outlet(std::int32_t day);
  void run_outlet_queues(const StepContext& ctx);
  void settle_outcomes(const StepContext& ctx, std::int32_t day);
  void refresh_case_candidates();
  const std::int16_t* candidate_row(std::int32_t cell, std::size_t need) const {
    const int bx = (cell % width_) / block_cells_, by = (cell / width_) / block_cells_;
    return &candidates_[((static_cast<std::size_t>(by) * blocks_x_ + bx) * kNeedCount + need) * kCandidates];
  }
  void close_cases_of_departed(const World& w);
  void compact_closed();
  bool works(std::size_t outlet, std::int32_t day) const;
  double km_between(std::int32_t a, std::int32_t b) const;
  // The network as rebuild_candidates searches it: outlets in square buckets.
  struct OutletBuckets {
    int cells = 1, nx = 0, ny = 0;  // a bucket's side in cells; buckets across and down
    std::vector<std::vector<std::int32_t>> outlets;
  };
  struct NearOutlet {
    double km;
    std::int32_t outlet;
  };
  // The kCandidates outlets of `b` nearest to `centre` (ties: lower index)
  // into out, -1 where there are fewer; `near` is scratch.
  void nearest_outlets(const OutletBuckets& b, double cell_km, std::int32_t centre, std::vector<NearOutlet>& near,
                       std::int16_t* out) const;

  const Scenario* scenario_ = nullptr;
  int width_ = 1;
  double cell_km_ = 1.0;
  std::vector<OutletSpec> outlets_;
  std::vector<std::int32_t> outlet_cell_;
  std::vector<std::uint8_t> open_;
  std::vector<int> windows_;           // listed windows as changed by events
  std::vector<int> purchased_;         // windows bought with services.purchase_budget
  std::vector<double> expected_wait_;  // minutes people expect at each outlet (choice)
  std::vector<double> day_wait_;       // mean wait of today's visits
  std::vector<std::uint8_t> works_today_;
  // Per outlet, compact copies of what the daily loops and the visits read
  // (an OutletSpec spans cache lines and was a miss per outlet or visit).
  std::vector<int> days_per_week_;
  std::vector<int> outlet_x_, outlet_y_;  // the outlet's cell column and row
  struct OutletVisit {
    double open_hours, speed, service_cv, error_rate;
    double s2, sigma;  // of the lognormal service time: s2 = log(1 + cv^2), sigma = sqrt(s2), once per outlet
  };
  std::vector<OutletVisit> outlet_visit_;
  std::vector<std::uint8_t> comprehensive_kind_;  // integrates departments (all but department windows)
  std::vector<OutletEvent> events_;  // the scenario's, plus schedule_event()'s; sorted by step
  std::size_t next_event_ = 0;       // first of events_ not yet applied
  bool network_changed_ = true;   // candidates need rebuilding
  bool network_measured_ = false; // accessibility measured since the last change

  // Candidate outlets: per block of cells and need type, the kCandidates
  // nearest open outlets handling the need (index; -1 none).
  static constexpr int kCandidates = kCaseCandidates;
  int block_cells_ = 1;  // cells per block side
  int blocks_x_ = 1;
  std::vector<std::int16_t> candidates_;  // 16 bits: read at random, once per new case (cases keep a copy)

  ServiceCaseStore cases_;
  std::uint64_t next_case_id_ = 0;
  ServiceTally tally_;
  OutletStats stats_;

  // Scratch, sized at setup.
  std::vector<std::uint64_t> arising_;  // per household slot: packed new need, or ~0
  std::vector<std::int64_t> block_counts_;
  std::vector<std::size_t> case_begin_;  // per block of households: its first new case
  // Cases due each day of the step, so a day touches only its own cases
  // (a scan of every open case per day cost more than the decisions): the
  // cases due at the start of the step by a counting sort on next_day
  // (due_initial_, day k from due_begin_[k]), and per day the cases
  // rescheduled into it during the step (later_[k], in no particular order).
  // gather_due puts them in case order, the order every serial pass of a day
  // keeps, through a bit per case (due_bits_, all zero between days).
  std::int32_t step_first_day_ = 0, step_end_day_ = 0;
  std::vector<std::uint32_t> due_begin_;
  std::vector<std::uint32_t> due_initial_;
  std::vector<std::vector<std::uint32_t>> later_;
  std::vector<std::uint64_t> due_bits_;
  std::vector<std::uint32_t> today_;
  // Per entry of today_ (position p, case today_[p]).
  std::vector<std::int32_t> choice_;    // outlet chosen today, or one of the k* codes
  std::vector<Visit> visit_of_case_;  // kNothingOpen entries: only return_in
  std::vector<std::uint32_t> visit_order_;  // positions in today_ grouped by outlet
  std::vector<std::uint32_t> outlet_begin_;
  std::vector<std::uint32_t> visited_;  // outlets with visits today, in index order
  std::vector<std::uint32_t> next_slot_;
  std::vector<std::uint8_t> keep_;
  struct OutletScratch {
    QueueScratch queue;
  };
  // The day's queues' inputs and outputs, at the positions of visit_order_.
  std::vector<double> q_arrival_, q_service_, q_patience_, q_wait_, q_start_, q_end_;
  std::vector<CaseOutcome> q_outcome_;
  std::vector<std::int32_t> q_window_;
  std::vector<OutletScratch> outlet_scratch_;
  std::vector<std::uint8_t> served_;  // per entry of today_: 1 served at its outlet
  // Per entry of today_: what became of its case today (what the serial
  // tallies need, copied from the case while it is in the cache).
  struct EntryOutcome {
    enum class Kind : std::uint8_t { none, returns, expired, completed };
    AgentId household;
    std::int32_t days;  // from arising to closing
    Kind kind;
    std::uint8_t group, zone, need, trips;
  };
  std::vector<EntryOutcome> outcome_;
  double platform_used_ = 0;          // online cases taken today
  bool record_closures_ = false;
  std::vector<Closure> closures_;     // grows to the largest step's closures, then reused
  void record_closure(AgentId household, std::size_t need, std::int32_t days, bool unmet) {
    if (record_closures_) closures_.push_back({household, static_cast<std::uint8_t>(need), unmet, days});
  }
};

}  // namespace zhili
