#include "plot/ticks.hpp"

#include <cmath>
#include <cstdio>

namespace zhili::view {

double nice_step(double span, int max_ticks) {
  if (!(span > 0.0) || !std::isfinite(span)) return 1.0;
  const double raw = span / static_cast<double>(max_ticks < 1 ? 1 : max_ticks);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw * (1.0 - 1e-9)) return m * magnitude;
  return 10.0 * magnitude;
}

std::string tick_label(double value, double step) {
  double scale = 1.0;
  const char* suffix = "";
  const double big = std::fabs(value);
  if (big >= 1e9 && step >= 1e7) {
    scale = 1e9;
    suffix = "G";
  } else if (big >= 1e6 && step >= 1e4) {
    scale = 1e6;
    suffix = "M";
  } else if (big >= 1e4 && step >= 100) {
    scale = 1e3;
    suffix = "k";
  }
  const double s = step / scale;
  const int decimals = s >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(s) - 1e-9));
  double v = value / scale;
  if (std::fabs(v) < s * 1e-6) v = 0.0;  // no "-0" for a tick at zero reached by summing steps
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f%s", decimals, v, suffix);
  return buf;
}

std::vector<Tick> nice_ticks(double lo, double hi, int max_ticks) {
  std::vector<Tick> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
  const double step = nice_step(hi - lo, max_ticks);
  const double eps = step * 1e-9;
  // Multiples k * step rather than repeated addition, so labels do not drift.
  for (double k = std::ceil((lo - eps) / step); k * step <= hi + eps; k += 1.0) {
    const double v = k * step;
    ticks.push_back({v, tick_label(v, step)});
  }
  return ticks;
}

void nice_bounds(double& lo, double& hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) {
    lo = 0.0;
    hi = 1.0;
    return;
  }
  if (hi <= lo) {
    const double pad = lo == 0.0 ? 1.0 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const double step = nice_step(hi - lo, max_ticks);
  lo = std::floor(lo / step + 1e-9) * step;
  hi = std::ceil(hi / step - 1e-9) * step;
}

}  // namespace zhili::view

namespace zhili::view {

double scale_bar_km(double px_per_km, double max_px) {
  if (!(px_per_km > 0) || !(max_px > 0)) return 0.0;
  const double most = max_px / px_per_km;  // km that fit
  const double power = std::pow(10.0, std::floor(std::log10(most)));
  for (const double m : {5.0, 2.0, 1.0})
    if (m * power <= most * (1 + 1e-12)) return m * power;
  return 0.0;
}

std::string scale_bar_label(double km) {
  char buf[32];
  if (km < 1.0) std::snprintf(buf, sizeof buf, "%g m", km * 1000.0);
  else std::snprintf(buf, sizeof buf, "%g km", km);
  return buf;
}

}  // namespace zhili::view
