#include "model/services.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/rng.hpp"
#include "services/queue_inputs.hpp"
#include "world/outlet_layout.hpp"

namespace zhili {

namespace {

// Household make-up classes of the need-rate table (larger values share the last class).
constexpr int kChildClasses = 8, kElderlyClasses = 4, kWorkerClasses = 8;
constexpr std::size_t kRateClasses = std::size_t{kChildClasses} * kElderlyClasses * kWorkerClasses * 2;

std::size_t rate_class(int children, int elderly, int workers, bool migrant) {
  const int c = std::min(children, kChildClasses - 1);
  const int e = std::min(elderly, kElderlyClasses - 1);
  const int k = std::min(workers, kWorkerClasses - 1);
  return ((static_cast<std::size_t>(c) * kElderlyClasses + e) * kWorkerClasses + k) * 2 + (migrant ? 1 : 0);
}

// A new need, packed into the scratch word: need (8 bits), day offset within
// the step (16 bits), eligible (1 bit), household slot (32 bits).
std::uint64_t pack(std::size_t need, std::int64_t day_offset, bool eligible, std::size_t slot) {
  return static_cast<std::uint64_t>(need) | (static_cast<std::uint64_t>(day_offset) << 8) |
         (static_cast<std::uint64_t>(eligible) << 24) | (static_cast<std::uint64_t>(slot) << 32);
}

constexpr std::int32_t kNotActing = -1;
constexpr std::int32_t kWantsOnline = -2;
constexpr std::int32_t kExpires = -3;
constexpr std::int32_t kCompletesOnline = -4;

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
  purchased_.assign(n, 0);
  expected_wait_.assign(n, 0.0);
  day_wait_.assign(n, 0.0);
  works_today_.assign(n, 0);
  for (auto* v : {&stats_.arrivals, &stats_.served, &stats_.balked, &stats_.carried_over, &stats_.busy_minutes,
                  &stats_.open_minutes, &stats_.queue_minutes, &stats_.wait_minutes, &stats_.windows})
    v->assign(n, 0.0);
  outlet_scratch_.resize(n);
  outlet_begin_.assign(n + 1, 0);
  next_slot_.reserve(n);

  // Candidate blocks of about 1 km.
  block_cells_ = std::max(1, static_cast<int>(std::lround(1.0 / g.cell_km)));
  blocks_x_ = (g.width + block_cells_ - 1) / block_cells_;
  const int blocks_y = (g.height + block_cells_ - 1) / block_cells_;
  candidates_.assign(static_cast<std::size_t>(blocks_x_) * blocks_y * kNeedCount * kCandidates, -1);
  network_changed_ = true;
  network_measured_ = false;
  next_event_ = 0;
  if (s.services.outlets.empty()) size_generated_windows(w, s);

