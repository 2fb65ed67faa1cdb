#include "queueing/queue_inputs.hpp"

namespace zhili {

void draw_poisson_cases(CounterRng& rng, double rate, double from, double until,
                        const DurationDist& service, const DurationDist& patience,
                        QueueInputs& into) {
  if (!(rate > 0.0)) return;
  const double mean_gap = 1.0 / rate;
  double t = from;
  for (;;) {
    t += rng.exponential(mean_gap);
    if (!(t < until)) break;
    into.arrival.push_back(t);
    into.service.push_back(service.draw(rng));
    into.patience.push_back(patience.draw(rng));
  }
}

void draw_durations(CounterRng& rng, const DurationDist& d, std::span<double> out) {
  for (double& x : out) x = d.draw(rng);
}

}  // namespace zhili
