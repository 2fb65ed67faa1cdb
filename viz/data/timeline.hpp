// The time axis shared by several runs.
//
// Runs may start on different dates and step by weeks or by months; panels
// show them together at one instant t (a decimal year). A step covers
// [its start, the next step's start), so a run's value at t is the row in
// force then: the last row whose start time is <= t. Before a run's first step
// it has no value (row -1); after its last step it keeps its last row, which is
// what a presenter expects when one run ends earlier than another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace zhili::view {

// Last row whose start time is <= t, or -1 when t is before the first row.
std::int64_t row_at(std::span<const double> times, double t);

// The sorted union of the step start times of several runs: the instants the
// timeline slider and the step buttons move through.
class CommonTimeline {
 public:
  CommonTimeline() = default;
  explicit CommonTimeline(const std::vector<std::span<const double>>& runs);

  bool empty() const { return times_.empty(); }
  std::size_t size() const { return times_.size(); }
  double time(std::size_t i) const { return times_.at(i); }
  double first() const { return times_.front(); }
  double last() const { return times_.back(); }
  const std::vector<double>& times() const { return times_; }
  // Index of the last instant <= t (0 when t is before the first).
  std::size_t index_at(double t) const;

 private:
  std::vector<double> times_;
};

}  // namespace zhili::view
