#include "calibrate/calibration.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/calendar.hpp"
#include "core/read_file.hpp"
#include "engine/engine.hpp"
#include "model/model.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/input_file.hpp"
#include "scenario/load.hpp"
#include "scenario/messages.hpp"
#include "scenario/schema.hpp"
#include "scenario/suggest.hpp"

namespace zhili {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// The whole cell as a number (std::stod would take "0.3abc" as 0.3).
bool parse_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(out);
}

bool parse_year(const std::string& text, int& out) {
  if (text.empty() || text.size() > 5) return false;
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  out = static_cast<int>(v);
  return end == text.c_str() + text.size();
}

constexpr const char* kTargetColumns = "year,observable,column,value,tolerance,kind[,source]";

std::vector<CalibrationTarget> read_targets(const std::string& path, Diagnostics& diags) {
  std::vector<CalibrationTarget> out;
  const std::size_t diags_before = diags.size();  // `diags` may hold the calibration file's own
  std::string text;
  if (const std::string why = read_whole_file(path, text); !why.empty()) {
    diags.add(make_diagnostic(path, 0, 0, "targets", "cannot read the targets file: " + why,
                              "", "a readable CSV file"));
    return out;
  }
  if (text.find('\0') != std::string::npos) {
    diags.add(make_diagnostic(path, 0, 0, "targets", "not a text file: a NUL byte", "",
                              std::string("a CSV file ") + kTargetColumns));
    return out;
  }
  std::stringstream in(text);
  std::string line;
  int row = 0;
  while (std::getline(in, line)) {
    ++row;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (row == 1 || line.empty() || line[0] == '#') continue;  // header, blanks, comments
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (!line.empty() && line.back() == ',') f.emplace_back();  // a last, empty cell
    if (f.size() < 6 || f.size() > 7) {
      diags.add(make_diagnostic(path, row, 1, "targets",
                                f.size() < 6 ? "too few columns" : "too many columns", line, kTargetColumns));
      continue;
    }
    CalibrationTarget t;
    t.row = row;
    t.observable = f[1];
    t.column = f[2];
    // Each cell checked on its own, at its column (1-based, counted in characters).
    int column = 1;
    std::vector<int> at;
    for (const auto& cell : f) {
      at.push_back(column);
      column += static_cast<int>(cell.size()) + 1;
    }
    const auto bad = [&](std::size_t k, const char* what, const std::string& expected) {
      diags.add(make_diagnostic(path, row, at[k], std::string("targets.") + what, "invalid value", f[k], expected));
    };
    bool ok = true;
    if (!parse_year(f[0], t.year)) {
      ok = false;
      bad(0, "year", "a year, e.g. 2010");
    }
    if (t.observable.empty()) {
      ok = false;
      bad(1, "observable", "an observable's name");
    }
    if (!parse_number(f[3], t.value)) {
      ok = false;
      bad(3, "value", "a number");
    }
    if (!parse_number(f[4], t.tolerance) || !(t.tolerance > 0)) {
      ok = false;
      bad(4, "tolerance", "a number above 0 (an error within it counts as met)");
    }
    // kind: absolute or relative tolerance, with _mean or _max for the year's
    // mean or largest step, then _held_out for a target the fit does not see.
    std::string kind = f[5];
    if (const std::string held = "_held_out";
        kind.size() > held.size() && kind.compare(kind.size() - held.size(), held.size(), held) == 0) {
      kind.resize(kind.size() - held.size());
      t.held_out = true;
    }
    for (const auto& [suffix, stat] : {std::pair{"_mean", CalibrationTarget::Statistic::mean},
                                       std::pair{"_max", CalibrationTarget::Statistic::max}}) {
      const std::string sfx = suffix;
      if (kind.size() > sfx.size() && kind.compare(kind.size() - sfx.size(), sfx.size(), sfx) == 0) {
        kind.resize(kind.size() - sfx.size());
        t.statistic = stat;
      }
    }
    if (kind != "absolute" && kind != "relative") {
      ok = false;
      bad(5, "kind",
          "absolute or relative, or either with _mean (the year's mean) or _max (its largest step), "
          "then optionally _held_out (checked, not fitted)");
    }
    t.relative = kind == "relative";
    if (f.size() > 6) t.source = f[6];
    if (ok) out.push_back(t);
  }
  if (out.empty() && diags.size() == diags_before)
    diags.add(make_diagnostic(path, 0, 0, "targets", "no target rows", "",
                              std::string("at least one row after the header: ") + kTargetColumns));
  return out;
}

