#include "model/disputes.hpp"

#include <algorithm>
#include <cmath>

#include "core/rng.hpp"

namespace zhili {

void Disputes::setup(const Scenario& s, std::size_t households) {
  scenario_ = &s;
  days_per_step_ = (s.run.step_unit == TimeStep::week ? 7.0 : 365.25 / 12.0);
  for (auto& q : queues_) q.clear(households / 64 + 64);
  const double steps_per_month = 365.25 / 12.0 / days_per_step_;
  const auto window = static_cast<std::size_t>(
      std::max(1.0, std::round(s.disputes.clearance_window_months * steps_per_month)));
  window_filed_.assign(window, {});
  window_concluded_.assign(window, {});
  window_pos_ = 0;
  next_id_ = 0;
  pending_.fill(0);
}

std::int32_t Disputes::ready_step(DisputePath p, std::int64_t step) const {
  // A case filed during a step can conclude in it when its processing time is
  // under a step; otherwise after the whole steps that time spans.
  const double d = scenario_->disputes.paths[static_cast<std::size_t>(p)].duration_days / days_per_step_;
  return static_cast<std::int32_t>(step + static_cast<std::int64_t>(std::floor(d)));
}

void Disputes::enqueue(DisputePath p, const Case& c) {
  const auto k = static_cast<std::size_t>(p);
  queues_[k].items.push_back(c);
  tally_.filed[k] += 1;
}

void Disputes::file(DisputeKind kind, DisputePath path, bool online, std::int64_t step) {
  tally_.filed_kind[static_cast<std::size_t>(kind)] += 1;
  ++pending_[static_cast<std::size_t>(kind)];
  if (path == DisputePath::internet_court && online) tally_.internet_online += 1;
  enqueue(path, {next_id_++, ready_step(path, step), 0.0f,
                 static_cast<std::uint8_t>(kind)});
}

void Disputes::step(const StepContext& ctx, double residents) {
  const DisputeSpec& spec = ctx.scenario.disputes;
  const double scale = ctx.scenario.population.scale;
  const double months = ctx.years_per_step * 12.0;
  // Capacities in simulated cases this step.
  std::array<double, kDisputePathCount> capacity{};
  capacity[0] = ctx.lever(LeverId::disputes_mediators) * residents / 1e4 * spec.cases_per_mediator_month;
  capacity[1] = ctx.lever(LeverId::disputes_court_capacity);
  capacity[2] = ctx.lever(LeverId::disputes_internet_court_capacity);
  // Mediation first: its failures join the court's queue this step.
  for (std::size_t p = 0; p < kDisputePathCount; ++p) {
    Queue& q = queues_[p];
    std::size_t left = q.take_capacity(capacity[p] * months / scale);
    while (left > 0 && q.size() > 0 && q.front().ready_step <= ctx.step) {
      const Case c = q.items[q.head++];
      --left;
      tally_.concluded[p] += 1;
      tally_.cost += spec.paths[p].cost_per_case;
      // Days at this path: its processing time, plus the steps the case
      // waited for capacity once processed.
      const double days = c.days_before + spec.paths[p].duration_days +
                          static_cast<double>(ctx.step - c.ready_step) * days_per_step_;
      if (p == static_cast<std::size_t>(DisputePath::mediation)) {
        CounterRng r(ctx.seed(), Stream::dispute, static_cast<std::uint64_t>(ctx.step), c.id);
        if (!r.bernoulli(spec.mediation_success)) {
          enqueue(DisputePath::court, {c.id, ready_step(DisputePath::court, ctx.step),
                                       static_cast<float>(days), c.kind});
          continue;
        }
        tally_.mediation_settled += 1;
      }
      tally_.days[p] += days;  // from the dispute arising to its settlement
      tally_.settled_kind[c.kind] += 1;
      tally_.days_kind[c.kind] += days;
      --pending_[c.kind];
    }
    q.compact();
  }
  // Trailing-window clearance, then everything in real cases.
  auto& wf = window_filed_[window_pos_];
  auto& wc = window_concluded_[window_pos_];
  wf = tally_.filed;
  wc = tally_.concluded;
  window_pos_ = (window_pos_ + 1) % window_filed_.size();
  for (std::size_t p = 0; p < kDisputePathCount; ++p) {
    double filed = 0, concluded = 0;
    for (std::size_t k = 0; k < window_filed_.size(); ++k) {
      filed += window_filed_[k][p];
      concluded += window_concluded_[k][p];
    }
    tally_.clearance[p] = filed > 0 ? concluded / filed : std::nan("");
    const double settled = p == 0 ? tally_.mediation_settled : tally_.concluded[p];
    tally_.days[p] = settled > 0 ? tally_.days[p] / settled : std::nan("");
    tally_.backlog[p] = static_cast<double>(queues_[p].size()) * scale;
    tally_.filed[p] *= scale;
    tally_.concluded[p] *= scale;
  }
  for (std::size_t k = 0; k < kDisputeKindCount; ++k) {
    const double settled = tally_.settled_kind[k];
    tally_.days_kind[k] = settled > 0 ? tally_.days_kind[k] / settled : std::nan("");
    tally_.settled_kind[k] = settled * scale;
    tally_.pending_kind[k] = static_cast<double>(pending_[k]) * scale;
  }
  for (auto& v : tally_.filed_kind) v *= scale;
  tally_.mediation_settled *= scale;
  tally_.internet_online *= scale;
  tally_.cost *= scale;
}

}  // namespace zhili
