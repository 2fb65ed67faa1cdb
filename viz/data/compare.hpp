// Comparing two runs: the outcomes both files hold, side by side with their
// difference, and the cell-by-cell difference of two map snapshots.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "data/run.hpp"

namespace zhili::view {

struct OutcomeRow {
  std::string name;   // observable name
  std::string label;  // breakdown label, "" for a scalar
  std::string unit;
  double a = 0.0;     // value of run A at the instant
  double b = 0.0;
  Better better = Better::neither;  // which way is good (the file's `better` attribute)
  double difference() const { return b - a; }
};

// What B's difference from A means for an outcome: better or worse by the
// way it is good, no change, or neither (no way is better, or no value).
enum class Meaning { better, worse, no_change, neither };
Meaning meaning_of(const OutcomeRow& r);
// The diverging colour map for a difference map of something better
// `better`: the better side blue, the worse red; purple-orange for neither.
const ColourMap& difference_colours(Better better);

// Every observable present in both runs with the same unit and labels (in A's
// order; a breakdown gives one row per label), valued at instant t.
std::vector<OutcomeRow> compare_outcomes(RunData& a, RunData& b, double t);

// The headline outcomes the viewer issue names (coverage, trips per case,
// conflict rate, clearance rate, urbanization, cost), in that order; the
// table lists them first. Position in that list, or the list's size for others.
std::size_t headline_rank(const std::string& name);
// Headline rows first, in headline order; the rest keep the files' order.
void order_headline_first(std::vector<OutcomeRow>& rows);

// b - a per cell (NaN where either is NaN). Throws std::invalid_argument if
// the sizes differ: maps of different grids cannot be compared cell by cell.
std::vector<float> map_difference(std::span<const float> a, std::span<const float> b);

}  // namespace zhili::view
