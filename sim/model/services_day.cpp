// One working day of the services: the day's stages in order, each over
// the cases due today (today_, in case order) and the day-wide scratch.
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>

#include "core/rng.hpp"
#include "model/services.hpp"
#include "queueing/queue_inputs.hpp"

namespace zhili {

namespace {

constexpr std::int32_t kNotActing = -1;
constexpr std::int32_t kWantsOnline = -2;
constexpr std::int32_t kExpires = -3;
constexpr std::int32_t kCompletesOnline = -4;
constexpr std::int32_t kTomorrow = -5;  // acts again tomorrow (no trip made today)
constexpr std::int32_t kNothingOpen = -6;  // no candidate outlet works today: tries again in return_in days

// A case that found every outlet closed comes back within a working week:
// after 1..kRetrySpread days, uniformly. Trying again the next day instead
// sent everything due at a weekend to Monday, and (with return_days 5) the
// visitors turned away on Monday, Tuesday or Wednesday back to a Monday too:
// the district centre of the reform scenarios saw 30 times its weekday
// arrivals on Mondays, where two thirds balked, and idled the rest of the week.
constexpr std::uint64_t kRetrySpread = 5;

// Cases ahead whose fields the day's decision loop prefetches.
constexpr std::size_t kPrefetchAhead = 8;
// Due cases per task of a day's decisions.
constexpr std::size_t kDecideGrain = 256;
// Visited outlets per task of a day's queues (about one visit each).
constexpr std::size_t kQueueGrain = 16;

// Weight of yesterday's expectation in today's expected wait at an outlet.
constexpr double kWaitMemory = 0.5;

}  // namespace

bool PublicServices::works(std::size_t o, std::int32_t day) const {
  return open_[o] && (windows_[o] + purchased_[o]) > 0 && (day % 7) < days_per_week_[o];
}

void PublicServices::schedule(std::size_t i, std::int32_t day) {
  cases_.next_day[i] = day;
  if (day < step_first_day_ || day >= step_end_day_) return;  // a later step buckets it
  later_[static_cast<std::size_t>(day - step_first_day_)].push_back(static_cast<std::uint32_t>(i));
}

void PublicServices::gather_due(std::int32_t day) {
  // today_ = the cases bucketed at the start of the step for `day` and those
  // rescheduled into it since, in case order, as a scan of the store would
  // give. A case is due on one day only, so no index comes twice: mark each
  // in due_bits_, then read the marked words in order, clearing them (one
  // merge per day that had rescheduled into this one took twice as long;
  // bench/README.md, "Figures from the code").
  const auto k = static_cast<std::size_t>(day - step_first_day_);
  due_bits_.resize(cases_.size() / 64 + 1);  // the store grows only between days
  std::uint64_t* bits = due_bits_.data();
  std::size_t low = due_bits_.size(), high = 0;  // the words marked
  const auto mark = [&](std::uint32_t i) {
    const std::size_t word = i >> 6;
    bits[word] |= std::uint64_t{1} << (i & 63);
    low = std::min(low, word);
    high = std::max(high, word);
  };
  for (std::size_t q = due_begin_[k]; q < due_begin_[k + 1]; ++q) mark(due_initial_[q]);
  for (const std::uint32_t i : later_[k]) mark(i);
  today_.resize(due_begin_[k + 1] - due_begin_[k] + later_[k].size());
  std::uint32_t* out = today_.data();
  for (std::size_t word = low; word <= high; ++word) {
    for (std::uint64_t w = bits[word]; w != 0; w &= w - 1)
      *out++ = static_cast<std::uint32_t>(word * 64 + static_cast<std::size_t>(std::countr_zero(w)));
    bits[word] = 0;
  }
  if (out != today_.data() + today_.size())
    throw std::logic_error("services: a case was due twice on day " + std::to_string(day));
}

void PublicServices::run_day(const StepContext& ctx, std::int32_t day) {
  gather_due(day);
  for (std::size_t o = 0; o < outlets_.size(); ++o) works_today_[o] = works(o, day) ? 1 : 0;
  decide_due_cases(ctx, day);
  file_online_and_reschedule(ctx, day);
  group_visits_by_outlet(day);
  run_outlet_queues(ctx);
  settle_outcomes(ctx, day);
}

void PublicServices::decide_due_cases(const StepContext& ctx, std::int32_t day) {
  const auto& spec = ctx.scenario.services;
  const auto seed = ctx.seed();
  const auto uday = static_cast<std::uint64_t>(day);
  const std::size_t n = today_.size();  // cases due today, in case order
  const double integration = ctx.lever(LeverId::services_integration);
  const double sharing = ctx.lever(LeverId::services_data_sharing);
  const double minutes_per_km = 60.0 / std::max(spec.travel_speed_kmh, 1e-9);
  const bool platform = spec.online.enabled;
  const double scale = ctx.scenario.population.scale;

  // 1. Each due case decides, in parallel, from its own draws. Everything
  // per entry p of today_ is written at p; cases_ fields only of its case.
  choice_.resize(n);
  visit_of_case_.resize(n);
  // An unfinished case comes back after 1..2R-1 days, uniformly (mean R =
  // return_days): people get the next document or department ready at their
  // own pace, not all exactly R days later.
  const auto return_spread = static_cast<std::uint64_t>(2 * std::max(spec.return_days, 1) - 1);
  // A day has a few thousand due cases: chunks of kDecideGrain, not the
  // 4096-item agent blocks (one or two blocks would leave threads idle).
  // Every write is per entry, so the split does not change results.
  ctx.exec.for_range(n, kDecideGrain, [&](std::size_t b, std::size_t e) {
    for (std::size_t p = b; p < e; ++p) {
      // Today's cases are a sparse subset of the store, so each of their
      // fields is a cache miss the hardware cannot foresee: fetch ahead.
      if (p + kPrefetchAhead < e) {
        const std::size_t q = today_[p + kPrefetchAhead];
        __builtin_prefetch(&cases_.deadline_day[q]);
        __builtin_prefetch(&cases_.candidates[q]);
        __builtin_prefetch(&cases_.home[q]);
        __builtin_prefetch(&cases_.id[q]);
        __builtin_prefetch(&cases_.channel[q]);
        __builtin_prefetch(&cases_.need[q]);
        __builtin_prefetch(&cases_.departments_left[q]);
        __builtin_prefetch(&cases_.digital[q]);
      }
      const std::size_t i = today_[p];
      choice_[p] = kNotActing;
      if (day > cases_.deadline_day[i]) {  // too late
        choice_[p] = kExpires;
        continue;
      }
      const std::size_t need = cases_.need[i];
      const NeedSpec& ns = spec.needs[need];
      if (cases_.channel[i] == CaseChannel::undecided) {
        CounterRng r(seed, Stream::service_online, uday, cases_.id[i]);
        if (platform && cases_.digital[i] &&
            r.uniform() < ctx.lever(online_lever(need))) {
          choice_[p] = kWantsOnline;
          continue;
        }
        cases_.channel[i] = CaseChannel::in_person;
      } else if (cases_.channel[i] == CaseChannel::online) {  // the platform has decided
        CounterRng r(seed, Stream::service_online, uday, cases_.id[i]);
        if (r.uniform() < spec.online.failure_rate) {
          cases_.channel[i] = CaseChannel::in_person;  // finish it in person, from tomorrow
          choice_[p] = kTomorrow;
        } else {
          choice_[p] = kCompletesOnline;
        }
        continue;
      }
      // In person: the candidate outlet of least expected cost in minutes.
      const std::int32_t home = cases_.home[i];
      const int hx = home % width_, hy = home / width_;  // divisions once, not per candidate
      const CaseCandidates& cand = cases_.candidates[i];
      const int left = cases_.departments_left[i];
      std::int32_t best = -1;
      double best_cost = std::numeric_limits<double>::infinity();
      for (int c = 0; c < kCandidates && cand[c] >= 0; ++c) {
        const auto o = static_cast<std::size_t>(cand[c]);
        if (!works_today_[o]) continue;
        const int dx = hx - outlet_x_[o], dy = hy - outlet_y_[o];  // as km_between
        const double km = std::sqrt(static_cast<double>(dx * dx + dy * dy)) * cell_km_;
        const double trip = 2.0 * km * minutes_per_km + spec.trip_cost_minutes;
        const double finish = left == 1 ? 1.0 : (comprehensive_kind_[o] ? integration : 0.0);
        const double cost = trip + expected_wait_[o] + (1.0 - finish) * (left - 1) * trip;
        if (cost < best_cost) {
          best_cost = cost;
          best = cand[c];
        }
      }
      if (best < 0) {  // nothing open today: try again within a working week, no trip made
        choice_[p] = kNothingOpen;
        visit_of_case_[p].return_in = static_cast<std::uint16_t>(
            1 + CounterRng(seed, Stream::service_return, uday, cases_.id[i]).below(kRetrySpread));
        continue;
      }
      const auto o = static_cast<std::size_t>(best);
      // What the visit needs of its outlet, from a compact copy (the
      // OutletSpec itself was a cache miss per visit).
      const OutletVisit& os = outlet_visit_[o];
      CounterRng r(seed, Stream::service_visit, uday, cases_.id[i]);
      Visit v;
      v.case_index = static_cast<std::uint32_t>(p);
      v.outlet = static_cast<std::uint32_t>(o);
      v.arrival = r.uniform() * os.open_hours * 60.0;
      v.comprehensive = left == 1 || (comprehensive_kind_[o] && r.uniform() < integration);
      // A simulated case stands for population.scale real ones: it holds a
      // window that many times as long, so listed (real) windows meet the
      // real load and waits and utilisation come out in real terms.
      // DurationDist::lognormal, with the outlet's log1p(cv^2) and its root
      // computed once at set-up instead of per visit (same values).
      const double mean = ns.service_minutes * os.speed * (v.comprehensive ? left : 1) * scale;
      v.service = DurationDist{DurationDist::Kind::lognormal, mean, os.service_cv, std::log(mean) - 0.5 * os.s2, os.sigma}
                      .draw(r);
      v.patience = r.exponential(spec.patience_minutes);
      const bool error = r.uniform() < os.error_rate;
      const bool missing = r.uniform() < ns.missing_document * (1.0 - sharing);
      v.progresses = !error && !missing;
      v.return_in = static_cast<std::uint16_t>(1 + r.below(return_spread));
      visit_of_case_[p] = v;
      choice_[p] = best;
    }
  });
}

void PublicServices::file_online_and_reschedule(const StepContext& ctx, std::int32_t day) {
  const auto& spec = ctx.scenario.services;
  const std::size_t n = today_.size();
  // 2. The platform takes online filings in case order while it has room;
  // cases that try again tomorrow are rescheduled (serially: the day lists).
  platform_used_ = 0;
  std::fill(outlet_begin_.begin(), outlet_begin_.end(), 0u);
  for (std::size_t p = 0; p < n; ++p) {
    const std::size_t i = today_[p];
    if (choice_[p] == kWantsOnline) {
      if (platform_used_ + 1 <= spec.online.capacity_per_day) {
        platform_used_ += 1;
        cases_.channel[i] = CaseChannel::online;
        schedule(i, day + std::max(spec.online_days, 1));
        tally_.online_filed += 1;
      } else {  // full today: go in person tomorrow
        cases_.channel[i] = CaseChannel::in_person;
        schedule(i, day + 1);
      }
      choice_[p] = kNotActing;
    } else if (choice_[p] == kTomorrow) {
      schedule(i, day + 1);
      choice_[p] = kNotActing;
    } else if (choice_[p] == kNothingOpen) {
      schedule(i, day + visit_of_case_[p].return_in);
      choice_[p] = kNotActing;
    } else if (choice_[p] >= 0) {
      ++outlet_begin_[static_cast<std::size_t>(choice_[p]) + 1];
    }
  }
}

void PublicServices::group_visits_by_outlet(std::int32_t day) {
  const std::size_t n = today_.size();
  const std::size_t outlets = outlets_.size();
  // 3. Visits grouped by outlet (counting sort, case order within an outlet).
  visited_.clear();  // outlets with visits today: the queues run over these only
  for (std::size_t o = 0; o < outlets; ++o) {
    if (outlet_begin_[o + 1] > 0) visited_.push_back(static_cast<std::uint32_t>(o));
    outlet_begin_[o + 1] += outlet_begin_[o];
  }
  const std::size_t visits = outlet_begin_[outlets];
  tally_.visits_weekday[static_cast<std::size_t>(day % 7)] += static_cast<double>(visits);
  visit_order_.resize(visits);
  for (auto* v : {&q_arrival_, &q_service_, &q_patience_, &q_wait_, &q_start_, &q_end_}) v->resize(visits);
  q_outcome_.resize(visits);
  q_window_.resize(visits);
  next_slot_.assign(outlet_begin_.begin(), outlet_begin_.end() - 1);
  for (std::size_t p = 0; p < n; ++p)
    if (choice_[p] >= 0) visit_order_[next_slot_[static_cast<std::size_t>(choice_[p])]++] = static_cast<std::uint32_t>(p);
  served_.resize(n);
}

void PublicServices::run_outlet_queues(const StepContext& ctx) {
  const std::size_t outlets = outlets_.size();
  const std::size_t visits = outlet_begin_[outlets];
  // 4. Each outlet's queue for the day, outlets in parallel.
  if (visits > 0) {
    ctx.exec.for_range(visited_.size(), kQueueGrain, [&](std::size_t vb, std::size_t ve) {
      for (std::size_t vi = vb; vi < ve; ++vi) {
        const std::size_t o = visited_[vi];
        const std::size_t begin = outlet_begin_[o], end = outlet_begin_[o + 1];
        // Arrival order; equal times by case order (positions are in case
        // order). std::sort with the tie-break gives a stable sort's order
        // without the buffer std::stable_sort allocates.
        std::sort(visit_order_.begin() + static_cast<std::ptrdiff_t>(begin),
                  visit_order_.begin() + static_cast<std::ptrdiff_t>(end), [&](std::uint32_t a, std::uint32_t b) {
                    const double ta = visit_of_case_[a].arrival, tb = visit_of_case_[b].arrival;
                    return ta != tb ? ta < tb : a < b;
                  });
        // The queue's inputs and outputs lie in day-wide arrays at the
        // outlet's range of visits (contiguous from outlet to outlet; a set
        // of vectors per outlet was a cache miss each, every day).
        const std::size_t k = end - begin;
        for (std::size_t j = begin; j < end; ++j) {
          const Visit& v = visit_of_case_[visit_order_[j]];
          q_arrival_[j] = v.arrival;
          q_service_[j] = v.service;
          q_patience_[j] = v.patience;
        }
        const OutletSpec& os = outlets_[o];
        OutletPeriod period;
        period.windows = windows_[o] + purchased_[o];
        period.closing = (os.close_hour - os.open_hour) * 60.0;
        const auto part = [&](auto& v) { return std::span(v).subspan(begin, k); };
        const OutletSummary sum =
            simulate_outlet(QueueCases{part(q_arrival_), part(q_service_), part(q_patience_)}, period,
                            outlet_scratch_[o].queue,
                            QueueResults{part(q_outcome_), part(q_window_), part(q_wait_), part(q_start_), part(q_end_)});
        double wait = 0;
        for (std::size_t j = begin; j < end; ++j) wait += q_wait_[j];
        stats_.arrivals[o] += sum.arrivals;
        stats_.served[o] += sum.served;
        stats_.balked[o] += sum.balked;
        stats_.carried_over[o] += sum.carried_over;
        stats_.busy_minutes[o] += sum.busy_minutes - sum.overtime_minutes;
        stats_.queue_minutes[o] += sum.queue_minutes;
        stats_.wait_minutes[o] += wait;
        day_wait_[o] = wait / static_cast<double>(k);
      }
    });
  }
  // Served or not, per entry of today_: serially, because an outlet's
  // entries lie all over today_ and two threads writing bytes into the same
  // cache lines made the parallel queues slower than one thread.
  for (std::size_t j = 0; j < visits; ++j)
    served_[visit_order_[j]] = q_outcome_[j] == CaseOutcome::served ? 1 : 0;
  // What an outlet's visitors waited today is what people expect there
  // tomorrow, remembered with weight kWaitMemory (word of mouth smooths the
  // swings that a shared expectation would otherwise cause); an outlet open
  // today that nobody visited showed no queue.
  for (std::size_t o = 0; o < outlets; ++o) {
    if (!works_today_[o]) continue;
    stats_.open_minutes[o] += (windows_[o] + purchased_[o]) * outlet_visit_[o].open_hours * 60.0;
    const bool visited = outlet_begin_[o + 1] > outlet_begin_[o];
    expected_wait_[o] = kWaitMemory * expected_wait_[o] + (1.0 - kWaitMemory) * (visited ? day_wait_[o] : 0.0);
  }
}

void PublicServices::settle_outcomes(const StepContext& ctx, std::int32_t day) {
  const std::size_t n = today_.size();
  // 5. Outcomes. In parallel, each entry updates its own case and notes
  // what became of it (the case fields are a cache miss each: spread over
  // threads); then, serially in case order, the tallies, the closures and
  // the day lists. Closed cases wait for the step's compaction.
  outcome_.resize(n);
  ctx.exec.for_range(n, kDecideGrain, [&](std::size_t b, std::size_t e) {
    for (std::size_t p = b; p < e; ++p) {
      if (p + kPrefetchAhead < e) {  // fields the decisions did not read
        const std::size_t q = today_[p + kPrefetchAhead];
        __builtin_prefetch(&cases_.arose_day[q]);
        __builtin_prefetch(&cases_.trips[q]);
        __builtin_prefetch(&cases_.group[q]);
        __builtin_prefetch(&cases_.zone[q]);
        __builtin_prefetch(&cases_.household[q]);
      }
      EntryOutcome& out = outcome_[p];
      out.kind = EntryOutcome::Kind::none;
      const std::int32_t c = choice_[p];  // kNotActing, kExpires, kCompletesOnline or an outlet
      if (c == kNotActing) continue;
      const std::size_t i = today_[p];
      out.kind = c == kExpires ? EntryOutcome::Kind::expired : EntryOutcome::Kind::completed;
      if (c >= 0) {  // a visit
        const Visit& v = visit_of_case_[p];
        if (cases_.trips[i] < 255) ++cases_.trips[i];
        int left = cases_.departments_left[i];
        if (served_[p] && v.progresses) left = v.comprehensive ? 0 : left - 1;
        cases_.departments_left[i] = static_cast<std::uint8_t>(left);
        // Not finished: come back for the next department, with the missing
        // document, or to queue again, after the days it takes to get ready.
        if (left > 0) {
          out.kind = EntryOutcome::Kind::returns;
          continue;
        }
      }
      out.household = cases_.household[i];
      out.days = day - cases_.arose_day[i];
      out.group = cases_.group[i];
      out.zone = cases_.zone[i];
      out.need = cases_.need[i];
      out.trips = cases_.trips[i];
      cases_.next_day[i] = kClosedDay;
    }
  });
  for (std::size_t p = 0; p < n; ++p) {
    const EntryOutcome& o = outcome_[p];
    if (o.kind == EntryOutcome::Kind::none) continue;
    if (o.kind == EntryOutcome::Kind::returns) {
      schedule(today_[p], day + visit_of_case_[p].return_in);
      continue;
    }
    const bool completed = o.kind == EntryOutcome::Kind::completed;  // else expired
    record_closure(o.household, o.need, o.days, !completed);
    tally_.closed_zone[o.zone] += 1;
    tally_.closed_need[o.need] += 1;
    if (!completed) {
      tally_.expired_group[o.group] += 1;
      continue;
    }
    tally_.completed_group[o.group] += 1;
    tally_.completed_zone[o.zone] += 1;
    tally_.completed_need[o.need] += 1;
    tally_.trips_of_completed += o.trips;
    if (o.trips <= 1) tally_.one_trip_completed += 1;
    if (o.trips == 0) tally_.online_completed += 1;
    tally_.days_to_complete += o.days;
    tally_.completion_days[static_cast<std::size_t>(std::clamp(o.days, 0, ServiceTally::kDayBins - 1))] += 1;
  }
}

}  // namespace zhili