// Parameter keys: numeric keys of the scenario schema.
const KeyDoc* schema_key(const std::string& path) {
  for (const auto& k : schema_keys())
    if (k.path == path) return &k;
  return nullptr;
}

std::vector<std::string> numeric_keys() {
  std::vector<std::string> out;
  for (const auto& k : schema_keys())
    if (k.type == "number" || k.type == "integer") out.push_back(k.path);
  return out;
}

void read_parameters(const YAML::Node& list, InputFile& r, CalibrationSpec& spec,
                     std::vector<YAML::Node>& nodes) {
  static const std::vector<std::string> kParameterKeys = {"key", "min", "max"};
  for (const auto& p : list) {
    if (!p.IsMap()) {
      r.error(p, "parameters[]", "wrong type", "a mapping {key: PATH, min: LOW, max: HIGH}");
      continue;
    }
    bool ok = true;
    for (const auto& kv : p) {
      const auto name = kv.first.Scalar();
      if (std::find(kParameterKeys.begin(), kParameterKeys.end(), name) == kParameterKeys.end()) {
        r.error(kv.first, "parameters[]." + name, kUnknownKey, "key, min or max",
                name == "start" ? "the start is the scenario's own value: set it there or with overrides" : "");
        ok = false;
      }
    }
    CalibrationParameter cp;
    const auto key_node = r.required(p, "key", "parameters[].key", "a scenario key path");
    const auto key = key_node ? r.text(*key_node, "parameters[].key", "a scenario key path") : std::nullopt;
    const auto lo_node = r.required(p, "min", "parameters[].min", "a finite number");
    const auto lo = lo_node ? r.number(*lo_node, "parameters[].min") : std::nullopt;
    const auto hi_node = r.required(p, "max", "parameters[].max", "a finite number");
    const auto hi = hi_node ? r.number(*hi_node, "parameters[].max") : std::nullopt;
    if (!ok || !key || !lo || !hi) continue;
    cp.key = *key;
    cp.lo = *lo;
    cp.hi = *hi;
    if (!(cp.lo < cp.hi)) {
      r.error(p["max"], "parameters[].max", "max must exceed min", "a number above " + number(cp.lo));
      continue;
    }
    const auto same = std::find_if(spec.parameters.begin(), spec.parameters.end(),
                                   [&](const CalibrationParameter& q) { return q.key == cp.key; });
    if (same != spec.parameters.end()) {
      const auto first = nodes[static_cast<std::size_t>(same - spec.parameters.begin())]["key"].Mark();
      r.error(p["key"], "parameters[].key", "parameter listed twice", "each key once",
              "first listed at line " + std::to_string(first.line + 1));
      continue;
    }
    const KeyDoc* doc = schema_key(cp.key);
    if (doc == nullptr || (doc->type != "number" && doc->type != "integer")) {
      const auto near = closest_match(cp.key, numeric_keys());
      r.error(p["key"], "parameters[].key", doc == nullptr ? "unknown key" : "not a numeric key",
              "a number or integer key of docs/SCENARIOS.md",
              doc != nullptr ? cp.key + " is of type " + doc->type
                             : (near ? did_you_mean({*near}) : ""));
      continue;
    }
    spec.parameters.push_back(cp);
    nodes.push_back(p);
  }
}

// The bounds must be values the scenario accepts (the fit moves between them),
// and the scenario's own value, the start, must lie between them.
void check_parameters_against(const Scenario& base, CalibrationSpec& spec, const std::vector<YAML::Node>& nodes,
                              InputFile& r) {
  const YAML::Node resolved = YAML::Load(resolved_yaml(base));
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    auto& p = spec.parameters[i];
    for (const char* end : {"min", "max"}) {
      std::vector<std::string> o = spec.overrides;
      o.push_back(p.key + "=" + number(end == std::string("min") ? p.lo : p.hi));
      try {
        load_scenario(spec.scenario, o);
      } catch (const ScenarioError& e) {
        for (const auto& d : e.diagnostics().items())
          if (override_number(d.where) == o.size())
            r.error(nodes[i][end], std::string("parameters[].") + end, "not a value " + p.key + " takes",
                    d.expected);
      }
    }
    YAML::Node n = YAML::Clone(resolved);
    std::stringstream parts(p.key);
    for (std::string part; std::getline(parts, part, '.');) n = n[part];
    double value = 0;
    if (!n || !n.IsScalar() || !parse_number(n.Scalar(), value)) {
      r.error(nodes[i]["key"], "parameters[].key", "no numeric value in the scenario", "a number or integer key");
      continue;
    }
    if (value < p.lo || value > p.hi) {
      r.error(r.at(nodes[i]["key"]), p.key, "the scenario's value, where the fit starts, lies outside [min, max]",
              number(value), "a value in [" + number(p.lo) + ", " + number(p.hi) + "]",
              "widen the bounds or change the scenario's value");
      continue;
    }
    p.start = value;
  }
}

