#include "engine/live_control.hpp"

#include <algorithm>

namespace zhili {

void LiveControl::set_lever(LeverId lever, double value) {
  std::lock_guard lock(mutex_);
  pending_.push_back({lever, value});
}

void LiveControl::set_outlet(const OutletChange& change) {
  std::lock_guard lock(mutex_);
  pending_outlets_.push_back(change);
  pending_outlets_.back().windows = std::max(change.windows, 0);
}

void LiveControl::pause() {
  std::lock_guard lock(mutex_);
  paused_ = true;
}

void LiveControl::resume() {
  {
    std::lock_guard lock(mutex_);
    paused_ = false;
    waiting_ = false;  // at once: wait_until_idle() must not see the old pause
  }
  changed_.notify_all();
}

void LiveControl::pause_at(std::int64_t step) {
  {
    std::lock_guard lock(mutex_);
    pause_at_ = step;
  }
  changed_.notify_all();
}

void LiveControl::set_max_steps_per_second(double rate) {
  {
    std::lock_guard lock(mutex_);
    max_rate_ = rate;
  }
  changed_.notify_all();  // a waiting run re-computes its wake-up time
}

void LiveControl::request_flush() {
  {
    std::lock_guard lock(mutex_);
    flush_ = true;
  }
  changed_.notify_all();
}

void LiveControl::request_stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
}

std::int64_t LiveControl::steps_done() const {
  std::lock_guard lock(mutex_);
  return steps_done_;
}

bool LiveControl::pause_requested() const {
  std::lock_guard lock(mutex_);
  return paused_;
}

bool LiveControl::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_;
}

bool LiveControl::ended() const {
  std::lock_guard lock(mutex_);
  return ended_;
}

std::vector<LeverChange> LiveControl::pending_changes() const {
  std::lock_guard lock(mutex_);
  return pending_;
}

std::vector<AppliedLeverChange> LiveControl::applied_changes() const {
  std::lock_guard lock(mutex_);
  return applied_;
}

std::size_t LiveControl::applied_count() const {
  std::lock_guard lock(mutex_);
  return applied_.size();
}

std::vector<OutletChange> LiveControl::pending_outlet_changes() const {
  std::lock_guard lock(mutex_);
  return pending_outlets_;
}

std::vector<OutletState> LiveControl::outlets() const {
  std::lock_guard lock(mutex_);
  return outlets_;
}

bool LiveControl::wait_until_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return waiting_ || ended_; });
}

LiveControl::Turn LiveControl::next_turn(std::int64_t next_step, LiveChanges& changes) {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stop_) break;
    if (flush_) {
      flush_ = false;
      return Turn::flush;
    }
    if (pause_at_ >= 0 && next_step >= pause_at_) {
      paused_ = true;
      pause_at_ = -1;
    }
    if (paused_) {
      waiting_ = true;
      changed_.notify_all();  // wait_until_idle() callers
      changed_.wait(lock);
      continue;
    }
    waiting_ = false;
    if (max_rate_ > 0.0 && steps_done_ > 0) {
      const auto due = last_step_ + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(1.0 / max_rate_));
      if (Clock::now() < due) {
        changed_.wait_until(lock, due);
        continue;
      }
    }
    changes.levers.clear();
    changes.levers.swap(pending_);  // no copy; both keep their capacity between changes
    for (const auto& c : changes.levers) applied_.push_back({next_step, c.lever, c.value});
    changes.outlets.clear();
    changes.outlets.swap(pending_outlets_);  // the file records them (runner); outlets() shows their effect
    return Turn::step;
  }
  waiting_ = false;
  return Turn::stop;
}

void LiveControl::step_done(std::int64_t steps_done) {
  {
    std::lock_guard lock(mutex_);
    steps_done_ = steps_done;
    last_step_ = Clock::now();
  }
  changed_.notify_all();
}

void LiveControl::publish_open_events(std::vector<OpenEventRow> rows) {
  std::lock_guard lock(mutex_);
  open_events_.swap(rows);
}

void LiveControl::publish_outlets(std::vector<OutletState> outlets) {
  std::lock_guard lock(mutex_);
  outlets_.swap(outlets);
}

std::vector<OpenEventRow> LiveControl::open_events() const {
  std::lock_guard lock(mutex_);
  return open_events_;
}

void LiveControl::end_run() {
  {
    std::lock_guard lock(mutex_);
    ended_ = true;
    waiting_ = false;
    open_events_.clear();  // the file holds every event now
  }
  changed_.notify_all();
}

}  // namespace zhili
