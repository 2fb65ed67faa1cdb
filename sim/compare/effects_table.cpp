#include "compare/effects_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/csv_text.hpp"
#include "io/compare_file.hpp"
#include "io/result_years.hpp"
#include "sweep/summary.hpp"
#include "sweep/summary_h5.hpp"

namespace zhili::compare {

namespace fs = std::filesystem;

namespace {

// values[year][outcome] of one run; NaN where the run lacks the outcome or the year.
using RunValues = std::vector<std::vector<double>>;

RunValues read_run(const std::string& path, const std::vector<OutcomeColumn>& outcomes,
                   const std::vector<int>& years) {
  const ResultReader r(path);
  std::vector<std::string> names = r.observable_names();
  RunValues out(years.size(), std::vector<double>(outcomes.size(), NAN));
  for (std::size_t y = 0; y < years.size(); ++y) {
    const auto rows = rows_of_year(r, years[y]);
    if (!rows) continue;
    std::string read_name;
    std::vector<double> values;
    SeriesSpec spec;
    for (std::size_t o = 0; o < outcomes.size(); ++o) {
      const auto& oc = outcomes[o];
      if (oc.name != read_name) {  // columns of one observable are adjacent
        read_name = oc.name;
        values.clear();
        if (std::find(names.begin(), names.end(), oc.name) == names.end()) continue;
        spec = r.observable_info(oc.name).spec;
        values = year_values(r, spec, *rows);
      }
      if (values.empty()) continue;
      if (oc.label.empty()) {
        out[y][o] = values.front();
      } else {
        const auto k = std::find(spec.labels.begin(), spec.labels.end(), oc.label);
        if (k != spec.labels.end()) out[y][o] = values[static_cast<std::size_t>(k - spec.labels.begin())];
      }
    }
  }
  return out;
}

bool is_share(const std::string& unit) { return unit == "1"; }

std::string number(double v, bool share, bool signed_value = false) {
  if (std::isnan(v)) return "n/a";
  char buf[64];
  if (share)
    std::snprintf(buf, sizeof buf, signed_value ? "%+.2f" : "%.2f", v * 100.0);
  else
    std::snprintf(buf, sizeof buf, signed_value ? "%+.4g" : "%.4g", v);
  return buf;
}

}  // namespace

const std::vector<std::string>& default_compare_outcomes() {
  static const std::vector<std::string> names = {
      "coverage_by_group", "coverage_gap", "trips_per_case", "one_trip_share", "complaints_rate",
      "disputes_rate",     "conflict_rate", "incidents_started", "active_share", "urban_share",
      "urban_employment_rate", "gini",
      // Runs with renewal projects (docs/MODEL.md 7.14) also report these.
      "renewal_disputes", "renewal_complaints", "renewal_incidents", "renewal_compensation", "budget_total"};
  return names;
}

EffectTable effect_table(const CompareSpec& spec, const std::vector<std::string>& requested) {
  EffectTable t;
  t.replicates = spec.replicates;
  std::vector<SeriesSpec> series;
  {
    const ResultReader base(run_path(spec, 0, 0));
    for (const auto& name : base.observable_names()) series.push_back(base.observable_info(name).spec);
    for (const auto& y : all_years(base))
      if (y.whole) t.years.push_back(y.year);
  }
  std::vector<std::size_t> unknown;
  std::vector<sweep::Outcome> columns;
  if (requested.empty()) {
    columns = sweep::resolve_outcomes(default_compare_outcomes(), series, unknown);
    // The defaults are taken as far as the run has them.
  } else {
    columns = sweep::resolve_outcomes(requested, series, unknown);
    if (!unknown.empty()) {
      std::string names;
      for (const auto i : unknown) names += (names.empty() ? "" : ", ") + requested[i];
      throw std::invalid_argument("the runs report no outcome " + names +
                                  " (zhili info " + run_path(spec, 0, 0) + " lists what they report)");
    }
  }
  for (const auto& c : columns) {
    std::string unit;
    for (const auto& s : series)
      if (s.name == c.name) unit = year_unit(s.unit);
    t.outcomes.push_back({c.name, c.label, unit});
  }
  // values[arm][replicate][year][outcome], the budget last.
  auto read_columns = t.outcomes;
  read_columns.push_back({"budget_total", "", "yuan/year"});
  const std::size_t budget = read_columns.size() - 1;
  std::vector<std::vector<RunValues>> values(spec.arms.size());
  for (std::size_t a = 0; a < spec.arms.size(); ++a)
    for (int r = 0; r < spec.replicates; ++r)
      values[a].push_back(read_run(run_path(spec, a, r), read_columns, t.years));

  std::vector<double> b(static_cast<std::size_t>(spec.replicates)), v(b.size());
  for (std::size_t a = 1; a < spec.arms.size(); ++a) {
    VariantEffects ve{spec.arms[a].name, spec.arms[a].label, {}, {}};
    for (std::size_t y = 0; y < t.years.size(); ++y) {
      auto& row = ve.by_year.emplace_back();
      for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
        for (std::size_t r = 0; r < b.size(); ++r) {
          b[r] = values[0][r][y][o];
          v[r] = values[a][r][y][o];
        }
        row.push_back(paired_effect(b, v));
      }
      for (std::size_t r = 0; r < b.size(); ++r) {
        b[r] = values[0][r][y][budget];
        v[r] = values[a][r][y][budget];
      }
      ve.budget_change.push_back(paired_effect(b, v).effect);
    }
    t.variants.push_back(std::move(ve));
  }
  return t;
}

