#include "analyze/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analyze/csv.hpp"

namespace zhili::analyze {

namespace {

// Fields are appended as (out += ',') += text: GCC 12 gives a false -Wrestrict
// warning on "," + std::string temporaries (GCC bug 105651).
std::string factor_header(const Summary& s) {
  std::string out;
  for (const auto& f : s.factors) (out += ',') += csv_field(f);
  return out;
}

std::string factor_fields(const Analysis& a, std::size_t p) {
  std::string out;
  for (const auto& v : a.summary.point_values[p]) (out += ',') += csv_field(v);
  return out;
}

std::string stats_fields(const MeanStats& m) {
  return std::to_string(m.n) + "," + csv_number(m.mean) + "," + csv_number(m.sd) + "," + csv_number(m.ci.lo) + "," +
         csv_number(m.ci.hi);
}

// Short numbers for tables read by people.
std::string num(double v) {
  if (std::isnan(v)) return "–";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string interval(double lo, double hi) {
  std::string out = "[";
  return ((out += num(lo)) += ", ") += num(hi) + "]";
}

bool overlaps(const MeanStats& x, const MeanStats& best) {
  if (std::isnan(x.ci.lo) || std::isnan(best.ci.lo)) return x.mean == best.mean;
  return x.ci.hi >= best.ci.lo && x.ci.lo <= best.ci.hi;
}

std::vector<std::size_t> pareto_order(const Analysis& a) {
  std::vector<std::size_t> order(a.front.size());
  for (std::size_t p = 0; p < order.size(); ++p) order[p] = p;
  const auto first = static_cast<std::size_t>(a.summary.outcome_index(a.objectives.front().column));
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (a.front[x] != a.front[y]) return static_cast<bool>(a.front[x]);
    const double mx = a.points[x][first].mean, my = a.points[y][first].mean;
    if (std::isnan(mx) || std::isnan(my)) return !std::isnan(mx) && std::isnan(my);
    return a.objectives.front().maximise ? mx > my : mx < my;
  });
  return order;
}

std::string point_label(const Analysis& a, std::size_t p) {
  std::string out;
  for (std::size_t f = 0; f < a.summary.factors.size(); ++f)
    out += (f ? ", " : "") + a.summary.factors[f] + " = " + a.summary.point_values[p][f];
  return out.empty() ? "point " + std::to_string(p) : out;
}

}  // namespace

std::string points_csv(const Analysis& a) {
  const auto& s = a.summary;
  std::string out = "point" + factor_header(s) + ",outcome,n,mean,sd,ci_lo,ci_hi\n";
  for (std::size_t p = 0; p < a.points.size(); ++p)
    for (std::size_t o = 0; o < s.outcomes.size(); ++o)
      out += std::to_string(p) + factor_fields(a, p) + "," + csv_field(s.outcomes[o]) + "," +
             stats_fields(a.points[p][o]) + "\n";
  return out;
}

std::string ranking_csv(const Analysis& a) {
  const auto& s = a.summary;
  const auto o = static_cast<std::size_t>(a.rank_outcome);
  std::string out = "rank,point" + factor_header(s) + ",outcome,n,mean,sd,ci_lo,ci_hi,overlaps_best\n";
  const MeanStats& best = a.points[static_cast<std::size_t>(a.ranking.front())][o];
  for (std::size_t r = 0; r < a.ranking.size(); ++r) {
    const auto p = static_cast<std::size_t>(a.ranking[r]);
    out += std::to_string(r + 1) + "," + std::to_string(p) + factor_fields(a, p) + "," + csv_field(s.outcomes[o]) +
           "," + stats_fields(a.points[p][o]) + "," + (overlaps(a.points[p][o], best) ? "1" : "0") + "\n";
  }
  return out;
}

std::string sobol_csv(const Analysis& a) {
  std::string out = "outcome,factor,n,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n";
  for (std::size_t o = 0; o < a.sobol.size(); ++o) {
    const auto& r = a.sobol[o];
    for (std::size_t i = 0; i < a.summary.factors.size(); ++i)
      out += csv_field(a.summary.outcomes[o]) + "," + csv_field(a.summary.factors[i]) + "," + std::to_string(r.n) +
             "," + csv_number(r.first[i]) + "," + csv_number(r.first_ci[i].lo) + "," + csv_number(r.first_ci[i].hi) +
             "," + csv_number(r.total[i]) + "," + csv_number(r.total_ci[i].lo) + "," + csv_number(r.total_ci[i].hi) +
             "\n";
  }
  return out;
}

