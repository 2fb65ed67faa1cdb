// Time-varying policy: step changes and linear ramps of levers.
//
// Entries are resolved from dates to steps at load time. apply() computes the
// lever values in force at a step from the initial values and every entry
// that has started; later entries win over earlier ones for the same lever
// (file order breaks ties between entries starting at the same step).
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/levers.hpp"

namespace zhili {

struct ScheduleEntry {
  enum class Kind : std::uint8_t { set, ramp };
  Kind kind = Kind::set;
  LeverId lever = LeverId::hukou_openness;
  std::int64_t from_step = 0;  // set: the step it takes effect; ramp: first step of the ramp
  std::int64_t to_step = 0;    // ramp: step at which `to_value` is reached; set: == from_step
  double from_value = 0.0;     // ramp start value (unused for set)
  double to_value = 0.0;       // value set, or ramp end value
  int order = 0;               // position in the file, for tie-breaking
};

// Values in force at `step`. A ramp interpolates linearly from from_value at
// from_step to to_value at to_step and holds to_value after it.
LeverValues levers_at(const LeverValues& initial, const std::vector<ScheduleEntry>& schedule,
                      std::int64_t step);

}  // namespace zhili
