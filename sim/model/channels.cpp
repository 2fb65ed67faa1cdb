#include "model/channels.hpp"

#include <algorithm>
#include <cmath>

#include "model/social_state.hpp"

namespace zhili {

namespace {

LeverId capacity_lever(std::size_t c) {
  switch (static_cast<Channel>(c)) {
    case Channel::hotline: return LeverId::grievance_hotline_capacity;
    case Channel::petition: return LeverId::grievance_petition_capacity;
    default: return LeverId::grievance_meeting_capacity;
  }
}

}  // namespace

void ExpressionChannels::setup(const Scenario& s, std::size_t households) {
  scenario_ = &s;
  for (auto& q : queues_) q.clear(households / 16 + 64);
}

void ExpressionChannels::file(Channel c, AgentId household, std::uint8_t zone, std::int64_t step) {
  queues_[static_cast<std::size_t>(c)].items.push_back({household, static_cast<std::int32_t>(step), zone});
  tally_.filed[static_cast<std::size_t>(c)] += 1;
}

void ExpressionChannels::step(World& w, const StepContext& ctx, double residents) {
  auto& h = w.households;
  const GrievanceSpec& spec = ctx.scenario.grievance;
  const double scale = ctx.scenario.population.scale;
  const double months = ctx.years_per_step * 12.0;
  const double days_per_step = ctx.years_per_step * 365.25;
  const double factor = ctx.lever(LeverId::grievance_response_factor);

  const auto settle = [&](const Complaint& c, bool answered) {
    tally_.decided_zone[c.zone] += 1;
    if (answered) tally_.answered_zone[c.zone] += 1;
    const std::int32_t slot = h.slot_of(c.household);
    if (slot < 0) return;  // left the map while waiting
    const auto i = static_cast<std::size_t>(slot);
    const auto state = static_cast<std::uint8_t>(h.social[i] & ~social_bits::kPending);
    int level = social_bits::escalation(state);
    if (answered) {
      h.unmet_load[i] *= static_cast<float>(1.0 - spec.relief);
      level = 0;
    } else {
      h.unmet_load[i] += static_cast<float>(spec.ignored_load);
      level = std::min(level + 1, 3);
    }
    h.social[i] = social_bits::with_escalation(state, level);
  };

  for (std::size_t c = 0; c < kChannelCount; ++c) {
    Queue& q = queues_[c];
    // Capacity in simulated complaints: real per 10,000 residents a month.
    const std::size_t answer = q.take_capacity(ctx.lever(capacity_lever(c)) * residents / 1e4 * months / scale);
    const std::size_t n = std::min(answer, q.size());
    for (std::size_t k = 0; k < n; ++k) settle(q.items[q.head + k], true);
    q.head += n;
    tally_.answered[c] += static_cast<double>(n) * scale;
    tally_.cost += static_cast<double>(n) * scale * spec.channels[c].cost_per_case;
    // What is left waits, oldest first; past the response time it is ignored.
    const double limit_steps = spec.channels[c].response_days * factor / days_per_step;
    while (q.size() > 0 && static_cast<double>(ctx.step - q.front().filed_step + 1) > limit_steps) {
      settle(q.front(), false);
      ++q.head;
      tally_.ignored[c] += scale;
    }
    q.compact();
    tally_.filed[c] *= scale;
    tally_.backlog[c] = static_cast<double>(q.size()) * scale;
  }
}

}  // namespace zhili
