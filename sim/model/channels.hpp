// Expression channels (诉求表达; docs/MODEL.md 7.10): the 12345-style hotline
// and online complaint channel, the petition office (信访) and community
// meetings. Each is a first-come first-served queue of complaints with a
// capacity per step (policy.grievance.<channel>_capacity per 10,000 residents
// a month) and a response time: a complaint answered lowers its household's
// unmet-need load and ends its escalation; one still waiting past the response
// time is ignored and raises the household's escalation level, which sends its
// next complaint to the petition office.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/fifo_queue.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

struct ChannelTally {
  std::array<double, kChannelCount> filed{}, answered{}, ignored{}, backlog{};
  std::array<double, kZoneCount> answered_zone{}, decided_zone{};  // decided = answered + ignored
  double cost = 0;
  void clear() { *this = ChannelTally{}; }
};

class ExpressionChannels {
 public:
  void setup(const Scenario& s, std::size_t households);
  // A complaint filed this step by the household in `slot` (serially, in slot order).
  void file(Channel c, AgentId household, std::uint8_t zone, std::int64_t step);
  // Answers and ignores; `residents` are real persons (capacity per 10,000).
  void step(World& w, const StepContext& ctx, double residents);

  const ChannelTally& tally() const { return tally_; }
  void begin_step() { tally_.clear(); }

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
 private:
  struct Complaint {
    AgentId household;
    std::int32_t filed_step;
    std::uint8_t zone;
  };
  using Queue = FifoQueue<Complaint>;

  const Scenario* scenario_ = nullptr;
  std::array<Queue, kChannelCount> queues_;
  ChannelTally tally_;
};

}  // namespace zhili
