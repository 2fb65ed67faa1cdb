#include "analyze/sobol.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/splitmix.hpp"

namespace zhili::analyze {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The point estimates on the rows `rows` (indices into the complete rows).
void estimate(const std::vector<double>& a, const std::vector<double>& b, const std::vector<std::vector<double>>& ab,
              const std::vector<std::size_t>& rows, std::vector<double>& first, std::vector<double>& total,
              double& variance) {
  const auto n = static_cast<double>(rows.size());
  double mean = 0.0;
  for (auto j : rows) mean += a[j] + b[j];
  mean /= 2.0 * n;
  double var = 0.0;
  for (auto j : rows) var += (a[j] - mean) * (a[j] - mean) + (b[j] - mean) * (b[j] - mean);
  var /= 2.0 * n - 1.0;
  variance = var;
  for (std::size_t i = 0; i < ab.size(); ++i) {
    double s = 0.0, t = 0.0;
    for (auto j : rows) {
      s += b[j] * (ab[i][j] - a[j]);
      t += (a[j] - ab[i][j]) * (a[j] - ab[i][j]);
    }
    first[i] = var > 0.0 ? s / n / var : kNaN;
    total[i] = var > 0.0 ? 0.5 * t / n / var : kNaN;
  }
}

// Percentile interval of `samples` (sorted in place); NaN samples left out.
Interval percentile(std::vector<double>& samples, double level) {
  std::erase_if(samples, [](double v) { return std::isnan(v); });
  if (samples.empty()) return {kNaN, kNaN};
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) {  // linear interpolation between order statistics
    const double x = q * static_cast<double>(samples.size() - 1);
    const auto i = static_cast<std::size_t>(x);
    const double w = x - static_cast<double>(i);
    return i + 1 < samples.size() ? samples[i] * (1.0 - w) + samples[i + 1] * w : samples[i];
  };
  return {at(0.5 - 0.5 * level), at(0.5 + 0.5 * level)};
}

}  // namespace

SobolResult sobol_indices(const std::vector<double>& f_a, const std::vector<double>& f_b,
                          const std::vector<std::vector<double>>& f_ab, const SobolOptions& opt) {
  const std::size_t n = f_a.size(), k = f_ab.size();
  if (f_b.size() != n) throw std::invalid_argument("sobol_indices: f(A) and f(B) differ in length");
  for (const auto& v : f_ab)
    if (v.size() != n) throw std::invalid_argument("sobol_indices: an f(AB_i) differs in length from f(A)");
  SobolResult r;
  r.first.assign(k, kNaN);
  r.total.assign(k, kNaN);
  r.first_ci.assign(k, {kNaN, kNaN});
  r.total_ci.assign(k, {kNaN, kNaN});
  r.variance = kNaN;
  std::vector<std::size_t> rows;
  for (std::size_t j = 0; j < n; ++j) {
    bool ok = !std::isnan(f_a[j]) && !std::isnan(f_b[j]);
    for (const auto& v : f_ab) ok = ok && !std::isnan(v[j]);
    if (ok) rows.push_back(j);
  }
  r.n = static_cast<int>(rows.size());
  if (rows.size() < 2) return r;
  // Centre the outputs on the mean over A and B. The estimators are unchanged
  // in expectation (E[f(AB_i) - f(A)] = 0), but the first-order one loses the
  // term f0 (f(AB_i) - f(A)), whose variance swamps it when the mean is large
  // next to the spread: a share of 0.38 varying by 0.01 gave S_i of ±5 on 64
  // rows. SALib standardises its outputs for the same reason.
  double centre = 0.0;
  for (auto j : rows) centre += f_a[j] + f_b[j];
  centre /= 2.0 * static_cast<double>(rows.size());
  const auto centred = [&](std::vector<double> v) {
    for (double& x : v) x -= centre;
    return v;
  };
  const std::vector<double> a = centred(f_a), b = centred(f_b);
  std::vector<std::vector<double>> ab;
  for (const auto& v : f_ab) ab.push_back(centred(v));
  estimate(a, b, ab, rows, r.first, r.total, r.variance);

  SplitMix64 rng(opt.seed);
  std::vector<std::vector<double>> first_s(k), total_s(k);
  std::vector<std::size_t> pick(rows.size());
  std::vector<double> first(k), total(k);
  double var = 0.0;
  for (int resample = 0; resample < opt.resamples; ++resample) {
    for (auto& p : pick) p = rows[rng.below(rows.size())];
    estimate(a, b, ab, pick, first, total, var);
    for (std::size_t i = 0; i < k; ++i) {
      first_s[i].push_back(first[i]);
      total_s[i].push_back(total[i]);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    r.first_ci[i] = percentile(first_s[i], opt.level);
    r.total_ci[i] = percentile(total_s[i], opt.level);
  }
  return r;
}

}  // namespace zhili::analyze
