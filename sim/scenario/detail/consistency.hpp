// Checks between keys, run once every key has been read: the run's end
// against its start, the zone radii against each other, the centre against
// the map. Keys whose own value was refused are skipped, so one mistake is
// reported once.
#pragma once

#include "scenario/detail/load_context.hpp"

namespace zhili::scenario_detail {

// Also resolves run.end into run.steps.
void check_consistency(LoadContext& ctx);

}  // namespace zhili::scenario_detail
