// A renewal project of the schedule: `at` (the notice date) with `renewal:`.
//
//   - name: east-village
//     at: 2018-01
//     renewal:
//       area: {from: [64, 47], to: [67, 50], zone: urban_village}
//       consultation_months: 6
//       consent: 0.8
//       demolition_months: 6
//       construction_months: 24
//       build: {zone: fringe, homes: 120, rent: 2500}
//       compensation: 1.0
//       resettled: 0.5
#pragma once

#include <optional>
#include <vector>

#include "scenario/detail/yaml_walk.hpp"

namespace zhili::scenario_detail {

// Reads the `renewal` part of schedule entry `order` (path "schedule[N].renewal")
// into a project noticed at `notice_step` (nullopt: the date was bad,
// already reported); appends it to `out` when every key is valid.
void read_renewal(const ValueInput& in, const FoundKey& part, const std::string& path,
                  std::optional<std::int64_t> notice_step, int order, LoadContext& ctx,
                  std::vector<RenewalProject>& out);

// The project as the flow mapping read_renewal reads: "{area: ..., ...}".
std::string renewal_text(const RenewalProject& p);

}  // namespace zhili::scenario_detail
