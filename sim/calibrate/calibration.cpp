#include "calibrate/calibration.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/engine.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/load.hpp"
#include "scenario/yaml_file.hpp"

namespace zhili {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

struct Reader {
  std::string file;
  Diagnostics diags;
  void error(const YAML::Node& at, const std::string& key, const std::string& msg,
             const std::string& expected) {
    const auto m = at.Mark();
    diags.add(make_diagnostic(file, m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1, key, msg,
                         at.IsScalar() ? at.Scalar() : "", expected));
  }
  template <class T>
  bool get(const YAML::Node& n, const std::string& key, T& out, const std::string& expected) {
    try {
      out = n.as<T>();
      return true;
    } catch (const YAML::Exception&) {
      error(n, key, "wrong type", expected);
      return false;
    }
  }
};

std::vector<CalibrationTarget> read_targets(const std::string& path, Diagnostics& diags) {
  std::vector<CalibrationTarget> out;
  std::ifstream in(path);
  if (!in) {
    diags.add(make_diagnostic(path, 0, 0, "targets", "cannot read the targets file", "", "a readable CSV file"));
    return out;
  }
  std::string line;
  int row = 0;
  while (std::getline(in, line)) {
    ++row;
    if (row == 1 || line.empty() || line[0] == '#') continue;  // header, blanks, comments
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (f.size() < 6) {
      diags.add(make_diagnostic(path, row, 1, "targets", "too few columns", line,
                           "year,observable,column,value,tolerance,kind[,source]"));
      continue;
    }
    try {
      CalibrationTarget t;
      t.year = std::stoi(f[0]);
      t.observable = f[1];
      t.column = f[2];
      t.value = std::stod(f[3]);
      t.tolerance = std::stod(f[4]);
      if (f[5] != "absolute" && f[5] != "relative") throw std::invalid_argument("kind");
      t.relative = f[5] == "relative";
      if (f.size() > 6) t.source = f[6];
      out.push_back(t);
    } catch (const std::exception&) {
      diags.add(make_diagnostic(path, row, 1, "targets", "bad target row", line,
                           "an integer year, numbers for value and tolerance, kind absolute|relative"));
    }
  }
  return out;
}

}  // namespace

CalibrationSpec load_calibration(const std::string& path) {
  Reader r{path, {}};
  CalibrationSpec spec;
  spec.path = path;
  YAML::Node doc = load_yaml_file(path, "calibration");
  const auto dir = std::filesystem::path(path).parent_path();
  const auto resolve = [&](const std::string& p) {
    return std::filesystem::path(p).is_absolute() ? p : (dir / p).lexically_normal().string();
  };
  static const char* kKeys[] = {"scenario", "overrides", "parameters", "targets", "max_evaluations"};
  if (!doc.IsMap()) {
    r.error(doc, "", "the calibration file must be a mapping", "keys scenario, parameters, targets");
    throw ScenarioError(std::move(r.diags));
  }
  for (const auto& kv : doc) {
    const auto key = kv.first.as<std::string>();
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
      r.error(kv.first, key, "unknown key", "scenario, overrides, parameters, targets or max_evaluations");
  }
  std::string text;
  if (!doc["scenario"]) r.error(doc, "scenario", "missing", "the path of the base scenario");
  else if (r.get(doc["scenario"], "scenario", text, "a path")) spec.scenario = resolve(text);
  if (doc["overrides"])
    for (const auto& o : doc["overrides"])
      if (r.get(o, "overrides[]", text, "key.path=value")) spec.overrides.push_back(text);
  if (doc["max_evaluations"]) r.get(doc["max_evaluations"], "max_evaluations", spec.max_evaluations, "an integer");
  if (!doc["parameters"] || !doc["parameters"].IsSequence() || doc["parameters"].size() == 0)
    r.error(doc, "parameters", "missing or empty", "a list of {key, min, max}");
  else
    for (const auto& p : doc["parameters"]) {
      CalibrationParameter cp;
      bool ok = r.get(p["key"], "parameters[].key", cp.key, "a scenario key path") &&
                r.get(p["min"], "parameters[].min", cp.lo, "a number") &&
                r.get(p["max"], "parameters[].max", cp.hi, "a number");
      if (ok && !(cp.lo < cp.hi)) r.error(p["max"], "parameters[].max", "max must exceed min", "a number > min");
      if (ok) spec.parameters.push_back(cp);
    }
  if (!doc["targets"]) r.error(doc, "targets", "missing", "the path of a targets CSV file");
  else if (r.get(doc["targets"], "targets", text, "a path")) spec.targets = read_targets(resolve(text), r.diags);
  if (!r.diags.empty()) throw ScenarioError(std::move(r.diags));

  // Start values and key checks come from the scenario itself (validated as usual).
  const Scenario base = load_scenario(spec.scenario, spec.overrides);
  YAML::Node resolved = YAML::Load(resolved_yaml(base));
  for (auto& p : spec.parameters) {
    YAML::Node n = YAML::Clone(resolved);
    std::stringstream parts(p.key);
    for (std::string part; std::getline(parts, part, '.');) n = n[part];
    if (!n || !n.IsScalar()) {
      r.diags.add(make_diagnostic(path, 0, 0, p.key, "not a numeric scenario key", p.key, "a key of docs/SCENARIOS.md"));
      continue;
    }
    p.start = std::clamp(n.as<double>(), p.lo, p.hi);
  }
  if (!r.diags.empty()) throw ScenarioError(std::move(r.diags));
  return spec;
}

