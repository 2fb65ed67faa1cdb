#include "analyze/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "analyze/pareto.hpp"

namespace zhili::analyze {

namespace {

// The mean over a point's replicates of each outcome: Sobol' indices are
// those of the replicate-mean response (the noise averaged away).
std::vector<double> point_means(const Analysis& a, std::size_t outcome) {
  std::vector<double> m;
  for (const auto& p : a.points) m.push_back(p[outcome].mean);
  return m;
}

// Outcomes taken as unable to be negative (every replicate value at every
// point >= 0: counts, rates, shares; the summary has no units to say so)
// keep non-negative intervals: a Student t interval reaching below 0 (few
// replicates, values near 0) is cut at 0. The mean of such an outcome lies
// in [0, inf), so the cut interval holds it whenever the whole one does: the
// coverage stays what it was (Mandelkern 2002, intervals for bounded
// parameters), and the upper end is not narrowed as a bootstrap of a few
// replicates would. A signed outcome (a gap) that happened to be >= 0 in
// every run would be cut too: its note says so.
void non_negative_intervals(Analysis& a) {
  const auto& s = a.summary;
  int cut = 0;
  for (std::size_t o = 0; o < s.outcomes.size(); ++o) {
    bool non_negative = true;
    for (const auto& run : s.runs) non_negative = non_negative && !(run.values[o] < 0);
    if (!non_negative) continue;
    for (auto& point : a.points) {
      MeanStats& m = point[o];
      if (!(m.ci.lo < 0)) continue;
      m.ci.lo = 0.0;
      ++cut;
    }
  }
  if (cut > 0)
    a.notes.push_back("Intervals: " + std::to_string(cut) +
                      " intervals of outcomes never negative in any run (taken as counts, rates or shares) reached "
                      "below 0 (few replicates, values near 0) and are cut at 0; for such an outcome the mean "
                      "cannot be below it, so their coverage is unchanged.");
}

void saltelli(Analysis& a) {
  const std::size_t n = static_cast<std::size_t>(a.design.samples), k = a.summary.factors.size();
  for (std::size_t o = 0; o < a.summary.outcomes.size(); ++o) {
    const auto f = point_means(a, o);
    const auto block = [&](std::size_t b) {
      return std::vector<double>(f.begin() + static_cast<std::ptrdiff_t>(b * n),
                                 f.begin() + static_cast<std::ptrdiff_t>((b + 1) * n));
    };
    std::vector<std::vector<double>> ab;
    for (std::size_t i = 0; i < k; ++i) ab.push_back(block(2 + i));
    a.sobol.push_back(sobol_indices(block(0), block(1), ab, a.options.sobol));
  }
}

// Where the design is too small for what is reported: an index outside
// [0, 1] beyond its interval (impossible for a true index: the estimator's
// noise at this sample size), or an interval wider than half the scale, too
// wide to rank the factors. A small negative estimate whose interval reaches
// 0 is ordinary noise around an index of 0, and is not flagged. Said once per
// outcome, with the worst index, in the report's notes and on the terminal.
void sobol_precision_notes(Analysis& a) {
  constexpr double kWidest = 0.5;
  for (std::size_t o = 0; o < a.sobol.size(); ++o) {
    const SobolResult& r = a.sobol[o];
    // The worst index: one outside [0, 1] before any that is only imprecise,
    // then the farthest outside or the widest.
    std::string worst;
    std::pair<bool, double> worst_by{false, 0.0};  // (outside, by how much)
    const auto judge = [&](const char* which, std::size_t i, double v, const Interval& ci) {
      if (std::isnan(v)) return;
      const bool outside = (v < 0 && ci.hi < 0) || (v > 1 && ci.lo > 1);
      const std::pair<bool, double> by{outside, outside ? std::max(-v, v - 1.0) : ci.hi - ci.lo - kWidest};
      if (!(by.second > 0) || by <= worst_by) return;
      worst_by = by;
      char text[200];
      std::snprintf(text, sizeof text, "%s of `%s` is %.3g [%.3g, %.3g], %s", which, a.summary.factors[i].c_str(), v,
                    ci.lo, ci.hi, outside ? "outside [0, 1] beyond its interval" : "an interval wider than 0.5");
      worst = text;
    };
    for (std::size_t i = 0; i < r.first.size(); ++i) {
      judge("S1", i, r.first[i], r.first_ci[i]);
      judge("ST", i, r.total[i], r.total_ci[i]);
    }
    if (worst.empty()) continue;
    a.notes.push_back("Sobol' indices of `" + a.summary.outcomes[o] + "`: " + std::to_string(r.n) +
                      " rows are too few to rank the factors (" + worst +
                      "); more samples (design.samples) narrow the intervals about as 1/sqrt(N).");
  }
}

// Intervals of the replicate means from too few replicates.
void replicate_notes(Analysis& a) {
  std::size_t fewest = static_cast<std::size_t>(-1);
  for (const auto& runs : a.summary.point_runs) fewest = std::min(fewest, runs.size());
  if (a.summary.point_runs.empty() || fewest >= 3) return;
  a.notes.push_back(fewest < 2 ? "Intervals: a point with a single replicate has none (NaN), and its place in "
                                 "the ranking is one run's; sweep with replicates: 3 or more."
                               : "Intervals: with 2 replicates a point's interval is its mean +- 12.7 standard "
                                 "errors (Student t, 1 degree of freedom), so most points overlap the best; "
                                 "sweep with replicates: 3 or more.");
}

// Standardised linear effects of the factors on each outcome's point means
// (effects.hpp), when every factor is a number and there are enough points.
void linear_effects(Analysis& a) {
  const auto& s = a.summary;
  const std::size_t k = s.factors.size();
  if (k == 0) return;
  std::vector<std::vector<double>> x(s.point_values.size(), std::vector<double>(k));
  for (std::size_t p = 0; p < s.point_values.size(); ++p)
    for (std::size_t f = 0; f < k; ++f) {
      const std::string& text = s.point_values[p][f];
      char* end = nullptr;
      x[p][f] = std::strtod(text.c_str(), &end);
      if (text.empty() || end != text.c_str() + text.size()) {
        a.notes.push_back("Effects: factor `" + s.factors[f] + "` has a value that is not a number (" + text +
                          "); no linear effects.");
        return;
      }
    }
  if (a.points.size() < k + 2) {
    a.notes.push_back("Effects: " + std::to_string(a.points.size()) + " design points are too few for " +
                      std::to_string(k) + " factors (at least k + 2); no linear effects.");
    return;
  }
  for (std::size_t o = 0; o < s.outcomes.size(); ++o) {
    try {
      a.effects.push_back(standardised_effects(x, point_means(a, o), a.options.level));
    } catch (const std::invalid_argument& e) {
      a.effects.clear();
      a.notes.push_back(std::string("Effects: ") + e.what() + " for `" + s.outcomes[o] + "`; no linear effects.");
      return;
    }
  }
}

void pareto(Analysis& a) {
  const auto& o = a.options;
  std::vector<std::pair<std::string, bool>> wanted;  // column, maximise
  if (!o.cost.empty()) wanted.push_back({o.cost, false});
  else if (find_outcome(a.summary, "budget_per_year") >= 0)
    wanted.push_back({"budget_per_year", false});
  else
    wanted.push_back({find_outcome(a.summary, "service_cost") >= 0 ? "service_cost" : "cost_per_case", false});
  wanted.push_back({o.coverage, true});
  wanted.push_back({o.conflict, false});
  for (const auto& [name, maximise] : wanted) {
    if (name.empty()) continue;
    const int i = find_outcome(a.summary, name);
    if (i < 0 && std::find(o.named_objectives.begin(), o.named_objectives.end(), name) != o.named_objectives.end()) {
      std::string all;
      for (const auto& c : a.summary.outcomes) all += (all.empty() ? "" : ", ") + c;
      throw std::invalid_argument("Pareto objective " + name + ": no such outcome in " + a.summary.file +
                                  " (columns: " + all + ")");
    }
    if (i < 0) {
      a.notes.push_back("Pareto front: no outcome '" + name + "' in the summary; left out of the objectives.");
      continue;
    }
    a.objectives.push_back({a.summary.outcomes[static_cast<std::size_t>(i)], maximise});
  }
  if (a.objectives.size() < 2) {
    a.notes.push_back("Pareto front: skipped, it needs two objectives and the summary has " +
                      std::to_string(a.objectives.size()) + ".");
    return;
  }
  std::vector<std::vector<double>> obj(a.points.size());
  for (std::size_t p = 0; p < a.points.size(); ++p)
    for (const auto& ob : a.objectives) {
      const double m = a.points[p][static_cast<std::size_t>(a.summary.outcome_index(ob.column))].mean;
      obj[p].push_back(ob.maximise ? -m : m);
    }
  a.front = pareto_front(obj);
}

// Against the point that spends least (budget_per_year's mean), the change
// of every time-mean outcome per million yuan a year more.
void cost_effects(Analysis& a) {
  const int budget = find_outcome(a.summary, "budget_per_year");
  if (budget < 0) {
    a.notes.push_back("Cost-effectiveness: the summary has no budget_per_year (a sweep made before the budget "
                      "existed, or outcomes chosen without it); skipped.");
    return;
  }
  const auto b = static_cast<std::size_t>(budget);
  int cheapest = -1;
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t p = 0; p < a.points.size(); ++p) {
    const double m = a.points[p][b].mean;
    if (std::isnan(m)) continue;
    if (m < lo) {
      lo = m;
      cheapest = static_cast<int>(p);
    }
    hi = std::max(hi, m);
  }
  if (cheapest < 0 || hi <= lo) {
    a.notes.push_back("Cost-effectiveness: every design point spends the same (budget_per_year); no table.");
    return;
  }
  std::vector<int> outcomes;
  for (std::size_t o = 0; o < a.summary.outcomes.size(); ++o) {
    const auto& name = a.summary.outcomes[o];
    const bool is_mean = name.size() > 5 && name.compare(name.size() - 5, 5, ":mean") == 0;
    if (is_mean && name.rfind("budget", 0) != 0) outcomes.push_back(static_cast<int>(o));
  }
  a.cheapest = cheapest;
  a.cost_effects = cost_effectiveness(a.points, a.summary.outcomes, outcomes, budget, cheapest, a.options.level);
}

}  // namespace

