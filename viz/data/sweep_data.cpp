#include "data/sweep_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "analyze/csv.hpp"

namespace zhili::view {

namespace {

namespace fs = std::filesystem;

int column(const analyze::CsvTable& t, const std::string& name) {
  const int c = t.column_index(name);
  if (c < 0) throw std::runtime_error(t.file + ":1:1: error: no column '" + name + "' (written by zhili analyze?)");
  return c;
}

double number(const analyze::CsvTable& t, const analyze::CsvRow& row, int c) {
  const auto& f = row.fields[static_cast<std::size_t>(c)];
  char* end = nullptr;
  const double v = std::strtod(f.text.c_str(), &end);
  if (f.text.empty() || *end != '\0')
    throw std::runtime_error(t.file + ":" + std::to_string(row.line) + ":" + std::to_string(f.column) +
                             ": error: not a number (found '" + f.text + "')");
  return v;
}

const std::string& text(const analyze::CsvRow& row, int c) { return row.fields[static_cast<std::size_t>(c)].text; }

}  // namespace

SweepAnalysis::SweepAnalysis(const std::string& dir) : dir_(dir) {
  const fs::path a = fs::path(dir) / "analysis";
  try {
    const auto t = analyze::read_csv((a / "points.csv").string());
    const int point = column(t, "point"), outcome = column(t, "outcome"), mean = column(t, "mean"),
              lo = column(t, "ci_lo"), hi = column(t, "ci_hi");
    for (const auto& row : t.rows) {
      std::string label;  // factor columns lie between point and outcome
      for (int c = point + 1; c < outcome; ++c)
        label += (label.empty() ? "" : ", ") + t.header[static_cast<std::size_t>(c)] + " = " + text(row, c);
      points_.push_back({static_cast<int>(number(t, row, point)), text(row, outcome), label, number(t, row, mean),
                         number(t, row, lo), number(t, row, hi)});
      if (std::find(outcomes_.begin(), outcomes_.end(), text(row, outcome)) == outcomes_.end())
        outcomes_.push_back(text(row, outcome));
    }
    if (fs::exists(a / "sobol.csv")) {
      const auto s = analyze::read_csv((a / "sobol.csv").string());
      const int c[8] = {column(s, "outcome"), column(s, "factor"), column(s, "S1"),    column(s, "S1_lo"),
                        column(s, "S1_hi"),   column(s, "ST"),     column(s, "ST_lo"), column(s, "ST_hi")};
      for (const auto& row : s.rows)
        sobol_rows_.push_back({text(row, c[0]), text(row, c[1]), number(s, row, c[2]), number(s, row, c[3]),
                               number(s, row, c[4]), number(s, row, c[5]), number(s, row, c[6]), number(s, row, c[7])});
    }
    if (fs::exists(a / "pareto.csv")) {
      const auto p = analyze::read_csv((a / "pareto.csv").string());
      const int front = column(p, "front"), point = column(p, "point");
      // The objectives are the columns that are outcomes (points.csv); the
      // first two are drawn (cost against coverage by default).
      std::vector<int> objectives;
      for (int c = point + 1; c < front; ++c)
        if (std::find(outcomes_.begin(), outcomes_.end(), p.header[static_cast<std::size_t>(c)]) != outcomes_.end())
          objectives.push_back(c);
      if (objectives.size() >= 2) {
        pareto_.x_name = p.header[static_cast<std::size_t>(objectives[0])];
        pareto_.y_name = p.header[static_cast<std::size_t>(objectives[1])];
        for (const auto& row : p.rows) {
          pareto_.point.push_back(static_cast<int>(number(p, row, point)));
          pareto_.x.push_back(number(p, row, objectives[0]));
          pareto_.y.push_back(number(p, row, objectives[1]));
          pareto_.front.push_back(text(row, front) == "1");
        }
      }
    }
  } catch (const analyze::CsvError& e) {
    throw std::runtime_error(e.what());
  }
}

std::string SweepAnalysis::find_outcome(const std::string& name) const {
  for (const std::string& candidate : {name, name + ":mean"})
    if (std::find(outcomes_.begin(), outcomes_.end(), candidate) != outcomes_.end()) return candidate;
  return "";
}

SweepEffects SweepAnalysis::effects(const std::string& outcome) const {
  std::vector<const PointRow*> rows;
  for (const auto& r : points_)
    if (r.outcome == outcome) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(), [](const PointRow* x, const PointRow* y) {
    if (std::isnan(x->mean) || std::isnan(y->mean)) return !std::isnan(x->mean) && std::isnan(y->mean);
    return x->mean > y->mean;
  });
  SweepEffects e;
  e.outcome = outcome;
  for (const auto* r : rows) {
    e.point.push_back(r->point);
    e.label.push_back(r->label);
    e.mean.push_back(r->mean);
    e.lo.push_back(r->lo);
    e.hi.push_back(r->hi);
  }
  return e;
}

SweepSobol SweepAnalysis::sobol(const std::string& outcome) const {
  SweepSobol s;
  s.outcome = outcome;
  for (const auto& r : sobol_rows_) {
    if (r.outcome != outcome) continue;
    s.factors.push_back(r.factor);
    s.s1.push_back(r.s1);
    s.s1_lo.push_back(r.s1_lo);
    s.s1_hi.push_back(r.s1_hi);
    s.st.push_back(r.st);
    s.st_lo.push_back(r.st_lo);
    s.st_hi.push_back(r.st_hi);
  }
  return s;
}

}  // namespace zhili::view
