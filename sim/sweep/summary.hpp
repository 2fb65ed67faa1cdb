// The summary of a run: for each outcome its value at the last step and its
// mean over the steps (NaN-aware), as one CSV row. The same row comes out
// whether it is computed while the run goes (--summary-only) or read back from
// the run's result file, so a resumed sweep's summary equals an uninterrupted one's.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/csv_text.hpp"
#include "io/result_layout.hpp"
#include "sweep/design.hpp"

namespace zhili {
class ResultReader;
}

namespace zhili::sweep {

// One column of an observable: a scalar (label "") or one label of a breakdown.
struct Outcome {
  std::string name;
  std::string label;
  std::string header() const { return label.empty() ? name : name + "/" + label; }
};

// The outcomes to summarise: `requested` ("name" = every column of it,
// "name/label" = one) against the observables a run reports. Empty `requested`
// takes the default set (docs/SWEEPS.md) as far as the run reports it.
// Unknown names are returned in `unknown` (index into requested).
std::vector<Outcome> resolve_outcomes(const std::vector<std::string>& requested,
                                      const std::vector<SeriesSpec>& series, std::vector<std::size_t>& unknown);

// Final value and NaN-aware time mean of each outcome, accumulated step by step.
class OutcomeAccumulator {
 public:
  OutcomeAccumulator(const std::vector<Outcome>& outcomes, const std::vector<SeriesSpec>& series);
  void add(std::span<const double> row);  // one step's observables row
  std::vector<double> values() const;     // final, mean, final, mean, ...

 private:
  std::vector<std::ptrdiff_t> column_;  // position in the row, -1 when not reported
  std::vector<double> final_, sum_;
  std::vector<std::int64_t> count_;
};

// The same from a result file.
std::vector<double> outcome_values(const ResultReader& reader, const std::vector<Outcome>& outcomes);

// CSV text (fields and numbers: core/csv_text.hpp). The row prefix (run,
// point, replicate, seed, factor values) is also how a stored summary row is
// recognised as this run's.
std::string row_prefix(const PlannedRun& run, const DesignPoint& values);
std::string summary_header(const SweepSpec& spec, const std::vector<Outcome>& outcomes);
std::string summary_row(const std::string& prefix, const std::vector<double>& values);

// Writes `text` to `path` through a temporary file and a rename, so a reader
// (or a resumed sweep) sees the old file or the new one, never half of one.
void write_file_atomically(const std::string& path, const std::string& text);
std::string read_text_file(const std::string& path);  // "" when missing

}  // namespace zhili::sweep