std::string effects_csv(const Analysis& a) {
  std::string out = "outcome,factor,n,effect,se,ci_lo,ci_hi,factor_sd,r2\n";
  for (std::size_t o = 0; o < a.effects.size(); ++o) {
    const Effects& e = a.effects[o];
    for (std::size_t f = 0; f < a.summary.factors.size(); ++f)
      out += csv_field(a.summary.outcomes[o]) + "," + csv_field(a.summary.factors[f]) + "," + std::to_string(e.n) +
             "," + csv_number(e.effect[f]) + "," + csv_number(e.se[f]) + "," + csv_number(e.ci[f].lo) + "," +
             csv_number(e.ci[f].hi) + "," + csv_number(e.factor_sd[f]) + "," + csv_number(e.r2) + "\n";
  }
  return out;
}

namespace {

// Text as LaTeX prints it: the characters special to it escaped.
std::string latex_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '_': case '%': case '&': case '#': case '$': case '{': case '}': out += '\\'; out += c; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string effects_tex(const Analysis& a) {
  const int level = static_cast<int>(std::lround(a.options.level * 100));
  std::string out =
      "% zhili analyze: standardised linear effects (outcome change per standard deviation of the factor)\n"
      "\\begin{tabular}{llrrrr}\n\\toprule\n"
      "Outcome & Factor & Effect & SE & " + std::to_string(level) + "\\,\\% interval & $R^2$ \\\\\n\\midrule\n";
  for (std::size_t o = 0; o < a.effects.size(); ++o) {
    const Effects& e = a.effects[o];
    for (std::size_t f = 0; f < a.summary.factors.size(); ++f)
      out += latex_text(a.summary.outcomes[o]) + " & " + latex_text(a.summary.factors[f]) + " & " + num(e.effect[f]) +
             " & " + num(e.se[f]) + " & " + interval(e.ci[f].lo, e.ci[f].hi) + " & " + num(e.r2) + " \\\\\n";
  }
  return out + "\\bottomrule\n\\end{tabular}\n";
}

std::string pareto_csv(const Analysis& a) {
  std::string out = "point" + factor_header(a.summary);
  for (const auto& ob : a.objectives) (out += ',') += csv_field(ob.column);
  out += ",front\n";
  if (a.front.empty()) return out;
  for (std::size_t p : pareto_order(a)) {
    out += std::to_string(p) + factor_fields(a, p);
    for (const auto& ob : a.objectives)
      (out += ',') += csv_number(a.points[p][static_cast<std::size_t>(a.summary.outcome_index(ob.column))].mean);
    out += a.front[p] ? ",1\n" : ",0\n";
  }
  return out;
}

std::string cost_effectiveness_csv(const Analysis& a) {
  std::string out = "point" + factor_header(a.summary) +
                    ",outcome,budget_change,effect,effect_lo,effect_hi,per_million_yuan,per_million_lo,per_million_hi\n";
  for (const auto& r : a.cost_effects) {
    out += std::to_string(r.point) + factor_fields(a, static_cast<std::size_t>(r.point));
    (out += ',') += csv_field(r.outcome);
    for (const double v : {r.budget_change, r.effect, r.effect_ci.lo, r.effect_ci.hi, r.per_million,
                           r.per_million_ci.lo, r.per_million_ci.hi})
      (out += ',') += csv_number(v);
    out += '\n';
  }
  return out;
}

std::string report_md(const Analysis& a, const std::string& sweep_dir, const std::vector<Figure>& figures,
                      const std::string& figures_note) {
  const auto& s = a.summary;
  const int level = static_cast<int>(std::lround(a.options.level * 100));
  std::string md = "# Sweep analysis: " + sweep_dir + "\n\n";
  int replicates_min = 1 << 30, replicates_max = 0;
  for (const auto& r : s.point_runs) {
    replicates_min = std::min(replicates_min, static_cast<int>(r.size()));
    replicates_max = std::max(replicates_max, static_cast<int>(r.size()));
  }
  md += "- design: " + (a.design.kind.empty() ? std::string("unknown (no design.csv)") : a.design.kind);
  if (a.design.kind == "saltelli") md += ", N = " + std::to_string(a.design.samples) + " samples";
  md += "\n- " + std::to_string(s.point_runs.size()) + " design points × " + std::to_string(replicates_min) +
        (replicates_max != replicates_min ? "–" + std::to_string(replicates_max) : "") + " replicates = " +
        std::to_string(s.runs.size()) + " runs\n- factors: ";
  for (std::size_t f = 0; f < s.factors.size(); ++f) md += (f ? ", " : "") + ("`" + s.factors[f] + "`");
  md += "\n- intervals: " + std::to_string(level) +
        " % (replicate means: Student t; Sobol' indices: bootstrap percentile, " +
        std::to_string(a.options.sobol.resamples) + " resamples)\n\n";
  // The tables this analysis wrote (sobol.csv and pareto.csv only with their results).
  md += "Tables: `points.csv` (every point and outcome), `ranking.csv`";
  if (!a.sobol.empty()) md += ", `sobol.csv`";
  if (!a.effects.empty()) md += ", `effects.csv`, `effects.tex`";
  if (!a.front.empty()) md += ", `pareto.csv`";
  if (!a.cost_effects.empty()) md += ", `cost_effectiveness.csv`";
  md += ".\n\n";

  const auto ro = static_cast<std::size_t>(a.rank_outcome);
  md += "## Ranking by `" + s.outcomes[ro] + "` (" + (a.options.ascending ? "lowest" : "highest") + " first)\n\n";
  md += "| rank | point | factors | n | mean | " + std::to_string(level) +
        " % interval | overlaps the best |\n|---|---|---|---|---|---|---|\n";
  const std::size_t shown = std::min<std::size_t>(a.ranking.size(), 15);
  const MeanStats& best = a.points[static_cast<std::size_t>(a.ranking.front())][ro];
  for (std::size_t r = 0; r < shown; ++r) {
    const auto p = static_cast<std::size_t>(a.ranking[r]);
    const auto& m = a.points[p][ro];
    md += "| " + std::to_string(r + 1) + " | " + std::to_string(p) + " | " + point_label(a, p) + " | " +
          std::to_string(m.n) + " | " + num(m.mean) + " | " + interval(m.ci.lo, m.ci.hi) + " | " +
          (overlaps(m, best) ? "yes" : "no") + " |\n";
  }
  md += "\n\"Overlaps the best\": the point's interval meets that of the first; those points are not told "
        "apart from it by this sweep.\n";
  if (shown < a.ranking.size())
    md += "\n(" + std::to_string(a.ranking.size() - shown) + " more in `ranking.csv`.)\n";

  if (!a.sobol.empty()) {
    md += "\n## Sobol' indices\n\nS1: share of the variance of the replicate-mean outcome due to the factor alone; "
          "ST: including its interactions (Saltelli et al. 2010; Jansen 1999). Rows used: " +
          std::to_string(a.sobol.front().n) + ".\n\n| outcome | factor | S1 | S1 interval | ST | ST interval |\n"
          "|---|---|---|---|---|---|\n";
    for (std::size_t o = 0; o < a.sobol.size(); ++o)
      for (std::size_t i = 0; i < s.factors.size(); ++i) {
        const auto& r = a.sobol[o];
        md += "| " + s.outcomes[o] + " | " + s.factors[i] + " | " + num(r.first[i]) + " | " +
              interval(r.first_ci[i].lo, r.first_ci[i].hi) + " | " + num(r.total[i]) + " | " +
              interval(r.total_ci[i].lo, r.total_ci[i].hi) + " |\n";
      }
  }

  if (!a.effects.empty()) {
    md += "\n## Effects (linear, standardised)\n\nOutcome change per standard deviation of the factor over the "
          "design points, the other factors held fixed: least squares on the point means, " +
          std::to_string(level) + " % Student t intervals; R² near 1 means a linear, additive model describes the "
          "outcome (else read the Sobol' indices). Also `effects.csv`, `effects.tex`.\n\n"
          "| outcome | factor | effect | interval | R² |\n|---|---|---|---|---|\n";
    for (std::size_t o = 0; o < a.effects.size(); ++o)
      for (std::size_t f = 0; f < s.factors.size(); ++f) {
        const Effects& e = a.effects[o];
        md += "| " + s.outcomes[o] + " | " + s.factors[f] + " | " + num(e.effect[f]) + " | " +
              interval(e.ci[f].lo, e.ci[f].hi) + " | " + num(e.r2) + " |\n";
      }
  }

  if (!a.front.empty()) {
    md += "\n## Pareto front\n\nObjectives:";
    for (const auto& ob : a.objectives) ((md += ob.maximise ? " maximise `" : " minimise `") += ob.column) += "`;";
    md += " point means over replicates.\n\n| point | factors |";
    for (const auto& ob : a.objectives) md += " " + ob.column + " |";
    md += "\n|---|---|";
    for (std::size_t i = 0; i < a.objectives.size(); ++i) md += "---|";
    md += "\n";
    for (std::size_t p : pareto_order(a)) {
      if (!a.front[p]) break;
      md += "| " + std::to_string(p) + " | " + point_label(a, p) + " |";
      for (const auto& ob : a.objectives)
        ((md += ' ') += num(a.points[p][static_cast<std::size_t>(s.outcome_index(ob.column))].mean)) += " |";
      md += "\n";
    }
  }

  if (!a.cost_effects.empty()) {
    const auto ref = static_cast<std::size_t>(a.cheapest);
    const auto b = static_cast<std::size_t>(find_outcome(s, "budget_per_year"));
    md += "\n## Cost-effectiveness\n\nAgainst the point that spends least, point " + std::to_string(ref) + " (" +
          point_label(a, ref) + ", " + num(a.points[ref][b].mean / 1e6) +
          " million yuan a year): each point's change of an outcome (time means over the run, " +
          std::to_string(level) +
          " % Welch interval) per million yuan a year of extra spending (`budget_per_year`, the scenario's "
          "costs.*). Every outcome is in `cost_effectiveness.csv`; here the ranked outcome and the Pareto "
          "objectives, the points most effective per million yuan first.\n";
    std::vector<std::string> shown_outcomes{s.outcomes[ro]};
    for (const auto& ob : a.objectives)
      if (ob.column.rfind("budget", 0) != 0 &&
          std::find(shown_outcomes.begin(), shown_outcomes.end(), ob.column) == shown_outcomes.end())
        shown_outcomes.push_back(ob.column);
    for (const auto& name : shown_outcomes) {
      std::vector<const CostEffectRow*> rows;
      for (const auto& r : a.cost_effects)
        if (r.outcome == name) rows.push_back(&r);
      if (rows.empty()) continue;
      // Best first: a Pareto objective's own direction, else the ranking's.
      bool lower_better = name == s.outcomes[ro] && a.options.ascending;
      for (const auto& ob : a.objectives)
        if (ob.column == name) lower_better = !ob.maximise;
      std::stable_sort(rows.begin(), rows.end(), [&](const CostEffectRow* x, const CostEffectRow* y) {
        if (std::isnan(x->per_million) || std::isnan(y->per_million)) return !std::isnan(x->per_million);
        return lower_better ? x->per_million < y->per_million : x->per_million > y->per_million;
      });
      md += "\n### `" + name + "`\n\n| point | factors | extra million yuan a year | change | interval | "
            "change per million yuan | interval |\n|---|---|---|---|---|---|---|\n";
      const std::size_t n = std::min<std::size_t>(rows.size(), 10);
      for (std::size_t i = 0; i < n; ++i) {
        const auto& r = *rows[i];
        md += "| " + std::to_string(r.point) + " | " + point_label(a, static_cast<std::size_t>(r.point)) + " | " +
              num(r.budget_change / 1e6) + " | " + num(r.effect) + " | " + interval(r.effect_ci.lo, r.effect_ci.hi) +
              " | " + num(r.per_million) + " | " + interval(r.per_million_ci.lo, r.per_million_ci.hi) + " |\n";
      }
      if (n < rows.size()) md += "\n(" + std::to_string(rows.size() - n) + " more in `cost_effectiveness.csv`.)\n";
    }
  }

  md += "\n## Figures\n\n";
  if (!figures_note.empty()) md += figures_note + "\n\n";
  for (const auto& f : figures) md += "![" + f.caption + "](" + f.file + ")\n\n*" + f.caption + "*\n\n";

  if (!a.notes.empty()) {
    md += "## Notes\n\n";
    for (const auto& n : a.notes) md += "- " + n + "\n";
  }
  return md;
}

}  // namespace zhili::analyze
