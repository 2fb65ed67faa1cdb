#include "data/sweep_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
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

int integer(const analyze::CsvTable& t, const analyze::CsvRow& row, int c) {
  const auto& f = row.fields[static_cast<std::size_t>(c)];
  char* end = nullptr;
  const long v = std::strtol(f.text.c_str(), &end, 10);
  if (f.text.empty() || *end != '\0' || v < 0 || v > 1000000000)
    throw std::runtime_error(t.file + ":" + std::to_string(row.line) + ":" + std::to_string(f.column) +
                             ": error: not a whole number (found '" + f.text + "')");
  return static_cast<int>(v);
}

// A factor value as a number, when all of it is one (NaN otherwise).
double value_of(const std::string& s) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  return !s.empty() && *end == '\0' && std::isfinite(v) ? v : NAN;
}

}  // namespace

SweepAnalysis::SweepAnalysis(const std::string& dir) : dir_(dir) {
  const fs::path a = fs::path(dir) / "analysis";
  try {
    const auto t = analyze::read_csv((a / "points.csv").string());
    const int point = column(t, "point"), outcome = column(t, "outcome"), mean = column(t, "mean"),
              lo = column(t, "ci_lo"), hi = column(t, "ci_hi");
    for (int c = point + 1; c < outcome; ++c) factors_.push_back(t.header[static_cast<std::size_t>(c)]);
    for (const auto& row : t.rows) {
      std::string label;  // factor columns lie between point and outcome
      std::vector<std::string> values;
      for (int c = point + 1; c < outcome; ++c) {
        label += (label.empty() ? "" : ", ") + t.header[static_cast<std::size_t>(c)] + " = " + text(row, c);
        values.push_back(text(row, c));
      }
      points_.push_back({static_cast<int>(number(t, row, point)), text(row, outcome), label, number(t, row, mean),
                         number(t, row, lo), number(t, row, hi), std::move(values)});
      if (std::find(outcomes_.begin(), outcomes_.end(), text(row, outcome)) == outcomes_.end())
        outcomes_.push_back(text(row, outcome));
    }
    if (fs::exists(fs::path(dir) / "design.csv")) {
      const auto d = analyze::read_csv((fs::path(dir) / "design.csv").string());
      if (!d.rows.empty()) design_kind_ = text(d.rows.front(), column(d, "design"));
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

std::string SweepAnalysis::point_label(int point) const {
  for (const auto& r : points_)
    if (r.point == point) return r.label;
  return "";
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

EffectPlot SweepAnalysis::effect(const std::string& outcome, const std::string& factor) const {
  EffectPlot p;
  p.outcome = outcome;
  p.factor = factor;
  const auto it = std::find(factors_.begin(), factors_.end(), factor);
  if (it == factors_.end()) return p;
  const std::size_t f = static_cast<std::size_t>(it - factors_.begin());
  std::vector<const PointRow*> rows;  // design order
  for (const auto& r : points_)
    if (r.outcome == outcome) rows.push_back(&r);
  if (rows.empty()) return p;

  for (const auto* r : rows) p.numeric = p.numeric && std::isfinite(value_of(r->values[f]));
  for (const auto* r : rows)
    if (std::find(p.categories.begin(), p.categories.end(), r->values[f]) == p.categories.end())
      p.categories.push_back(r->values[f]);
  if (p.numeric) p.categories.clear();
  const auto x_of = [&](const PointRow* r) {
    return p.numeric ? value_of(r->values[f])
                     : static_cast<double>(std::find(p.categories.begin(), p.categories.end(), r->values[f]) -
                                           p.categories.begin());
  };

  // The other factors that vary, and whether the points form their full grid
  // (every combination of values once): then a line per combination.
  std::vector<std::size_t> others;
  std::size_t cells = 1;
  for (std::size_t j = 0; j < factors_.size(); ++j) {
    std::set<std::string> distinct;
    for (const auto* r : rows) distinct.insert(r->values[j]);
    cells *= distinct.size();
    if (j != f && distinct.size() > 1) others.push_back(j);
  }
  std::set<std::vector<std::string>> combinations;
  for (const auto* r : rows) combinations.insert(r->values);
  const bool grid = combinations.size() == rows.size() && cells == rows.size();
  p.joined = design_kind_ == "factorial" || (design_kind_.empty() && grid);

  std::map<std::string, std::size_t> line_of;  // label -> index in p.lines
  for (const auto* r : rows) {
    std::string label;
    if (p.joined)
      for (std::size_t j : others) label += (label.empty() ? "" : ", ") + factors_[j] + " = " + r->values[j];
    auto [where, added] = line_of.emplace(label, p.lines.size());
    if (added) p.lines.push_back({label, {}, {}, {}, {}, {}});
    EffectLine& l = p.lines[where->second];
    l.point.push_back(r->point);
    l.x.push_back(x_of(r));
    l.mean.push_back(r->mean);
    l.lo.push_back(r->lo);
    l.hi.push_back(r->hi);
  }
  for (EffectLine& l : p.lines) {  // by x, ties in design order
    std::vector<std::size_t> order(l.x.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return l.x[a] < l.x[b]; });
    EffectLine sorted{l.label, {}, {}, {}, {}, {}};
    for (std::size_t i : order) {
      sorted.point.push_back(l.point[i]);
      sorted.x.push_back(l.x[i]);
      sorted.mean.push_back(l.mean[i]);
      sorted.lo.push_back(l.lo[i]);
      sorted.hi.push_back(l.hi[i]);
    }
    l = std::move(sorted);
  }
  return p;
}

std::vector<SweepRun> read_manifest(const std::string& dir) {
  std::vector<SweepRun> runs;
  try {
    const auto t = analyze::read_csv((fs::path(dir) / "manifest.csv").string());
    const int run = column(t, "run"), point = column(t, "point"), replicate = column(t, "replicate"),
              status = column(t, "status"), file = column(t, "file");
    for (const auto& row : t.rows)
      runs.push_back({integer(t, row, run), integer(t, row, point), integer(t, row, replicate), text(row, status),
                      text(row, file)});
  } catch (const analyze::CsvError& e) {
    throw std::runtime_error(e.what());
  }
  return runs;
}

PointRuns runs_of_point(const std::string& dir, const std::vector<SweepRun>& manifest, int point) {
  std::vector<const SweepRun*> runs;
  for (const auto& r : manifest)
    if (r.point == point) runs.push_back(&r);
  std::stable_sort(runs.begin(), runs.end(),
                   [](const SweepRun* a, const SweepRun* b) { return a->replicate < b->replicate; });
  PointRuns out;
  const std::string name = "point " + std::to_string(point);
  if (runs.empty()) {
    out.message = name + " is not in " + (fs::path(dir) / "manifest.csv").string() + ".";
    return out;
  }
  std::size_t without_file = 0;
  std::string missing;
  for (const auto* r : runs) {
    const bool h5 = r->file.size() > 3 && r->file.compare(r->file.size() - 3, 3, ".h5") == 0;
    if (!h5) {
      ++without_file;
      continue;
    }
    const std::string path = (fs::path(dir) / r->file).string();
    std::error_code ec;
    if (r->status != "not_run" && fs::is_regular_file(path, ec)) out.files.push_back(path);
    else missing += (missing.empty() ? "" : ", ") + r->file + " (" + r->status + ")";
  }
  if (without_file == runs.size())
    out.message = "The sweep was run with --summary-only: the runs of " + name +
                  " wrote no result files to open. Run it again without --summary-only to open them.";
  else if (!missing.empty())
    out.message = "Some runs of " + name + " have no result file: " + missing + ".";
  return out;
}

}  // namespace zhili::view
