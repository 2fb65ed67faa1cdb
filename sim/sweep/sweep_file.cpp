#include "sweep/sweep_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "scenario/input_file.hpp"
#include "scenario/load.hpp"
#include "scenario/suggest.hpp"
#include "sweep/design.hpp"
#include "sweep/saltelli.hpp"

namespace zhili::sweep {

namespace {

const std::vector<std::string> kTopKeys = {"base",       "overrides", "factors", "design",
                                           "replicates", "seed",      "seeds",   "outcomes"};
const std::vector<std::string> kFactorKeys = {"values", "range"};
const std::vector<std::string> kDesignKeys = {"kind", "points", "samples"};
const char* const kDesignNames = "factorial, latin_hypercube or saltelli";
const char* const kDesignForms =
    "{kind: factorial}, {kind: latin_hypercube, points: N} or {kind: saltelli, samples: N}";

bool is_integer_text(const std::string& s) {
  if (s.empty()) return false;
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return false;
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void read_factor(InputFile& r, const YAML::Node& key_node, const YAML::Node& body, SweepSpec& spec) {
  Factor f;
  f.key = key_node.Scalar();
  f.at = r.at(key_node);
  const std::string path = "factors." + f.key;
  if (f.key == "run.seed" || f.key == "run.threads") {
    r.error(key_node, path, "set by the sweep for every run", "a scenario key other than run.seed and run.threads",
            "replicates get seeds from the master seed; use 'seed' and 'replicates'");
    return;
  }
  // A list alone is shorthand: "key: [a, b]" is "key: {values: [a, b]}".
  const YAML::Node values = body.IsSequence() ? body : body.IsMap() ? body["values"] : YAML::Node();
  const YAML::Node range = body.IsMap() ? body["range"] : YAML::Node();
  if (body.IsMap()) {
    r.check_keys(body, path, kFactorKeys);
    if (values && range) {
      r.error(range, path + ".range", "both values and range given", "one of them");
      return;
    }
  }
  if (!values && !range) {
    r.error(body.IsNull() ? key_node : body, path, "no values", "values: [v1, v2, ...] or range: [lo, hi]");
    return;
  }
  if (values) {
    if (!values.IsSequence() || values.size() == 0) {
      r.error(values, path + ".values", "not a list of values", "a non-empty list [v1, v2, ...]");
      return;
    }
    for (const auto& v : values) {
      if (!v.IsScalar()) {
        r.error(v, path + ".values", "not a single value", "a number, word or boolean");
        return;
      }
      f.values.push_back(v.Scalar());
    }
  } else {
    if (!range.IsSequence() || range.size() != 2) {
      r.error(range, path + ".range", "not a range", "[lo, hi]");
      return;
    }
    const auto lo = r.number(range[0], path + ".range");
    const auto hi = r.number(range[1], path + ".range");
    if (!lo || !hi) return;
    f.lo = *lo;
    f.hi = *hi;
    if (!(f.lo < f.hi)) {
      r.error(range[1], path + ".range", "upper bound not above lower bound", "hi > lo");
      return;
    }
    f.is_range = true;
    f.integer = is_integer_text(range[0].Scalar()) && is_integer_text(range[1].Scalar());
  }
  spec.factors.push_back(std::move(f));
}

// Loads the base scenario with `extra` after the fixed overrides; diagnostics
// about an override ("--set #N") are moved to where it is written in the sweep
// file, the rest (the base file's own errors) are kept as they are.
bool check_with_overrides(const SweepSpec& spec, const std::vector<SourceLocation>& fixed_at,
                          const std::string& extra, const SourceLocation& extra_at, Diagnostics& out) {
  std::vector<std::string> overrides = spec.overrides;
  if (!extra.empty()) overrides.push_back(extra);
  try {
    load_scenario(spec.base, overrides);
    return true;
  } catch (const ScenarioError& e) {
    for (Diagnostic d : e.diagnostics().items()) {
      if (const std::size_t n = override_number(d.where); n > 0)
        d.where = n <= fixed_at.size() ? fixed_at[n - 1] : extra_at;
      out.add(std::move(d));
    }
    return false;
  }
}

}  // namespace

std::string to_string(DesignKind k) {
  switch (k) {
    case DesignKind::factorial: return "factorial";
    case DesignKind::latin_hypercube: return "latin_hypercube";
    case DesignKind::saltelli: return "saltelli";
  }
  return "?";
}

double planned_runs(const SweepSpec& spec) {
  double points = 1;
  switch (spec.design) {
    case DesignKind::factorial:
      for (const auto& f : spec.factors) points *= static_cast<double>(f.values.size());
      break;
    case DesignKind::latin_hypercube: points = spec.points; break;
    case DesignKind::saltelli: points = static_cast<double>(spec.samples) * (static_cast<double>(spec.factors.size()) + 2); break;
  }
  return points * spec.replicates;
}

SweepSpec load_sweep(const std::string& path) {
  InputFile r(path, "sweep");
  SweepSpec spec;
  spec.path = path;
  const YAML::Node& doc = r.root();
  if (!doc.IsMap()) {
    r.error(doc, "", "a sweep file is a mapping", "keys base, factors, design, replicates, seed, outcomes");
    r.throw_if_errors();
  }
  r.check_keys(doc, "", kTopKeys);

  if (const auto base = r.required(doc, "base", "base", "the path of the base scenario")) {
    if (const auto text = r.text(*base, "base", "a path")) {
      spec.base = r.resolve(*text);
      // Said here, at the line that names it (the scenario loader would name
      // only the missing file).
      std::error_code ec;
      if (!std::filesystem::is_regular_file(spec.base, ec))
        r.error(*base, "base", std::filesystem::exists(spec.base, ec) ? "not a file" : "no such file",
                "the path of the base scenario, relative to this file", "resolved to " + spec.base);
    }
  }

  std::vector<SourceLocation> fixed_at;
  if (const auto o = doc["overrides"]) {
    if (!o.IsSequence()) r.error(o, "overrides", "not a list", "a list of key.path=value");
    else
      for (const auto& item : o)
        if (const auto override_text = r.text(item, "overrides", "key.path=value")) {
          const std::string& text = *override_text;
          // The sweep sets these for every run after the fixed overrides, which
          // would silently lose them.
          const std::string key = text.substr(0, text.find('='));
          if (key == "run.seed" || key == "run.threads") {
            r.error(item, "overrides", "set by the sweep for every run",
                    "a scenario key other than run.seed and run.threads",
                    "replicates get seeds from the master seed; use 'seed' and 'replicates'");
            continue;
          }
          spec.overrides.push_back(text);
          fixed_at.push_back(r.at(item));
        }
  }

  const auto factors = doc["factors"];
  if (!factors || !factors.IsMap() || factors.size() == 0)
    r.error(factors ? factors : doc, "factors", factors ? "not a mapping of factors" : "missing key",
            "key.path: {values: [...]} or key.path: {range: [lo, hi]}");
  else {
    std::set<std::string> seen;  // any key path may be a factor, but only once
    for (const auto& kv : factors)
      if (!seen.insert(kv.first.Scalar()).second)
        r.error(kv.first, "factors." + kv.first.Scalar(), "duplicate key", "each factor once");
    for (const auto& kv : factors) read_factor(r, kv.first, kv.second, spec);
  }

  // An unreadable or unknown kind: the checks that depend on the kind are
  // skipped (they would blame the size keys or ranges of the design meant).
  bool kind_known = true;
  if (const auto d = doc["design"]) {
    if (!d.IsMap()) {
      r.error(d, "design", "not a mapping", kDesignForms);
    } else {
      r.check_keys(d, "design", kDesignKeys);
      std::string kind = "factorial";
      if (d["kind"]) {
        const auto written = r.text(d["kind"], "design.kind", kDesignNames);
        if (written) kind = *written;
        else kind_known = false;
      }
      if (d["kind"] && kind_known) {
        if (kind == "latin_hypercube") spec.design = DesignKind::latin_hypercube;
        else if (kind == "saltelli") spec.design = DesignKind::saltelli;
        else if (kind != "factorial") {
          kind_known = false;
          const auto near = closest_match(kind, {"factorial", "latin_hypercube", "saltelli"});
          r.error(d["kind"], "design.kind", "unknown design", kDesignNames,
                  near ? did_you_mean({*near}) : "");
        }
      }
      // Each kind takes its own size key: points (Latin hypercube), samples
      // (Saltelli), none (factorial: one point per combination of values).
      const char* size_key = spec.design == DesignKind::latin_hypercube ? "points"
                             : spec.design == DesignKind::saltelli      ? "samples"
                                                                        : nullptr;
      int* size = spec.design == DesignKind::latin_hypercube ? &spec.points : &spec.samples;
      const std::string range = spec.design == DesignKind::saltelli ? "an integer in [2, 1000000]"
                                                                    : "an integer in [1, 1000000]";
      const int lowest = spec.design == DesignKind::saltelli ? 2 : 1;  // one row has no variance
      constexpr int kLargest = 1000000;
      for (const char* key : {"points", "samples"}) {
        if (!kind_known) break;
        const std::string path = std::string("design.") + key;
        if (size_key && std::string(key) == size_key) {
          if (!d[key]) r.error(d, path, "missing key", range);
          else if (const auto v = r.integer(d[key], path, lowest, kLargest)) *size = static_cast<int>(*v);
        } else if (d[key]) {
          r.error(d[key], path, "not used by a " + to_string(spec.design) + " design",
                  size_key ? std::string("no ") + key + " (this design takes " + size_key + ")"
                           : std::string("no ") + key + " (a factorial design has one point per combination of values)");
        }
      }
    }
  }
  if (spec.design == DesignKind::factorial && kind_known)
    for (const auto& f : spec.factors)
      if (f.is_range)
        r.error(f.at, "factors." + f.key, "a range needs a sampling design", "range", "values: [...]",
                "use design: {kind: latin_hypercube, points: N}, or list the values");
  // Sobol' indices measure variance over a continuous input space: every
  // factor of a Saltelli design is sampled from its range.
  if (spec.design == DesignKind::saltelli) {
    for (const auto& f : spec.factors)
      if (!f.is_range)
        r.error(f.at, "factors." + f.key, "a Saltelli design needs a range", "values", "range: [lo, hi]",
                "keep listed values out of a Saltelli design: fix them under overrides, or sweep them in another design");
    if (static_cast<int>(spec.factors.size()) > kSaltelliMaxFactors)
      r.error(r.at(factors), "factors", "too many factors for a Saltelli design", std::to_string(spec.factors.size()),
              "at most " + std::to_string(kSaltelliMaxFactors));
  }

  if (const auto n = doc["replicates"])
    if (const auto v = r.integer(n, "replicates", 1, 100000)) spec.replicates = static_cast<int>(*v);
  if (!r.has_errors()) {
    if (const double runs = planned_runs(spec); runs > kMaxSweepRuns) {
      const char* key = doc["replicates"] ? "replicates" : doc["design"] ? "design" : "factors";
      char found[64], limit[64];
      std::snprintf(found, sizeof found, "%.0f runs", runs);
      std::snprintf(limit, sizeof limit, "at most %.0f runs (design points x replicates)", kMaxSweepRuns);
      r.error(r.at(doc[key] ? doc[key] : doc), key, "design too large", found, limit,
              "split the study into several sweep files, or use a sampling design with fewer points");
    }
  }
  if (const auto n = doc["seed"]) {
    if (const auto v = r.integer(n, "seed", 0, std::numeric_limits<std::int64_t>::max()))
      spec.seed = static_cast<std::uint64_t>(*v);
  }
  if (const auto n = doc["seeds"]) {
    if (const auto written = r.text(n, "seeds", "common or independent")) {
      const std::string& kind = *written;
      if (kind != "common" && kind != "independent")
        r.error(n, "seeds", "invalid value", "common or independent");
      else if (kind == "independent" && spec.design == DesignKind::saltelli)
        r.error(n, "seeds", "a Saltelli design shares seeds within each row", "common (or leave 'seeds' out)");
      spec.common_seeds = kind == "common";
    }
  }
  if (const auto o = doc["outcomes"]) {
    if (!o.IsSequence()) r.error(o, "outcomes", "not a list", "a list of observable names");
    else
      for (const auto& item : o)
        if (const auto text = r.text(item, "outcomes", "an observable name, or name/label")) {
          spec.outcomes.push_back(*text);
          spec.outcome_at.push_back(r.at(item));
        }
  }
  r.throw_if_errors();

  // The base and every factor value as the loader sees them. One error per
  // factor is enough: a misspelt key would otherwise be reported per value.
  if (!check_with_overrides(spec, fixed_at, "", {}, r.diagnostics())) r.throw_if_errors();
  for (const auto& f : spec.factors) {
    std::vector<std::string> texts = f.values;
    if (f.is_range) texts = {factor_value_text(f, f.lo), factor_value_text(f, f.hi)};
    for (const auto& v : texts)
      if (!check_with_overrides(spec, fixed_at, f.key + "=" + v, f.at, r.diagnostics())) break;
  }
  r.throw_if_errors();
  return spec;
}

}  // namespace zhili::sweep
