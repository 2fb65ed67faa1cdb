// The presentation layout's headline figures (docs/VIEWER.md, "Presenting"):
// a handful of outcomes an official asks about first, each the mean of the
// twelve months up to the date shown, with its change since the run's first
// twelve months, or against a second run at the same date. Means over a year
// because the per-step rates (complaints, incidents) are noisy month to month.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "data/compare.hpp"
#include "data/run.hpp"

namespace zhili::view {

struct HeadlineSpec {
  const char* observable;
  const char* label;  // column of a breakdown; "" for a scalar; "*" for the sum over the columns
  bool complement;    // shown as 1 - value (unemployment from the employment rate)
};

// Coverage of migrants and of registered residents, trips per case,
// complaints and incidents per 10,000 a year, urban unemployment, urban share.
std::span<const HeadlineSpec> headline_specs();

// Mean over the rows of (t - 1 year, t] of the column (or sum of columns)
// `spec` names; NaN values are skipped; NaN when the run lacks it or has no
// row by t.
double year_mean_to(RunData& run, const HeadlineSpec& spec, double t);
// The same over the run's first twelve months.
double first_year_mean(RunData& run, const HeadlineSpec& spec);

struct HeadlineFigure {
  const HeadlineSpec* spec = nullptr;
  // a: the reference (first year, or the other run), b: the run shown, so
  // meaning_of(row) says whether the change is good news.
  OutcomeRow row;
};
// The figures of `shown` at t against `reference` at t, or against its own
// first year when `reference` is null. Figures the run lacks are left out.
std::vector<HeadlineFigure> headline_figures(RunData& shown, RunData* reference, double t);

}  // namespace zhili::view
