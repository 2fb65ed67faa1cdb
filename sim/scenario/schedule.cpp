#include "scenario/schedule.hpp"

namespace zhili {

LeverValues levers_at(const LeverValues& initial, const std::vector<ScheduleEntry>& schedule,
                      std::int64_t step) {
  LeverValues v = initial;
  // Schedule is sorted by (from_step, order): applying in sequence makes the
  // latest-starting entry win, as a planner reading the file top to bottom expects.
  for (const auto& e : schedule) {
    if (step < e.from_step) continue;
    double x = e.to_value;
    if (e.kind == ScheduleEntry::Kind::ramp && step < e.to_step) {
      const double t = static_cast<double>(step - e.from_step) /
                       static_cast<double>(e.to_step - e.from_step);
      x = e.from_value + t * (e.to_value - e.from_value);
    }
    v[static_cast<std::size_t>(e.lever)] = x;
  }
  return v;
}

}  // namespace zhili
