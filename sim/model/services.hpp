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
//     (services/outlet_queue.hpp; outlets in parallel), and outcomes apply: a
//     served visit completes every remaining department (comprehensive
//     window, chance services.integration at integrated kinds) or one; a
//     missing document (chance missing x (1 - data_sharing)) or a processing
//     error means no progress. Anything short of completion brings the case
//     back the next day. Closed cases leave the store at the end of the step;
//     cases of households that left the map expire at the start of the phase.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/service_cases.hpp"
#include "model/step_context.hpp"
#include "services/outlet_queue.hpp"
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
  NeedMask outlet_needs(std::size_t o) const { return outlets_[o].needs; }
  std::int32_t outlet_cell(std::size_t o) const { return outlet_cell_[o]; }
  // True once when the outlet network changed since the last call (accessibility).
  bool take_network_change() { return std::exchange(network_measured_, true) == false; }

 private:
  struct Visit {  // one case at one outlet on one day
    std::uint32_t case_index;
    std::uint32_t outlet;
    double arrival;   // minutes since opening
    double service;   // minutes
    double patience;  // minutes
    bool comprehensive;  // would finish every remaining department
    bool progresses;     // no missing document, no processing error
  };

  void apply_events(std::int64_t step, const StepContext& ctx);
  void rebuild_candidates(const CellGrid& g);
  void size_generated_windows(const World& w, const Scenario& s);
  void arise(World& w, const StepContext& ctx, std::int32_t first_day, std::int32_t days);
  void run_day(const StepContext& ctx, std::int32_t day);
  void close_cases_of_departed(const World& w);
  void compact_closed();
  bool works(std::size_t outlet, std::int32_t day) const;
  double km_between(std::int32_t a, std::int32_t b) const;

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
  std::vector<std::uint8_t> comprehensive_kind_;  // integrates departments (all but department windows)
  std::size_t next_event_ = 0;
  bool network_changed_ = true;   // candidates need rebuilding
  bool network_measured_ = false; // accessibility measured since the last change

  // Candidate outlets: per block of cells and need type, the kCandidates
  // nearest open outlets handling the need (index; -1 none).
  static constexpr int kCandidates = 6;
  int block_cells_ = 1;  // cells per block side
  int blocks_x_ = 1;
  std::vector<std::int16_t> candidates_;  // 16 bits: the table is read at random, once per visit

  ServiceCaseStore cases_;
  std::uint64_t next_case_id_ = 0;
  ServiceTally tally_;
  OutletStats stats_;

  // Scratch, sized at setup.
  std::vector<std::uint64_t> arising_;  // per household slot: packed new need, or ~0
  std::vector<std::int64_t> block_counts_;
  std::vector<std::int32_t> choice_;    // per case: outlet chosen today, -1 none, -2 online
  std::vector<Visit> visit_of_case_;
  std::vector<std::uint32_t> visit_order_;  // case indices grouped by outlet
  std::vector<std::uint32_t> outlet_begin_;
  std::vector<std::uint32_t> next_slot_;
  std::vector<std::uint8_t> keep_;
  struct OutletScratch {
    QueueScratch queue;
    std::vector<double> arrival, service, patience, wait, start, end;
    std::vector<CaseOutcome> outcome;
    std::vector<std::int32_t> window;
  };
  std::vector<OutletScratch> outlet_scratch_;
  std::vector<std::uint8_t> served_;  // per case today: 1 served at its outlet
  double platform_used_ = 0;          // online cases taken today
};

}  // namespace zhili
