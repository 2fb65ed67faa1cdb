// The data behind a chart as CSV: one observable of several runs over their
// common timeline, for a spreadsheet or a report. Values are those the chart
// shows at each date (the step in force); a run that has not started yet has
// an empty cell.
#pragma once

#include <string>
#include <vector>

#include "data/run.hpp"

namespace zhili::view {

// Header: date, then one column per run (named by `labels`) and, for a
// breakdown, per label ("run:label"). Runs without the observable are left
// out. Numbers are written exactly (shortest text that reads back the same double).
std::string observable_csv(const std::vector<RunData*>& runs, const std::vector<std::string>& labels,
                           const std::string& observable);

// Writes `text` to `path`; throws std::runtime_error naming the path.
void write_text_file(const std::string& path, const std::string& text);

}  // namespace zhili::view
