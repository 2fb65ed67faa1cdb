// The effects of a comparison: for each variant, year and outcome, the
// variant minus the base over paired replicates (paired_effect.hpp), read
// from the runs' result files; as CSV, Markdown and HDF5 (docs/COMPARE.md).
#pragma once

#include <string>
#include <vector>

#include "compare/arms.hpp"
#include "compare/paired_effect.hpp"

namespace zhili::compare {

// One column of an observable: a scalar (label "") or one label of a breakdown.
struct OutcomeColumn {
  std::string name, label;
  std::string unit;  // of its yearly value: flows per year ("incidents/year")
  std::string header() const { return label.empty() ? name : name + "/" + label; }
};

struct VariantEffects {
  std::string arm, label;
  // [year][outcome]
  std::vector<std::vector<PairedEffect>> by_year;
  // [year]: mean over pairs of the variant's budget_total minus the base's,
  // yuan a year; NaN when the runs have no budget.
  std::vector<double> budget_change;
};

// An effect per million yuan a year of extra spending, with its interval
// (the effect's interval over the budget change, which is the same in every
// replicate up to the residents' count); NaN when the budget did not change.
struct CostEffect {
  double per_million = 0.0, low = 0.0, high = 0.0;
};
CostEffect per_million_yuan(const PairedEffect& e, double budget_change);

struct EffectTable {
  std::vector<OutcomeColumn> outcomes;
  std::vector<int> years;  // the whole years of the base's first replicate
  std::vector<VariantEffects> variants;
  int replicates = 0;
};

// The headline outcomes a comparison reports when none are asked for, as far
// as the runs have them: coverage by group and its gap, trips per case,
// complaints, disputes, incidents, urban share, employment, the Gini.
const std::vector<std::string>& default_compare_outcomes();

// Reads every run's yearly values. `requested` as a sweep's outcomes ("name"
// or "name/label"); empty = the defaults. Throws std::invalid_argument naming
// an outcome the base's runs do not report.
EffectTable effect_table(const CompareSpec& spec, const std::vector<std::string>& requested);

// Columns variant,label,outcome,unit,year,pairs,base,variant_value,effect,
// low,high,same_sign,budget_change,per_million_yuan,per_million_low,
// per_million_high: every variant, year and outcome.
std::string effects_csv(const EffectTable& t);
// One table per variant for `year`: outcome, base, variant, effect with its
// interval, share of pairs with its sign. Shares are shown in % and their
// effects in percentage points.
std::string effects_text(const EffectTable& t, int year, bool markdown);
// DIR/compare.h5: the CSV's columns as datasets, and attributes naming the
// base's and each variant's first result file, so zhili-view opens the pair.
void write_effects_h5(const std::string& path, const EffectTable& t, const CompareSpec& spec);

}  // namespace zhili::compare
