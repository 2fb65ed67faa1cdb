#include "analyze/effects.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace zhili::analyze {

Effects standardised_effects(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                             double level) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const std::size_t k = x.empty() ? 0 : x.front().size();
  std::vector<std::size_t> rows;
  for (std::size_t p = 0; p < y.size(); ++p)
    if (!std::isnan(y[p])) rows.push_back(p);
  const auto n = static_cast<Eigen::Index>(rows.size());
  if (rows.size() < k + 2)
    throw std::invalid_argument("standardised effects need at least " + std::to_string(k + 2) +
                                " design points with a value (k factors + 2); found " + std::to_string(rows.size()));

  Effects out;
  out.n = static_cast<int>(n);
  out.factor_sd.assign(k, 0.0);
  // Centre and scale each factor; a constant one is left out of the fit.
  std::vector<std::size_t> varying;
  Eigen::MatrixXd design(n, 1);
  design.col(0).setOnes();
  for (std::size_t f = 0; f < k; ++f) {
    Eigen::VectorXd col(n);
    for (Eigen::Index r = 0; r < n; ++r) col(r) = x[rows[static_cast<std::size_t>(r)]][f];
    const double mean = col.mean();
    const double sd = std::sqrt((col.array() - mean).square().sum() / static_cast<double>(n - 1));
    out.factor_sd[f] = sd;
    if (!(sd > 0)) continue;
    varying.push_back(f);
    design.conservativeResize(Eigen::NoChange, design.cols() + 1);
    design.col(design.cols() - 1) = (col.array() - mean) / sd;
  }
  Eigen::VectorXd response(n);
  for (Eigen::Index r = 0; r < n; ++r) response(r) = y[rows[static_cast<std::size_t>(r)]];

  // Least squares by a column-pivoting QR (stable when factors correlate,
  // as in a small Latin hypercube).
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  const Eigen::VectorXd beta = qr.solve(response);
  const Eigen::VectorXd residual = response - design * beta;
  const double rss = residual.squaredNorm();
  const double tss = (response.array() - response.mean()).square().sum();
  out.r2 = tss > 0 ? 1.0 - rss / tss : kNaN;
  const auto df = static_cast<double>(n - design.cols());
  const double s2 = df > 0 ? rss / df : kNaN;
  const Eigen::MatrixXd covariance = s2 * (design.transpose() * design).inverse();
  const double t = df > 0 ? student_t_quantile(0.5 + 0.5 * level, df) : kNaN;

  out.effect.assign(k, kNaN);
  out.se.assign(k, kNaN);
  out.ci.assign(k, Interval{kNaN, kNaN});
  for (std::size_t j = 0; j < varying.size(); ++j) {
    const auto c = static_cast<Eigen::Index>(j + 1);
    const std::size_t f = varying[j];
    out.effect[f] = beta(c);
    out.se[f] = std::sqrt(covariance(c, c));
    out.ci[f] = {beta(c) - t * out.se[f], beta(c) + t * out.se[f]};
  }
  return out;
}

}  // namespace zhili::analyze