  const std::size_t households = w.households.capacity();
  arising_.reserve(households);
  block_counts_.reserve(Executor::block_count(households) + 1);
  const std::size_t case_room = households / 2 + 1024;
  cases_.reserve(case_room);
  choice_.reserve(case_room);
  visit_of_case_.reserve(case_room);
  visit_order_.reserve(case_room);
  keep_.reserve(case_room);
  served_.reserve(case_room);
}

double PublicServices::km_between(std::int32_t a, std::int32_t b) const {
  const int dx = a % width_ - b % width_, dy = a / width_ - b / width_;
  return std::sqrt(static_cast<double>(dx * dx + dy * dy)) * cell_km_;  // not hypot: no overflow here, 5x faster
}

bool PublicServices::works(std::size_t o, std::int32_t day) const {
  return open_[o] && (windows_[o] + purchased_[o]) > 0 && (day % 7) < outlets_[o].days_per_week;
}

void PublicServices::apply_events(std::int64_t step, const StepContext& ctx) {
  const auto& events = ctx.scenario.services.events;
  for (; next_event_ < events.size() && events[next_event_].step <= step; ++next_event_) {
    const OutletEvent& ev = events[next_event_];
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
  for (auto* v : {&stats_.arrivals, &stats_.served, &stats_.balked, &stats_.carried_over, &stats_.busy_minutes,
                  &stats_.open_minutes, &stats_.queue_minutes, &stats_.wait_minutes})
    std::fill(v->begin(), v->end(), 0.0);
  apply_events(ctx.step, ctx);
  if (network_changed_) rebuild_candidates(w.grid);

  const double days_per_step = ctx.years_per_step * 365.25;
  const auto first_day = static_cast<std::int32_t>(std::floor(static_cast<double>(ctx.step) * days_per_step));
  const auto end_day = static_cast<std::int32_t>(std::floor(static_cast<double>(ctx.step + 1) * days_per_step));
  close_cases_of_departed(w);
  arise(w, ctx, first_day, end_day - first_day);
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

void PublicServices::arise(World& w, const StepContext& ctx, std::int32_t first_day, std::int32_t days) {
  auto& h = w.households;
  const auto& g = w.grid;
  const auto& spec = ctx.scenario.services;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const double dt = ctx.years_per_step;

  // Need rates by household make-up: chance of a new need this step, and the
  // cumulative shares of the need types.
  struct RateRow {
    double p_any;
    std::array<double, kNeedCount> cumulative;
  };
  std::array<RateRow, kRateClasses> table{};
  for (int c = 0; c < kChildClasses; ++c)
    for (int e = 0; e < kElderlyClasses; ++e)
      for (int k = 0; k < kWorkerClasses; ++k)
        for (int m = 0; m < 2; ++m) {
          RateRow& row = table[rate_class(c, e, k, m == 1)];
          double total = 0;
          for (std::size_t n = 0; n < kNeedCount; ++n) {
            const NeedSpec& ns = spec.needs[n];
            double r = ns.base_rate + ns.per_child * c + ns.per_elderly * e + ns.per_worker * k;
            if (m == 1) r *= ns.migrant_factor;
            total += std::max(0.0, r);
            row.cumulative[n] = total;
          }
          row.p_any = -std::expm1(-total * dt);
          for (auto& v : row.cumulative) v = total > 0 ? v / total : 1.0;
        }
  const double equalization = ctx.lever(LeverId::services_equalization);
  const double eligible_no_permit = equalization;
  const double eligible_permit = equalization + spec.permit_access * (1.0 - equalization);
  const double p_digital = ctx.per_step(ctx.lever(LeverId::services_digital_growth));

  const std::size_t n = h.size_alive();
  arising_.resize(n);
  const StepHash whether(seed, Stream::service_need, step);
  deterministic_reduce(
      ctx.exec, n, block_counts_, std::int64_t{0},
      [&](std::size_t b, std::size_t e) {
        std::uint64_t* out = arising_.data() + b;
        std::int64_t count = 0;
        for (std::size_t i = b; i < e; ++i) {
          if (!h.digital[i] && p_digital > 0 &&
              CounterRng(seed, Stream::digital_growth, step, h.id[i]).bernoulli(p_digital))
            h.digital[i] = 1;
          const Registration reg = h.registration[i];
          const bool migrant = is_migrant(reg);
          const RateRow& row = table[rate_class(h.children[i], h.elderly[i], h.workers[i], migrant)];
          if (!(whether.uniform(h.id[i]) < row.p_any)) continue;
          CounterRng r(seed, Stream::service_need, step, h.id[i]);
          const double v = r.uniform();
          std::size_t need = 0;
          while (need + 1 < kNeedCount && v >= row.cumulative[need]) ++need;
          const auto offset = static_cast<std::int64_t>(r.below(static_cast<std::uint64_t>(std::max(days, 1))));
          bool eligible = true;
          if (migrant && spec.needs[need].restricted)
            eligible = r.bernoulli(reg == Registration::migrant_permit ? eligible_permit : eligible_no_permit);
          *out++ = pack(need, offset, eligible, i);
          ++count;
        }
        return count;
      },
      [](std::int64_t a, std::int64_t b) { return a + b; });

  // New cases join the store in household slot order.
  const std::size_t blocks = Executor::block_count(n);
  for (std::size_t blk = 0; blk < blocks; ++blk) {
    const std::uint64_t* in = arising_.data() + blk * Executor::kBlock;
    for (std::int64_t k = 0; k < block_counts_[blk]; ++k) {
      const std::uint64_t word = in[k];
      const auto need = static_cast<std::size_t>(word & 0xff);
      const auto day = first_day + static_cast<std::int32_t>((word >> 8) & 0xffff);
      const bool eligible = ((word >> 24) & 1) != 0;
      const auto slot = static_cast<std::size_t>(word >> 32);
      const std::size_t group = is_migrant(h.registration[slot]) ? 1 : 0;
      const auto zone = static_cast<std::size_t>(g.zone[h.cell[slot]]);
      tally_.arising_group[group] += 1;
      tally_.arising_need[need] += 1;
      if (!eligible) {  // refused at once: arising and unmet
        tally_.ineligible_group[group] += 1;
        tally_.closed_zone[zone] += 1;
        tally_.closed_need[need] += 1;
        continue;
      }
      const NeedSpec& ns = spec.needs[need];
      cases_.push(next_case_id_++, h.id[slot], h.cell[slot], static_cast<std::uint8_t>(need),
                  static_cast<std::uint8_t>(group), static_cast<std::uint8_t>(zone), h.digital[slot],
                  static_cast<std::uint8_t>(std::clamp(ns.departments, 1, 255)), day,
                  day + static_cast<std::int32_t>(std::ceil(ns.deadline_days)));
    }
  }
}

void PublicServices::run_day(const StepContext& ctx, std::int32_t day) {
  const auto& spec = ctx.scenario.services;
  const auto seed = ctx.seed();
  const auto uday = static_cast<std::uint64_t>(day);
  const std::size_t n = cases_.size();
  if (n == 0) return;
  const double integration = ctx.lever(LeverId::services_integration);
  const double sharing = ctx.lever(LeverId::services_data_sharing);
  const double minutes_per_km = 60.0 / std::max(spec.travel_speed_kmh, 1e-9);
  const bool platform = spec.online.enabled;
  const double scale = ctx.scenario.population.scale;

  for (std::size_t o = 0; o < outlets_.size(); ++o) works_today_[o] = works(o, day) ? 1 : 0;

  // 1. Each due case decides, in parallel, from its own draws.
  choice_.resize(n);
  visit_of_case_.resize(n);
  ctx.exec.for_blocks(n, [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      choice_[i] = kNotActing;
      if (cases_.next_day[i] != day) continue;
      if (day > cases_.deadline_day[i]) {  // too late
        choice_[i] = kExpires;
        continue;
      }
      const std::size_t need = cases_.need[i];
      const NeedSpec& ns = spec.needs[need];
      if (cases_.channel[i] == CaseChannel::undecided) {
        CounterRng r(seed, Stream::service_online, uday, cases_.id[i]);
        if (platform && cases_.digital[i] &&
            r.uniform() < ctx.lever(online_lever(need))) {
          choice_[i] = kWantsOnline;
          continue;
        }
        cases_.channel[i] = CaseChannel::in_person;
      } else if (cases_.channel[i] == CaseChannel::online) {  // the platform has decided
        CounterRng r(seed, Stream::service_online, uday, cases_.id[i]);
        if (r.uniform() < spec.online.failure_rate) {
          cases_.channel[i] = CaseChannel::in_person;  // finish it in person, from tomorrow
          cases_.next_day[i] = day + 1;
        } else {
          choice_[i] = kCompletesOnline;
        }
        continue;
      }
      // In person: the candidate outlet of least expected cost in minutes.
      const std::int32_t home = cases_.home[i];
      const int bx = (home % width_) / block_cells_, by = (home / width_) / block_cells_;
      const std::int16_t* cand =
          &candidates_[((static_cast<std::size_t>(by) * blocks_x_ + bx) * kNeedCount + need) * kCandidates];
      const int left = cases_.departments_left[i];
      std::int32_t best = -1;
      double best_cost = std::numeric_limits<double>::infinity();
      for (int c = 0; c < kCandidates && cand[c] >= 0; ++c) {
        const auto o = static_cast<std::size_t>(cand[c]);
        if (!works_today_[o]) continue;
        const double trip = 2.0 * km_between(home, outlet_cell_[o]) * minutes_per_km + spec.trip_cost_minutes;
        const double finish = left == 1 ? 1.0 : (comprehensive_kind_[o] ? integration : 0.0);
        const double cost = trip + expected_wait_[o] + (1.0 - finish) * (left - 1) * trip;
        if (cost < best_cost) {
          best_cost = cost;
          best = cand[c];
        }
      }
      if (best < 0) {  // nothing open today: try again tomorrow, no trip made
        cases_.next_day[i] = day + 1;
        continue;
      }
      const auto o = static_cast<std::size_t>(best);
      const OutletSpec& os = outlets_[o];
      CounterRng r(seed, Stream::service_visit, uday, cases_.id[i]);
      Visit v;
      v.case_index = static_cast<std::uint32_t>(i);
      v.outlet = static_cast<std::uint32_t>(o);
      v.arrival = r.uniform() * (os.close_hour - os.open_hour) * 60.0;
      v.comprehensive = left == 1 || (comprehensive_kind_[o] && r.uniform() < integration);
      // A simulated case stands for population.scale real ones: it holds a
      // window that many times as long, so listed (real) windows meet the
      // real load and waits and utilisation come out in real terms.
      v.service = DurationDist::lognormal(ns.service_minutes * os.speed * (v.comprehensive ? left : 1) * scale,
                                          os.service_cv)
                      .draw(r);
      v.patience = r.exponential(spec.patience_minutes);
      const bool error = r.uniform() < os.error_rate;
      const bool missing = r.uniform() < ns.missing_document * (1.0 - sharing);
      v.progresses = !error && !missing;
      visit_of_case_[i] = v;
      choice_[i] = best;
    }
  });

  // 2. The platform takes online filings in case order while it has room.
  platform_used_ = 0;
  std::fill(outlet_begin_.begin(), outlet_begin_.end(), 0u);
  for (std::size_t i = 0; i < n; ++i) {
    if (choice_[i] == kWantsOnline) {
      if (platform_used_ + 1 <= spec.online.capacity_per_day) {
        platform_used_ += 1;
        cases_.channel[i] = CaseChannel::online;
        cases_.next_day[i] = day + std::max(spec.online_days, 1);
        tally_.online_filed += 1;
      } else {  // full today: go in person tomorrow
        cases_.channel[i] = CaseChannel::in_person;
        cases_.next_day[i] = day + 1;
      }
      choice_[i] = kNotActing;
    } else if (choice_[i] >= 0) {
      ++outlet_begin_[static_cast<std::size_t>(choice_[i]) + 1];
    }
  }
  // 3. Visits grouped by outlet (counting sort, case order within an outlet).
  const std::size_t outlets = outlets_.size();
  for (std::size_t o = 0; o < outlets; ++o) outlet_begin_[o + 1] += outlet_begin_[o];
  const std::size_t visits = outlet_begin_[outlets];
  visit_order_.resize(visits);
  next_slot_.assign(outlet_begin_.begin(), outlet_begin_.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (choice_[i] >= 0) visit_order_[next_slot_[static_cast<std::size_t>(choice_[i])]++] = static_cast<std::uint32_t>(i);
  served_.resize(n);

  // 4. Each outlet's queue for the day, outlets in parallel.
  if (visits > 0) {
    ctx.exec.for_range(outlets, 1, [&](std::size_t ob, std::size_t oe) {
      for (std::size_t o = ob; o < oe; ++o) {
        const std::size_t begin = outlet_begin_[o], end = outlet_begin_[o + 1];
        if (begin == end) continue;
        // Arrival order; equal times by case order (a stable sort of case-ordered visits).
        std::stable_sort(visit_order_.begin() + static_cast<std::ptrdiff_t>(begin),
                         visit_order_.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::uint32_t a, std::uint32_t b) { return visit_of_case_[a].arrival < visit_of_case_[b].arrival; });
        OutletScratch& sc = outlet_scratch_[o];
        const std::size_t k = end - begin;
        for (auto* v : {&sc.arrival, &sc.service, &sc.patience, &sc.wait, &sc.start, &sc.end}) v->resize(k);
        sc.outcome.resize(k);
        sc.window.resize(k);
        for (std::size_t j = 0; j < k; ++j) {
          const Visit& v = visit_of_case_[visit_order_[begin + j]];
          sc.arrival[j] = v.arrival;
          sc.service[j] = v.service;
          sc.patience[j] = v.patience;
        }
        const OutletSpec& os = outlets_[o];
        OutletPeriod period;
        period.windows = windows_[o] + purchased_[o];
        period.closing = (os.close_hour - os.open_hour) * 60.0;
        const OutletSummary sum = simulate_outlet(QueueCases{sc.arrival, sc.service, sc.patience}, period, sc.queue,
                                                  QueueResults{sc.outcome, sc.window, sc.wait, sc.start, sc.end});
        double wait = 0;
        for (std::size_t j = 0; j < k; ++j) {
          served_[visit_order_[begin + j]] = sc.outcome[j] == CaseOutcome::served ? 1 : 0;
          wait += sc.wait[j];
        }
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
  // What an outlet's visitors waited today is what people expect there
  // tomorrow, remembered with weight kWaitMemory (word of mouth smooths the
  // swings that a shared expectation would otherwise cause); an outlet open
  // today that nobody visited showed no queue.
  for (std::size_t o = 0; o < outlets; ++o) {
    if (!works(o, day)) continue;
    stats_.open_minutes[o] += (windows_[o] + purchased_[o]) * (outlets_[o].close_hour - outlets_[o].open_hour) * 60.0;
    const bool visited = outlet_begin_[o + 1] > outlet_begin_[o];
    expected_wait_[o] = kWaitMemory * expected_wait_[o] + (1.0 - kWaitMemory) * (visited ? day_wait_[o] : 0.0);
  }

  // 5. Outcomes, in case order. Closed cases wait for the step's compaction.
  const auto complete = [&](std::size_t i) {
    const std::size_t group = cases_.group[i], zone = cases_.zone[i], need = cases_.need[i];
    tally_.completed_group[group] += 1;
    tally_.completed_zone[zone] += 1;
    tally_.closed_zone[zone] += 1;
    tally_.completed_need[need] += 1;
    tally_.closed_need[need] += 1;
    tally_.trips_of_completed += cases_.trips[i];
    if (cases_.trips[i] <= 1) tally_.one_trip_completed += 1;
    if (cases_.trips[i] == 0) tally_.online_completed += 1;
    const std::int32_t days = day - cases_.arose_day[i];
    tally_.days_to_complete += days;
    tally_.completion_days[static_cast<std::size_t>(std::clamp(days, 0, ServiceTally::kDayBins - 1))] += 1;
    cases_.next_day[i] = kClosedDay;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t c = choice_[i];
    if (c == kNotActing) continue;
    if (c == kExpires) {
      tally_.expired_group[cases_.group[i]] += 1;
      tally_.closed_zone[cases_.zone[i]] += 1;
      tally_.closed_need[cases_.need[i]] += 1;
      cases_.next_day[i] = kClosedDay;
      continue;
    }
    if (c == kCompletesOnline) {
      complete(i);
      continue;
    }
    const Visit& v = visit_of_case_[i];
    if (cases_.trips[i] < 255) ++cases_.trips[i];
    if (served_[i] && v.progresses) {
      const int left = cases_.departments_left[i];
      cases_.departments_left[i] = static_cast<std::uint8_t>(v.comprehensive ? 0 : left - 1);
      if (cases_.departments_left[i] == 0) {
        complete(i);
        continue;
      }
    }
    // Come back for the next department, with the missing document, or to
    // queue again, after the days it takes to get ready.
    cases_.next_day[i] = day + std::max(spec.return_days, 1);
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
