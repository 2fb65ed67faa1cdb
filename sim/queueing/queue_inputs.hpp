// Drawing an outlet's inputs: arrival times within working hours and each
// case's service time and patience, from a counter-based generator the caller
// makes for (seed, stream, step, outlet or case id), so the draws do not
// depend on threads or visiting order (docs/ARCHITECTURE.md, Determinism).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "core/rng.hpp"
#include "queueing/outlet_queue.hpp"

namespace zhili {

// A distribution of durations in minutes (service times, patience): a tag and
// its parameters, no virtual call. Lognormal is given by its own mean and
// coefficient of variation (sd / mean), the way service-time surveys report
// them; the log-scale parameters follow from
//   sigma^2 = ln(1 + cv^2),   mu = ln(mean) - sigma^2 / 2.
struct DurationDist {
  enum class Kind : std::uint8_t { fixed, exponential, lognormal };
  Kind kind = Kind::fixed;
  double mean = 0.0;
  double cv = 0.0;         // lognormal only; exponential has cv 1, fixed cv 0
  double log_mu = 0.0;     // lognormal only, derived
  double log_sigma = 0.0;  // lognormal only, derived

  static DurationDist fixed(double mean) { return {Kind::fixed, mean, 0.0, 0.0, 0.0}; }
  static DurationDist exponential(double mean) { return {Kind::exponential, mean, 1.0, 0.0, 0.0}; }
  static DurationDist lognormal(double mean, double cv) {
    const double s2 = std::log1p(cv * cv);
    return {Kind::lognormal, mean, cv, std::log(mean) - 0.5 * s2, std::sqrt(s2)};
  }
  // Patience of a case that waits as long as it takes.
  static DurationDist unlimited() { return fixed(kNoLimit); }

  // Fixed draws no random number; exponential one uniform; lognormal two.
  double draw(CounterRng& rng) const {
    switch (kind) {
      case Kind::fixed: return mean;
      case Kind::exponential: return rng.exponential(mean);
      case Kind::lognormal: return std::exp(log_mu + log_sigma * rng.normal());
    }
    return mean;
  }
};

// Cases of one outlet for one period, in the layout simulate_outlet reads.
// Reused from period to period: clear() keeps the capacity.
struct QueueInputs {
  std::vector<double> arrival, service, patience;

  void clear() {
    arrival.clear();
    service.clear();
    patience.clear();
  }
  QueueCases cases() const { return {arrival, service, patience}; }
};

// Appends the arrivals of a Poisson process of `rate` cases per minute on
// [from, until): exponential gaps from `from` until one lands past `until`
// (so the count is Poisson(rate * (until - from)) and the times are sorted).
// Each case's service time and patience are drawn right after its gap, from
// the same generator, so the whole day is a function of the generator's key
// (seed, stream, step, id) and the arguments.
// Restarting at a boundary is exact (exponential gaps are memoryless), so
// consecutive calls on [t0, t1), [t1, t2), ... give one Poisson process.
void draw_poisson_cases(CounterRng& rng, double rate, double from, double until,
                        const DurationDist& service, const DurationDist& patience,
                        QueueInputs& into);

// One draw from `d` per element of `out` (service times or patience for
// cases whose arrival times come from elsewhere, e.g. households' choices).
void draw_durations(CounterRng& rng, const DurationDist& d, std::span<double> out);

}  // namespace zhili
