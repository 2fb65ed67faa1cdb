// The files of DIR/analysis/ (docs/SWEEPS.md, "zhili analyze"): CSV tables for
// programs and report.md for people, with the figures zhili-view drew.
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.hpp"

namespace zhili::analyze {

// point,<factors>,outcome,n,mean,sd,ci_lo,ci_hi: one row per point and outcome.
std::string points_csv(const Analysis& a);
// rank,point,<factors>,outcome,n,mean,sd,ci_lo,ci_hi,overlaps_best: the points
// best first by the ranked outcome; overlaps_best says whether the point's
// interval overlaps the best point's (1), i.e. the replicates do not tell them apart.
std::string ranking_csv(const Analysis& a);
// outcome,factor,n,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi (Saltelli designs only).
std::string sobol_csv(const Analysis& a);
// outcome,factor,n,effect,se,ci_lo,ci_hi,factor_sd,r2: standardised linear
// effects (effects.hpp), when fitted.
std::string effects_csv(const Analysis& a);
// The same as a LaTeX table (booktabs), for a paper.
std::string effects_tex(const Analysis& a);
// point,<factors>,<objective columns (point means)>,front: every point, the
// front (1) first, each part ordered by the first objective.
std::string pareto_csv(const Analysis& a);

// point,<factors>,outcome,budget_change,effect,effect_lo,effect_hi,
// per_million_yuan,per_million_lo,per_million_hi: against the cheapest point
// (cost_effectiveness.hpp), when the summary has the budget.
std::string cost_effectiveness_csv(const Analysis& a);

struct Figure {
  std::string file;     // relative to DIR/analysis
  std::string caption;
};

// report.md: the design, the ranking (top rows), the Sobol' table, the front,
// the figures (or why there are none) and the notes.
std::string report_md(const Analysis& a, const std::string& sweep_dir, const std::vector<Figure>& figures,
                      const std::string& figures_note);

}  // namespace zhili::analyze
