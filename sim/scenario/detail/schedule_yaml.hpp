// The `schedule:` section: a sequence of dated lever changes, read into
// ScheduleEntry values resolved to steps, and written back as YAML.
//
//   - at: 2017-02                         # step change
//     set: {hukou.openness: 0.8}
//   - from: 2015-01                       # linear ramp
//     to: 2020-12
//     ramp: {hukou.openness: [0.2, 0.6]}
#pragma once

#include "scenario/detail/key_rules.hpp"

namespace zhili::scenario_detail {

// The schema entry for `schedule` (with docs for the parts of an entry).
// Its dates resolve against run.start and run.time_step, so it must be bound
// after them.
KeyRule schedule_rule();

// "schedule.NAME.enabled": the one override the schedule takes. apply_overrides
// keeps such overrides in ctx.schedule_switches; apply_schedule_switches, once
// every key is bound, checks each against the entries' names and drops every
// entry switched off (by the file's enabled: false or an override).
bool is_schedule_switch(const std::string& key);
void apply_schedule_switches(LoadContext& ctx);

// The schedule as YAML flow mappings, one file entry per line, dates as
// YYYY-MM-DD of the resolved steps, so that reading them back gives the same
// entries (same steps, values and order).
std::string emit_schedule(const Scenario& s);

}  // namespace zhili::scenario_detail
