// What `zhili analyze` computes from a sweep's summary: replicate statistics
// per design point, a ranking of the points by one outcome, Sobol' indices
// for Saltelli designs, and the Pareto front of cost against coverage and
// conflict. report.hpp writes it out.
#pragma once

#include <string>
#include <vector>

#include "analyze/cost_effectiveness.hpp"
#include "analyze/effects.hpp"
#include "analyze/sobol.hpp"
#include "analyze/stats.hpp"
#include "analyze/summary_table.hpp"

namespace zhili::analyze {

struct AnalyzeOptions {
  std::string rank;            // outcome to rank by; "" = coverage, else the first outcome
  bool ascending = false;      // rank lowest first (a cost) instead of highest first
  double level = 0.95;         // confidence level of every interval
  // Pareto objectives. "" for cost: budget_per_year, else service_cost, else cost_per_case.
  std::string cost, coverage = "coverage", conflict = "conflict_rate";
  // Objectives the user named (--cost, --coverage, --conflict): missing from
  // the summary they are an error, as --rank is; a default missing is a note.
  std::vector<std::string> named_objectives;
  SobolOptions sobol;
};

struct Objective {
  std::string column;  // outcome column
  bool maximise = false;
};

struct Analysis {
  Summary summary;
  DesignInfo design;
  AnalyzeOptions options;
  std::vector<std::vector<MeanStats>> points;  // [point][outcome]
  int rank_outcome = 0;
  std::vector<int> ranking;                    // points, best first (NaN means last)
  std::vector<SobolResult> sobol;              // per outcome; empty unless a Saltelli design
  std::vector<Effects> effects;                // per outcome: standardised linear effects; empty when not fitted
  std::vector<Objective> objectives;           // those found; the front needs two
  std::vector<bool> front;                     // per point; empty without a front
  // Cost-effectiveness against the cheapest point (budget_per_year), every
  // time-mean outcome; empty when the summary has no budget or it never varies.
  int cheapest = -1;
  std::vector<CostEffectRow> cost_effects;
  std::vector<std::string> notes;              // what was skipped, and why
};

// An outcome named by the user: the column itself, or NAME:mean (the time mean,
// what policies are usually compared on). -1 when neither exists.
int find_outcome(const Summary& s, const std::string& name);

// Throws std::invalid_argument naming the available columns when `rank` is not one.
Analysis analyze_sweep(Summary summary, DesignInfo design, const AnalyzeOptions& options);

}  // namespace zhili::analyze
