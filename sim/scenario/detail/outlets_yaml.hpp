// The `services.outlets:` list: one mapping per outlet, read into OutletSpec
// values and written back as YAML flow mappings, one outlet per line.
//
//   services:
//     outlets:
//       - {name: centre, cell: [50, 50], kind: district_centre, windows: 12}
//       - name: station-north
//         cell: [48, 30]
//         needs: [registration, social_insurance, medical_insurance]
//         hours: [8.5, 17.5]
//
// Whether each cell lies on the map is checked with the map's size after
// every key is read (consistency.cpp); the names are what `outlet:` entries
// of the schedule refer to (schedule_yaml.cpp).
#pragma once

#include "scenario/detail/key_rules.hpp"

namespace zhili::scenario_detail {

// The schema entry for `services.outlets` (with docs for the parts of an outlet).
KeyRule outlets_rule();

// A set of need types as written: the word `all` or a sequence of need names.
// `path` names the key in diagnostics. nullopt (and diagnostics) when wrong.
std::optional<NeedMask> read_need_mask(const YAML::Node& n, const std::string& path,
                                       const SourceLocation& at, const ValueInput& in,
                                       LoadContext& ctx);

// `all`, or "[a, b]" in need order ("[]" for none).
std::string need_mask_text(NeedMask mask);

// Names of outlets: 1 to 64 characters from A-Z a-z 0-9 _ . -
bool is_outlet_name(const std::string& s);

}  // namespace zhili::scenario_detail
