// Disputes (矛盾调处; docs/MODEL.md 7.11): people's mediation, the basic court
// and the internet court (互联网法院), each a first-come first-served queue
// with a processing time and a capacity per step. A case concludes once it
// has been processed for its path's duration and the path has capacity left
// this step; a failed mediation is filed at the court. The clearance rate is
// concluded over filed over a trailing window (the courts' own measure: Pudong
// H1 2017, 71,580 concluded of 72,753 received).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/fifo_queue.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

struct DisputeTally {
  std::array<double, kDisputeKindCount> filed_kind{};
  // Disputes settled (a mediation that succeeded, a court judgment), still
  // pending at the end of the step, and mean days to settlement, by kind.
  std::array<double, kDisputeKindCount> settled_kind{}, pending_kind{}, days_kind{};
  std::array<double, kDisputePathCount> filed{}, concluded{}, days{}, backlog{}, clearance{};
  double mediation_settled = 0;   // mediations that settled the dispute
  double internet_online = 0;     // internet-court cases filed online
  double cost = 0;
  void clear() { *this = DisputeTally{}; }
};

class Disputes {
 public:
  void setup(const Scenario& s, std::size_t households);
  void begin_step() { tally_.clear(); }
  // A dispute arising this step (serially, in household slot order).
  void file(DisputeKind kind, DisputePath path, bool online, std::int64_t step);
  // Concludes cases; `residents` are real persons (mediators per 10,000).
  void step(const StepContext& ctx, double residents);

  const DisputeTally& tally() const { return tally_; }

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
 private:
  struct Case {
    std::uint64_t id;           // key of its draws (mediation outcome)
    std::int32_t ready_step;    // processed at this path from this step on
    float days_before;          // days spent at an earlier path (a failed mediation)
    std::uint8_t kind;
  };
  using Queue = FifoQueue<Case>;
  std::int32_t ready_step(DisputePath p, std::int64_t step) const;
  void enqueue(DisputePath p, const Case& c);

  const Scenario* scenario_ = nullptr;
  double days_per_step_ = 30.4;
  std::uint64_t next_id_ = 0;
  std::array<Queue, kDisputePathCount> queues_;
  // Filed and concluded per step over the clearance window (ring buffers).
  std::vector<std::array<double, kDisputePathCount>> window_filed_, window_concluded_;
  std::size_t window_pos_ = 0;
  std::array<std::int64_t, kDisputeKindCount> pending_{};  // disputes filed and not settled, by kind
  DisputeTally tally_;
};

}  // namespace zhili
