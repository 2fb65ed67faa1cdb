// The validation build's checks of the world and the submodels' stores
// (core/validate.hpp): run after every phase when ZHILI_VALIDATE is on, and
// callable from tests in any build. Each throws ValidationError saying what
// is inconsistent and where.
#pragma once

#include "core/validate.hpp"
#include "model/service_cases.hpp"
#include "world/world.hpp"

namespace zhili {

// Every household's fields within their ranges (home cell on the map, a
// registration, at least one person, no more children and elderly than persons).
void check_households(const World& w);
// The grid's counts of registered and migrant households per cell against a
// recount from the households.
void check_cell_counts(const World& w);
// The id index against the store: every slot's id maps back to the slot,
// and no other id maps to a slot.
void check_id_index(const World& w);
// The open service cases: fields of one length, ids increasing (creation
// order kept by the stable compaction), need, group, zone and home in range,
// households among the ids issued.
void check_case_store(const ServiceCaseStore& cases, const World& w);
// The world's checks together: households, id index and, when they are meant
// to be current, the cell counts.
void check_world(const World& w, bool cell_counts_current);

}  // namespace zhili
