#include "model/services.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>

#include "core/prefault.hpp"
#include "core/rng.hpp"
#include "queueing/queue_inputs.hpp"
#include "world/outlet_layout.hpp"

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

void PublicServices::setup(const World& w, const Scenario& s) {
  const auto& g = w.grid;
  scenario_ = &s;
  width_ = g.width;
  cell_km_ = g.cell_km;
  outlets_ = resolve_outlets(s, g);  // the listed outlets, or the default layout
  if (outlets_.size() > static_cast<std::size_t>(std::numeric_limits<std::int16_t>::max()))
    throw std::runtime_error("services: " + std::to_string(outlets_.size()) + " outlets; at most 32767 are supported");
  const std::size_t n = outlets_.size();
  outlet_cell_.resize(n);
  open_.resize(n);
  windows_.resize(n);
  comprehensive_kind_.resize(n);
  for (std::size_t o = 0; o < n; ++o) {
    const auto& os = outlets_[o];
    outlet_cell_[o] = g.index(os.x, os.y);
    open_[o] = os.open_at_start ? 1 : 0;
    windows_[o] = os.windows;
    comprehensive_kind_[o] = os.kind != OutletKindSpec::department_window ? 1 : 0;
  }
  outlet_x_.resize(n);
  outlet_y_.resize(n);
  for (std::size_t o = 0; o < n; ++o) {
    outlet_x_[o] = outlet_cell_[o] % width_;
    outlet_y_[o] = outlet_cell_[o] / width_;
  }
  days_per_week_.resize(n);
  for (std::size_t o = 0; o < n; ++o) days_per_week_[o] = outlets_[o].days_per_week;
  outlet_visit_.resize(n);
  for (std::size_t o = 0; o < n; ++o) {
    const OutletSpec& os = outlets_[o];
    OutletVisit& ov = outlet_visit_[o];
    ov.open_hours = os.close_hour - os.open_hour;
    ov.speed = os.speed;
    ov.service_cv = os.service_cv;
    ov.error_rate = os.error_rate;
    ov.s2 = std::log1p(os.service_cv * os.service_cv);
    ov.sigma = std::sqrt(ov.s2);
  }
  purchased_.assign(n, 0);
  expected_wait_.assign(n, 0.0);
  day_wait_.assign(n, 0.0);
  works_today_.assign(n, 0);
  for (auto* v : {&stats_.arrivals, &stats_.served, &stats_.balked, &stats_.carried_over, &stats_.busy_minutes,
                  &stats_.open_minutes, &stats_.queue_minutes, &stats_.wait_minutes, &stats_.windows})
    v->assign(n, 0.0);
  outlet_scratch_.resize(n);
  outlet_begin_.assign(n + 1, 0);
  visited_.reserve(n);

  // Candidate blocks of about 1 km.
  block_cells_ = std::max(1, static_cast<int>(std::lround(1.0 / g.cell_km)));
  blocks_x_ = (g.width + block_cells_ - 1) / block_cells_;
  const int blocks_y = (g.height + block_cells_ - 1) / block_cells_;
  candidates_.assign(static_cast<std::size_t>(blocks_x_) * blocks_y * kNeedCount * kCandidates, -1);
  network_changed_ = true;
  network_measured_ = false;
  events_ = s.services.events;
  next_event_ = 0;
  if (s.services.outlets.empty()) size_generated_windows(w, s);

  const std::size_t households = w.households.capacity();
  reserve_touched(arising_, households);  // core/prefault.hpp: one entry per household each step
  block_counts_.reserve(Executor::block_count(households) + 1);
  case_begin_.reserve(Executor::block_count(households) + 1);
  const std::size_t case_room = households / 2 + 1024;
  cases_.reserve(case_room);
  choice_.reserve(case_room);
  visit_of_case_.reserve(case_room);
  visit_order_.reserve(case_room);
  keep_.reserve(case_room);
  served_.reserve(case_room);
  outcome_.reserve(case_room);
  due_initial_.reserve(case_room);
  for (auto* v : {&q_arrival_, &q_service_, &q_patience_, &q_wait_, &q_start_, &q_end_}) v->reserve(case_room);
  q_outcome_.reserve(case_room);
  q_window_.reserve(case_room);
  today_.reserve(case_room);
  due_bits_.reserve(case_room / 64 + 1);
  // Day lists for a step of up to a month (31 days); later_[k] keep their
  // capacity from step to step.
  constexpr std::size_t kMaxStepDays = 32;
  due_begin_.reserve(kMaxStepDays + 1);
  next_slot_.reserve(std::max(n, kMaxStepDays));
  later_.resize(kMaxStepDays);
}