// Each target names an observable of the scenario, in a year the run covers.
void check_targets_against(const Scenario& base, const CalibrationSpec& spec, Diagnostics& diags) {
  const Model model(base);
  const Calendar cal(base.run.start, base.run.step_unit);
  std::string names;
  for (const auto& x : model.series_specs()) names += (names.empty() ? "" : ", ") + x.name;
  for (const auto& t : spec.targets) {
    if (!model.column_of(t.observable, t.column))
      diags.add(make_diagnostic(spec.targets_path, t.row, 0, "targets.observable",
                                "not an observable of this scenario",
                                t.observable + (t.column.empty() ? "" : "/" + t.column),
                                "one of " + names + " (a breakdown with its label in the column cell)"));
    const Date dated{t.year, 12, 1};
    if (dated < base.run.start || cal.first_step_on_or_after(dated) >= base.run.steps)
      diags.add(make_diagnostic(spec.targets_path, t.row, 0, "targets.year", "outside the run",
                                std::to_string(t.year),
                                "a year whose December the run reaches: the run covers " +
                                    format_date(base.run.start) + " to " + format_date(cal.date_of(base.run.steps))));
  }
}

}  // namespace

CalibrationSpec load_calibration(const std::string& path) {
  InputFile r(path, "calibration");
  CalibrationSpec spec;
  spec.path = path;
  const YAML::Node& doc = r.root();
  if (!doc.IsMap()) {
    r.error(doc, "", "the calibration file must be a mapping", "keys scenario, parameters, targets");
    r.throw_if_errors();
  }
  r.check_keys(doc, "", {"scenario", "overrides", "parameters", "targets", "max_evaluations"});
  if (const auto n = r.required(doc, "scenario", "scenario", "the path of the base scenario"))
    if (const auto text = r.text(*n, "scenario", "a path")) spec.scenario = r.resolve(*text);
  if (const auto o = doc["overrides"]) {
    if (!o.IsSequence()) r.error(o, "overrides", "not a list", "a list of key.path=value");
    else
      for (const auto& item : o)
        if (const auto text = r.text(item, "overrides[]", "key.path=value")) spec.overrides.push_back(*text);
  }
  if (const auto n = doc["max_evaluations"])
    if (const auto v = r.integer(n, "max_evaluations", 1, std::numeric_limits<int>::max()))
      spec.max_evaluations = static_cast<int>(*v);
  std::vector<YAML::Node> parameter_nodes;
  if (!doc["parameters"] || !doc["parameters"].IsSequence() || doc["parameters"].size() == 0)
    r.error(doc["parameters"] ? doc["parameters"] : doc, "parameters", "missing or empty", "a list of {key, min, max}");
  else
    read_parameters(doc["parameters"], r, spec, parameter_nodes);
  if (const auto n = r.required(doc, "targets", "targets", "the path of a targets CSV file")) {
    if (const auto text = r.text(*n, "targets", "a path")) {
      spec.targets_path = r.resolve(*text);
      const std::size_t before = r.diagnostics().size();
      spec.targets = read_targets(spec.targets_path, r.diagnostics());
      if (r.diagnostics().size() > before && spec.targets.empty())  // say which line named the file
        r.error(*n, "targets", "the targets file named here cannot be used", "a CSV file of targets");
    }
  }
  r.throw_if_errors();

  // Start values, bounds and targets are checked against the scenario itself
  // (validated as usual; its own errors are reported as a scenario's).
  const Scenario base = load_scenario(spec.scenario, spec.overrides);
  check_parameters_against(base, spec, parameter_nodes, r);
  check_targets_against(base, spec, r.diagnostics());
  r.throw_if_errors();
  return spec;
}