int find_outcome(const Summary& s, const std::string& name) {
  const int exact = s.outcome_index(name);
  return exact >= 0 ? exact : s.outcome_index(name + ":mean");
}

Analysis analyze_sweep(Summary summary, DesignInfo design, const AnalyzeOptions& options) {
  Analysis a;
  a.summary = std::move(summary);
  a.design = std::move(design);
  a.options = options;
  const auto& s = a.summary;

  for (std::size_t p = 0; p < s.point_runs.size(); ++p) {
    std::vector<MeanStats> row;
    for (std::size_t o = 0; o < s.outcomes.size(); ++o) {
      std::vector<double> v;
      for (int r : s.point_runs[p]) v.push_back(s.runs[static_cast<std::size_t>(r)].values[o]);
      row.push_back(mean_stats(v, options.level));
    }
    a.points.push_back(std::move(row));
  }
  non_negative_intervals(a);

  if (!options.rank.empty()) {
    a.rank_outcome = find_outcome(s, options.rank);
    if (a.rank_outcome < 0) {
      std::string all;
      for (const auto& o : s.outcomes) all += (all.empty() ? "" : ", ") + o;
      throw std::invalid_argument("--rank " + options.rank + ": no such outcome in " + s.file + " (columns: " + all +
                                  ")");
    }
  } else {
    a.rank_outcome = std::max(0, find_outcome(s, "coverage"));
  }
  a.ranking.resize(a.points.size());
  for (std::size_t p = 0; p < a.points.size(); ++p) a.ranking[p] = static_cast<int>(p);
  const auto ro = static_cast<std::size_t>(a.rank_outcome);
  std::stable_sort(a.ranking.begin(), a.ranking.end(), [&](int x, int y) {
    const double mx = a.points[static_cast<std::size_t>(x)][ro].mean, my = a.points[static_cast<std::size_t>(y)][ro].mean;
    if (std::isnan(mx) || std::isnan(my)) return !std::isnan(mx) && std::isnan(my);
    return options.ascending ? mx < my : mx > my;
  });

  replicate_notes(a);
  if (a.design.kind == "saltelli") {
    saltelli(a);
    sobol_precision_notes(a);
  } else if (a.design.kind.empty())
    a.notes.push_back("Sobol' indices: no design.csv next to the summary, so the design is unknown; skipped.");
  else
    a.notes.push_back("Sobol' indices: need a Saltelli design (design: {kind: saltelli, samples: N}); this sweep's is " +
                      a.design.kind + ".");
  linear_effects(a);
  pareto(a);
  cost_effects(a);
  return a;
}

}  // namespace zhili::analyze
