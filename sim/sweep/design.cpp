#include "sweep/design.hpp"

#include <cmath>
#include <cstdio>
#include <numeric>

#include "sweep/saltelli.hpp"
#include "sweep/seeds.hpp"
#include "sweep/summary.hpp"

namespace zhili::sweep {

std::vector<DesignPoint> factorial_design(const std::vector<Factor>& factors) {
  std::vector<DesignPoint> points{DesignPoint{}};
  for (const auto& f : factors) {
    std::vector<DesignPoint> next;
    next.reserve(points.size() * f.values.size());
    for (const auto& p : points)
      for (const auto& v : f.values) {
        next.push_back(p);
        next.back().push_back(v);
      }
    points = std::move(next);
  }
  return points;
}

std::vector<std::vector<double>> latin_hypercube(int n, int k, std::uint64_t seed) {
  // A stream of its own, so the design does not share numbers with the run seeds.
  SplitMix64 rng(splitmix64_mix(seed ^ 0x4c48532d64657369ULL));  // "LHS-desi"
  std::vector<std::vector<double>> x(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
  std::vector<int> perm(static_cast<std::size_t>(n));
  for (int j = 0; j < k; ++j) {
    std::iota(perm.begin(), perm.end(), 0);
    for (int i = n - 1; i > 0; --i)  // Fisher-Yates
      std::swap(perm[static_cast<std::size_t>(i)], perm[rng.below(static_cast<std::uint64_t>(i) + 1)]);
    for (int i = 0; i < n; ++i)
      x[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = (perm[static_cast<std::size_t>(i)] + rng.uniform()) / n;
  }
  return x;
}

std::string factor_value_text(const Factor& f, double x) {
  char buf[40];
  // Integers beyond long long (a range up to 2^63 - 1 reads as 2^63 in a
  // double) are printed as the double's whole value: llround would overflow
  // (it gave -9223372036854775808), and the loader then refuses the value as typed.
  if (f.integer && std::fabs(x) < 9.0e18) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(x)));
  else if (f.integer) std::snprintf(buf, sizeof buf, "%.0f", std::round(x));
  else std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string factor_value(const Factor& f, double u) {
  if (f.is_range) return factor_value_text(f, f.lo + u * (f.hi - f.lo));
  const auto m = f.values.size();
  return f.values[std::min(m - 1, static_cast<std::size_t>(u * static_cast<double>(m)))];
}

SweepPlan plan_sweep(const SweepSpec& spec) {
  SweepPlan plan;
  const int k = static_cast<int>(spec.factors.size());
  if (spec.design == DesignKind::factorial) {
    plan.points = factorial_design(spec.factors);
  } else {
    const auto unit = spec.design == DesignKind::saltelli ? saltelli_design(spec.samples, k, spec.seed)
                                                          : latin_hypercube(spec.points, k, spec.seed);
    for (const auto& row : unit) {
      DesignPoint p;
      for (std::size_t j = 0; j < spec.factors.size(); ++j) p.push_back(factor_value(spec.factors[j], row[j]));
      plan.points.push_back(std::move(p));
    }
  }
  for (std::size_t p = 0; p < plan.points.size(); ++p)
    for (int r = 0; r < spec.replicates; ++r) {
      PlannedRun run;
      run.point = static_cast<int>(p);
      run.replicate = r;
      run.id = run.point * spec.replicates + r;
      // Saltelli designs use common random numbers: every point of row j (A_j,
      // B_j, AB_ij) gets the seeds of row j, so f(AB_i) - f(A) measures the
      // factor, not two draws of the simulation's noise (docs/SWEEPS.md).
      // With `seeds: common` every point gets the seeds of point 0.
      const std::size_t seed_point = spec.design == DesignKind::saltelli ? p % static_cast<std::size_t>(spec.samples)
                                     : spec.common_seeds                 ? 0
                                                                         : p;
      run.seed = run_seed(spec.seed, seed_point, static_cast<std::uint64_t>(r));
      plan.runs.push_back(run);
    }
  return plan;
}

std::string design_csv(const SweepSpec& spec, const SweepPlan& plan) {
  std::string out = "point,design,block,row";
  for (const auto& f : spec.factors) (out += ',') += csv_field(f.key);  // not "," + ...: GCC bug 105651
  out += "\n";
  const bool saltelli = spec.design == DesignKind::saltelli;
  for (std::size_t p = 0; p < plan.points.size(); ++p) {
    const int point = static_cast<int>(p);
    out += std::to_string(point) + "," + to_string(spec.design) + "," +
           (saltelli ? saltelli_block(point, spec.samples) : "") + "," +
           std::to_string(saltelli ? point % spec.samples : point);
    for (const auto& v : plan.points[p]) (out += ',') += csv_field(v);
    out += "\n";
  }
  return out;
}

std::string run_name(int id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "run-%05d", id);
  return buf;
}

}  // namespace zhili::sweep