namespace {

// The scenario at one point of the fit. The parameters are the overrides after
// spec.overrides, in order; a refusal names them as the calibration file does.
Scenario load_point(const CalibrationSpec& spec, const std::vector<double>& values,
                    const std::vector<std::string>& overrides) {
  try {
    return load_scenario(spec.scenario, overrides);
  } catch (const ScenarioError& e) {
    std::string point;
    for (std::size_t i = 0; i < spec.parameters.size(); ++i)
      point += (i ? ", " : "") + spec.parameters[i].key + "=" + number(values[i]);
    std::string why;
    for (const auto& d : e.diagnostics().items()) {
      why += "\n  " + d.key_path + ": " + d.message;
      if (!d.found.empty()) why += " (found " + d.found + (d.expected.empty() ? "" : ", expected " + d.expected) + ")";
      const std::size_t n = override_number(d.where);
      if (n > spec.overrides.size() && n <= spec.overrides.size() + spec.parameters.size())
        why += " [calibration parameter " + spec.parameters[n - spec.overrides.size() - 1].key + "]";
    }
    throw RefusedParameters("the scenario refuses the parameters " + point + " together:" + why);
  }
}

}  // namespace

std::vector<TargetResult> evaluate(const CalibrationSpec& spec, const std::vector<double>& values, int threads) {
  std::vector<std::string> overrides = spec.overrides;
  for (std::size_t i = 0; i < spec.parameters.size(); ++i)
    overrides.push_back(spec.parameters[i].key + "=" + number(values[i]));
  overrides.push_back("run.threads=" + std::to_string(threads));
  const Scenario s = load_point(spec, values, overrides);
  Engine engine(s);
  const Calendar& cal = engine.calendar();

  // Column of each target in the observables row.
  std::vector<TargetResult> results;
  std::vector<std::size_t> column;
  std::vector<std::int64_t> step_of, first_of;
  std::vector<double> acc;  // the year's sum (mean) or largest value (max) so far
  std::vector<std::int64_t> count;
  for (const auto& t : spec.targets) {
    const auto at = engine.model().column_of(t.observable, t.column);
    if (!at)
      throw std::runtime_error("calibration target '" + t.observable + (t.column.empty() ? "" : "/" + t.column) +
                               "' is not an observable of this scenario");
    const std::size_t k = *at;
    column.push_back(k);
    step_of.push_back(cal.first_step_on_or_after(Date{t.year, 12, 1}));
    first_of.push_back(cal.first_step_on_or_after(Date{t.year, 1, 1}));
    acc.push_back(0.0);
    count.push_back(0);
    results.push_back(TargetResult{t, std::nan(""), 0, t.relative ? t.tolerance * std::fabs(t.value) : t.tolerance});
  }
  using Statistic = CalibrationTarget::Statistic;
  while (!engine.done()) {
    const std::int64_t k = engine.step_index();
    engine.step();
    for (std::size_t i = 0; i < results.size(); ++i) {
      const double v = engine.observables()[column[i]];
      const Statistic stat = results[i].target.statistic;
      if (stat == Statistic::end) {
        if (step_of[i] == k) results[i].simulated = v;
      } else if (k >= first_of[i] && k <= step_of[i] && !std::isnan(v)) {
        acc[i] = stat == Statistic::mean ? acc[i] + v : (count[i] == 0 ? v : std::max(acc[i], v));
        ++count[i];
      }
    }
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Statistic stat = results[i].target.statistic;
    if (stat != Statistic::end && count[i] > 0)
      results[i].simulated = stat == Statistic::mean ? acc[i] / static_cast<double>(count[i]) : acc[i];
  }
  for (auto& r : results) r.error = r.simulated - r.target.value;
  return results;
}

double loss(const std::vector<TargetResult>& results) {
  double sum = 0;
  for (const auto& r : results) {
    if (r.target.held_out) continue;
    const double z = std::isnan(r.simulated) ? 1e3 : r.error / r.allowed;
    sum += z * z;
  }
  return sum;
}

std::string results_table(const std::vector<TargetResult>& results) {
  std::string out = "| year | target | observed | simulated | error | tolerance | met |\n|---|---|---|---|---|---|---|\n";
  char buf[256];
  for (const auto& r : results) {
    std::string name = r.target.observable + (r.target.column.empty() ? "" : "/" + r.target.column);
    if (r.target.statistic == CalibrationTarget::Statistic::mean) name += " (year's mean)";
    if (r.target.statistic == CalibrationTarget::Statistic::max) name += " (year's largest)";
    if (r.target.held_out) name += " (held out)";
    std::snprintf(buf, sizeof buf, "| %d | %s | %.4g | %.4g | %+.3g | ±%.3g | %s |\n", r.target.year, name.c_str(),
                  r.target.value, r.simulated, r.error, r.allowed, r.met() ? "yes" : "NO");
    out += buf;
  }
  return out;
}

}  // namespace zhili