std::vector<TargetResult> evaluate(const CalibrationSpec& spec, const std::vector<double>& values, int threads) {
  std::vector<std::string> overrides = spec.overrides;
  for (std::size_t i = 0; i < spec.parameters.size(); ++i)
    overrides.push_back(spec.parameters[i].key + "=" + number(values[i]));
  overrides.push_back("run.threads=" + std::to_string(threads));
  const Scenario s = load_scenario(spec.scenario, overrides);
  Engine engine(s);
  const Calendar& cal = engine.calendar();

  // Column of each target in the observables row.
  std::vector<TargetResult> results;
  std::vector<std::size_t> column;
  std::vector<std::int64_t> step_of;
  for (const auto& t : spec.targets) {
    const auto at = engine.model().column_of(t.observable, t.column);
    if (!at)
      throw std::runtime_error("calibration target '" + t.observable + (t.column.empty() ? "" : "/" + t.column) +
                               "' is not an observable of this scenario");
    const std::size_t k = *at;
    column.push_back(k);
    step_of.push_back(cal.first_step_on_or_after(Date{t.year, 12, 1}));
    results.push_back(TargetResult{t, std::nan(""), 0, t.relative ? t.tolerance * std::fabs(t.value) : t.tolerance});
  }
  while (!engine.done()) {
    const std::int64_t k = engine.step_index();
    engine.step();
    for (std::size_t i = 0; i < results.size(); ++i)
      if (step_of[i] == k) results[i].simulated = engine.observables()[column[i]];
  }
  for (auto& r : results) r.error = r.simulated - r.target.value;
  return results;
}

double loss(const std::vector<TargetResult>& results) {
  double sum = 0;
  for (const auto& r : results) {
    const double z = std::isnan(r.simulated) ? 1e3 : r.error / r.allowed;
    sum += z * z;
  }
  return sum;
}

std::string results_table(const std::vector<TargetResult>& results) {
  std::string out = "| year | target | observed | simulated | error | tolerance | met |\n|---|---|---|---|---|---|---|\n";
  char buf[256];
  for (const auto& r : results) {
    const std::string name = r.target.observable + (r.target.column.empty() ? "" : "/" + r.target.column);
    std::snprintf(buf, sizeof buf, "| %d | %s | %.4g | %.4g | %+.3g | ±%.3g | %s |\n", r.target.year, name.c_str(),
                  r.target.value, r.simulated, r.error, r.allowed, r.met() ? "yes" : "NO");
    out += buf;
  }
  return out;
}

}  // namespace zhili
