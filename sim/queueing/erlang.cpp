#include "queueing/erlang.hpp"

#include <limits>

namespace zhili {

double erlang_b(int windows, double offered_load) {
  double b = 1.0;
  for (int k = 1; k <= windows; ++k) b = offered_load * b / (k + offered_load * b);
  return b;
}

double erlang_c(int windows, double offered_load) {
  if (!(offered_load < windows)) return 1.0;
  if (offered_load <= 0.0) return 0.0;
  const double b = erlang_b(windows, offered_load);
  const double rho = offered_load / windows;
  return b / (1.0 - rho * (1.0 - b));
}

double erlang_c_mean_wait(double arrival_rate, double service_rate, int windows) {
  const double capacity = windows * service_rate;
  if (!(arrival_rate < capacity)) return std::numeric_limits<double>::infinity();
  return erlang_c(windows, arrival_rate / service_rate) / (capacity - arrival_rate);
}

}  // namespace zhili