double PublicServices::km_between(std::int32_t a, std::int32_t b) const {
  const int dx = a % width_ - b % width_, dy = a / width_ - b / width_;
  return std::sqrt(static_cast<double>(dx * dx + dy * dy)) * cell_km_;  // not hypot: no overflow here, and faster
}

bool PublicServices::works(std::size_t o, std::int32_t day) const {
  return open_[o] && (windows_[o] + purchased_[o]) > 0 && (day % 7) < days_per_week_[o];
}

void PublicServices::schedule_event(OutletEvent event) {
  // After every event at or before its step (the scenario's included), before
  // later ones: the list stays sorted by step, and nothing already applied moves.
  const auto at = std::upper_bound(events_.begin() + static_cast<std::ptrdiff_t>(next_event_), events_.end(),
                                   event.step, [](std::int64_t s, const OutletEvent& e) { return s < e.step; });
  events_.insert(at, std::move(event));
}

void PublicServices::apply_events(std::int64_t step, const StepContext& ctx) {
  for (; next_event_ < events_.size() && events_[next_event_].step <= step; ++next_event_) {
    const OutletEvent& ev = events_[next_event_];
    const auto it = std::find_if(outlets_.begin(), outlets_.end(), [&](const OutletSpec& o) { return o.name == ev.outlet; });
    if (it == outlets_.end()) continue;  // the loader checks names; a generated layout has none
    const auto o = static_cast<std::size_t>(it - outlets_.begin());
    switch (ev.kind) {
      case OutletEvent::Kind::open: open_[o] = 1; break;
      case OutletEvent::Kind::close: open_[o] = 0; break;
      case OutletEvent::Kind::set_windows: windows_[o] = ev.windows; break;
      case OutletEvent::Kind::add_needs: outlets_[o].needs |= ev.needs; break;
    }
    network_changed_ = true;
    network_measured_ = false;
  }
  // Purchase of services: the budget buys windows at the open social-organisation
  // outlets, shared equally, each at its own cost per window.
  const double budget = ctx.lever(LeverId::services_purchase_budget);
  std::size_t social = 0;
  for (std::size_t o = 0; o < outlets_.size(); ++o)
    social += open_[o] && outlets_[o].operated_by == OutletOperator::social_organisation;
  for (std::size_t o = 0; o < outlets_.size(); ++o) {
    const bool buys = open_[o] && outlets_[o].operated_by == OutletOperator::social_organisation &&
                      outlets_[o].cost_per_window > 0;
    const int bought = buys ? static_cast<int>(std::floor(budget / social / outlets_[o].cost_per_window)) : 0;
    if (bought != purchased_[o]) network_changed_ = true;
    purchased_[o] = bought;
  }
}

void PublicServices::step(World& w, const StepContext& ctx) {
  tally_.clear();
  closures_.clear();
  for (auto* v : {&stats_.arrivals, &stats_.served, &stats_.balked, &stats_.carried_over, &stats_.busy_minutes,
                  &stats_.open_minutes, &stats_.queue_minutes, &stats_.wait_minutes})
    std::fill(v->begin(), v->end(), 0.0);
  // Outlet changes are dated from the start; the spin-up has the network of the start.
  apply_events(std::max<std::int64_t>(0, ctx.recorded_step()), ctx);
  if (network_changed_) {
    rebuild_candidates(w.grid, ctx.exec);
    refresh_case_candidates();
  }

  const double days_per_step = ctx.years_per_step * 365.25;
  const auto first_day = static_cast<std::int32_t>(std::floor(static_cast<double>(ctx.step) * days_per_step));
  const auto end_day = static_cast<std::int32_t>(std::floor(static_cast<double>(ctx.step + 1) * days_per_step));
  close_cases_of_departed(w);
  arise(w, ctx, first_day, end_day - first_day);
  bucket_due(first_day, end_day);
  for (std::int32_t day = first_day; day < end_day; ++day) run_day(ctx, day);
  compact_closed();

  for (std::size_t o = 0; o < outlets_.size(); ++o) {
    stats_.windows[o] = open_[o] ? windows_[o] + purchased_[o] : 0;
  }
  // Cost of the step: staffed and purchased windows, and the platform.
  double cost = 0;
  for (std::size_t o = 0; o < outlets_.size(); ++o) {
    if (!open_[o]) continue;
    cost += (windows_[o] + purchased_[o]) * outlets_[o].cost_per_window;
    tally_.purchased_windows += purchased_[o];
  }
  if (ctx.scenario.services.online.enabled) cost += ctx.scenario.services.online.cost_per_year;
  tally_.cost = cost * ctx.years_per_step;
  tally_.open_cases = static_cast<double>(cases_.size());
}

