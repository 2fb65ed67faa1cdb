// A branch's whole trajectory: a run continued from a checkpoint starts its
// file with the rows the run that wrote the checkpoint had before it, read
// from that run's result file, so the branch holds 2015-2030 like any run
// and differs from the run it branched from only after the branch point.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "engine/checkpoint.hpp"
#include "io/result_layout.hpp"
#include "io/result_writer.hpp"

namespace zhili {

// Why the rows of the run that wrote checkpoint `c` (c.run_file) before
// its step cannot start a file of `layout`: the file is gone or unreadable,
// is another run than the one that wrote the checkpoint (its start time and
// seed), holds fewer steps or event rows, is itself continued, or is laid
// out otherwise. "" when they can.
std::string prefix_problem(const Checkpoint& c, const ResultLayout& layout);

// Appends to `writer` those rows: observables, levers, entity series, map
// snapshots, and the first c.event_rows[t] rows of each event table (those
// written before the checkpoint). Call it only when prefix_problem() said
// nothing; throws std::runtime_error on a read error.
void copy_rows_before(const Checkpoint& c, const ResultLayout& layout, const Calendar& calendar, ResultWriter& writer);

}  // namespace zhili
