#include "calibrate/nelder_mead.hpp"

#include <algorithm>
#include <numeric>

namespace zhili {

NelderMeadResult nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                             std::vector<double> start, const std::vector<double>& lo,
                             const std::vector<double>& hi, const NelderMeadOptions& opt) {
  const std::size_t n = start.size();
  NelderMeadResult out;
  const auto clamp = [&](std::vector<double> x) {
    for (std::size_t i = 0; i < n; ++i) x[i] = std::clamp(x[i], lo[i], hi[i]);
    return x;
  };
  // Never more than max_evaluations calls (a calibration's runs are costly,
  // and `--max-evals 100` means 100): an iteration the budget cannot finish
  // stops where it is, keeping only points whose value is known.
  const auto spent = [&] { return out.evaluations >= opt.max_evaluations; };
  const auto eval = [&](const std::vector<double>& x) {
    ++out.evaluations;
    return f(x);
  };

  std::vector<std::vector<double>> pts(n + 1, clamp(start));
  std::vector<double> vals(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const double step = opt.initial_step * (hi[i] - lo[i]);
    // Step inwards when the start sits on the upper bound.
    pts[i + 1][i] += pts[i + 1][i] + step <= hi[i] ? step : -step;
  }
  for (std::size_t i = 0; i <= n; ++i) {
    if (i > 0 && spent()) {  // a budget below n + 1: vertices left unevaluated repeat the start
      pts[i] = pts[0];
      vals[i] = vals[0];
    } else {
      vals[i] = eval(pts[i]);
    }
  }

  std::vector<std::size_t> order(n + 1);
  while (out.evaluations < opt.max_evaluations) {
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return vals[a] < vals[b]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
    if (vals[worst] - vals[best] < opt.f_tolerance) {
      out.converged = true;
      break;
    }
    std::vector<double> centroid(n, 0.0);
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t i = 0; i < n; ++i) centroid[i] += pts[order[k]][i] / static_cast<double>(n);
    const auto along = [&](double t) {
      std::vector<double> x(n);
      for (std::size_t i = 0; i < n; ++i) x[i] = centroid[i] + t * (pts[worst][i] - centroid[i]);
      return clamp(x);
    };
    const auto xr = along(-1.0);
    const double fr = eval(xr);
    if (fr < vals[best] && spent()) {  // no run left to try the expansion
      pts[worst] = xr;
      vals[worst] = fr;
      break;
    }
    if (fr < vals[best]) {
      const auto xe = along(-2.0);
      const double fe = eval(xe);
      if (fe < fr) { pts[worst] = xe; vals[worst] = fe; }
      else { pts[worst] = xr; vals[worst] = fr; }
      continue;
    }
    if (fr < vals[second]) {
      pts[worst] = xr;
      vals[worst] = fr;
      continue;
    }
    if (spent()) break;
    const bool outside = fr < vals[worst];
    const auto xc = along(outside ? -0.5 : 0.5);
    const double fc = eval(xc);
    if (fc < (outside ? fr : vals[worst])) {
      pts[worst] = xc;
      vals[worst] = fc;
      continue;
    }
    for (std::size_t k = 1; k <= n && !spent(); ++k) {  // shrink towards the best point
      const std::size_t j = order[k];
      for (std::size_t i = 0; i < n; ++i) pts[j][i] = pts[best][i] + 0.5 * (pts[j][i] - pts[best][i]);
      vals[j] = eval(pts[j]);
    }
  }
  const auto it = std::min_element(vals.begin(), vals.end());
  out.value = *it;
  out.x = pts[static_cast<std::size_t>(it - vals.begin())];
  return out;
}

}  // namespace zhili