void PublicServices::refresh_case_candidates() {
  // Open cases keep a copy of their candidate row; the network changed.
  for (std::size_t i = 0; i < cases_.size(); ++i)
    std::copy_n(candidate_row(cases_.home[i], cases_.need[i]), kCandidates, cases_.candidates[i].begin());
}

void PublicServices::bucket_due(std::int32_t first_day, std::int32_t end_day) {
  // One counting sort of the open cases by next_day (case order within a
  // day) instead of a scan of every case on every day of the step.
  step_first_day_ = first_day;
  step_end_day_ = end_day;
  const std::size_t days = end_day > first_day ? static_cast<std::size_t>(end_day - first_day) : 0;
  if (later_.size() < days) later_.resize(days);  // a step longer than setup planned for
  for (std::size_t k = 0; k < days; ++k) later_[k].clear();
  due_begin_.assign(days + 1, 0u);
  const std::size_t n = cases_.size();
  const auto first = static_cast<std::int64_t>(first_day), end = static_cast<std::int64_t>(end_day);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t d = cases_.next_day[i];
    if (d >= first && d < end) ++due_begin_[static_cast<std::size_t>(d - first) + 1];
  }
  for (std::size_t k = 0; k < days; ++k) due_begin_[k + 1] += due_begin_[k];
  due_initial_.resize(due_begin_[days]);
  if (days == 0) return;
  // Fill through a cursor per day (the first days' begins, shifted by one).
  next_slot_.assign(due_begin_.begin(), due_begin_.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t d = cases_.next_day[i];
    if (d >= first && d < end) due_initial_[next_slot_[static_cast<std::size_t>(d - first)]++] = static_cast<std::uint32_t>(i);
  }
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
  const auto& spec = ctx.scenario.services;
  const auto seed = ctx.seed();
  const auto uday = static_cast<std::uint64_t>(day);
  gather_due(day);
  const std::size_t n = today_.size();  // cases due today, in case order
  const double integration = ctx.lever(LeverId::services_integration);
  const double sharing = ctx.lever(LeverId::services_data_sharing);
  const double minutes_per_km = 60.0 / std::max(spec.travel_speed_kmh, 1e-9);
  const bool platform = spec.online.enabled;
  const double scale = ctx.scenario.population.scale;
  const std::size_t outlets = outlets_.size();

  for (std::size_t o = 0; o < outlets; ++o) works_today_[o] = works(o, day) ? 1 : 0;

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

void PublicServices::close_cases_of_departed(const World& w) {
  // Households leave only in earlier phases of the step, so one check of the
  // open cases at the start of the services phase finds every departed one.
  const auto& h = w.households;
  for (std::size_t i = 0; i < cases_.size(); ++i) {
    if (h.slot_of(cases_.household[i]) >= 0) continue;
    tally_.expired_group[cases_.group[i]] += 1;
    tally_.closed_zone[cases_.zone[i]] += 1;
    tally_.closed_need[cases_.need[i]] += 1;
    cases_.next_day[i] = kClosedDay;
  }
}

void PublicServices::compact_closed() {
  const std::size_t n = cases_.size();
  keep_.resize(n);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    keep_[i] = cases_.next_day[i] != kClosedDay;
    any = any || !keep_[i];
  }
  if (any) cases_.compact(keep_);
}

}  // namespace zhili