CostEffect per_million_yuan(const PairedEffect& e, double budget_change) {
  if (std::isnan(budget_change) || budget_change == 0.0) return {NAN, NAN, NAN};
  const double millions = budget_change / 1e6;
  CostEffect c{e.effect / millions, e.low / millions, e.high / millions};
  if (millions < 0) std::swap(c.low, c.high);
  return c;
}

std::string effects_csv(const EffectTable& t) {
  std::string out =
      "variant,label,outcome,unit,year,pairs,base,variant_value,effect,low,high,same_sign,budget_change,"
      "per_million_yuan,per_million_low,per_million_high\n";
  for (const auto& v : t.variants)
    for (std::size_t y = 0; y < t.years.size(); ++y)
      for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
        const auto& e = v.by_year[y][o];
        out += csv_field(v.arm) + "," + csv_field(v.label) + "," + csv_field(t.outcomes[o].header()) + "," +
               csv_field(t.outcomes[o].unit) + "," + std::to_string(t.years[y]) + "," + std::to_string(e.pairs) +
               "," + csv_number(e.base_mean) + "," + csv_number(e.variant_mean) + "," + csv_number(e.effect) + "," +
               csv_number(e.low) + "," + csv_number(e.high) + "," + csv_number(e.same_sign);
        const double db = v.budget_change[y];
        const auto c = per_million_yuan(e, db);
        out += "," + csv_number(db) + "," + csv_number(c.per_million) + "," + csv_number(c.low) + "," +
               csv_number(c.high) + "\n";
      }
  return out;
}

std::string effects_text(const EffectTable& t, int year, bool markdown) {
  const auto yit = std::find(t.years.begin(), t.years.end(), year);
  if (yit == t.years.end()) return "";
  const auto y = static_cast<std::size_t>(yit - t.years.begin());
  std::string out;
  char buf[512];
  for (const auto& v : t.variants) {
    std::snprintf(buf, sizeof buf, "%s%s (%s) minus the base, %d: mean of %d paired replicates, 95%% interval\n\n",
                  markdown ? "### " : "", v.arm.c_str(), v.label.c_str(), year, t.replicates);
    out += buf;
    const double db = v.budget_change[y];
    if (db == 0.0) {
      out += markdown ? "" : "  ";
      out += "Spending (budget_total) is the same in both: no effect per yuan.\n\n";
    } else if (!std::isnan(db)) {
      std::snprintf(buf, sizeof buf, "%sSpending (budget_total) changes by %+.3f million yuan a year; the last "
                    "column is the effect per million yuan a year more.\n\n",
                    markdown ? "" : "  ", db / 1e6);
      out += buf;
    }
    if (markdown) {
      out += "| outcome | unit | base | variant | effect | 95% interval | pairs with its sign | per million yuan |\n";
      out += "|---|---|---:|---:|---:|---|---:|---:|\n";
    } else {
      std::snprintf(buf, sizeof buf, "  %-30s %-14s %10s %10s %10s  %-22s %-9s %s\n", "outcome", "unit", "base",
                    "variant", "effect", "95% interval", "same sign", "per M yuan");
      out += buf;
    }
    for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
      const auto& oc = t.outcomes[o];
      const auto& e = v.by_year[y][o];
      const bool share = is_share(oc.unit);
      const std::string unit = share ? "% (effect: pp)" : oc.unit;
      std::string interval = "n/a";
      if (!std::isnan(e.low)) interval.assign("[").append(number(e.low, share, true)).append(", ")
                                  .append(number(e.high, share, true)).append("]");
      char sign[16];
      std::snprintf(sign, sizeof sign, "%.0f%%", e.same_sign * 100.0);
      const std::string per_million = number(per_million_yuan(e, db).per_million, share, true);
      if (markdown) {
        out += "| " + oc.header() + " | " + unit + " | " + number(e.base_mean, share) + " | " +
               number(e.variant_mean, share) + " | " + number(e.effect, share, true) + " | " + interval + " | " +
               sign + " | " + per_million + " |\n";
      } else {
        std::snprintf(buf, sizeof buf, "  %-30s %-14s %10s %10s %10s  %-22s %-9s %s\n", oc.header().c_str(),
                      unit.c_str(), number(e.base_mean, share).c_str(), number(e.variant_mean, share).c_str(),
                      number(e.effect, share, true).c_str(), interval.c_str(), sign, per_million.c_str());
        out += buf;
      }
    }
    out += "\n";
  }
  return out;
}

void write_effects_h5(const std::string& path, const EffectTable& t, const CompareSpec& spec) {
  const auto relative = [&](std::size_t arm) {
    return fs::relative(run_path(spec, arm, 0), fs::path(path).parent_path()).generic_string();
  };
  std::vector<std::pair<std::string, std::string>> attrs{{"base_run", relative(0)},
                                                         {"base_label", spec.arms[0].label}};
  std::string variants, labels;
  for (std::size_t a = 1; a < spec.arms.size(); ++a) {
    if (a > 1) {
      variants += '\n';
      labels += '\n';
    }
    variants += relative(a);
    labels += spec.arms[a].label;
  }
  attrs.emplace_back("variant_runs", variants);
  attrs.emplace_back("variant_labels", labels);
  attrs.emplace_back("replicates", std::to_string(t.replicates));
  sweep::write_table_h5(path, effects_csv(t), kCompareFormat, attrs);
}

}  // namespace zhili::compare
