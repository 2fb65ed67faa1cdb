#include "model/services.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/prefault.hpp"
#include "world/outlet_layout.hpp"

namespace zhili {

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
    // The candidates see an outlet's windows only as "has any"
    // (rebuild_candidates): windows bought at an outlet already staffed
    // change no candidate. Rebuilding for them at every change of the
    // budget (each step of a ramp, a live slider) also re-copied the
    // candidates of every open case.
    if ((windows_[o] + bought > 0) != (windows_[o] + purchased_[o] > 0)) network_changed_ = true;
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
