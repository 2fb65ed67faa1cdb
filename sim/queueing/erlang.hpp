// Erlang's formulas for the M/M/c queue: Poisson arrivals at rate lambda,
// exponential service at rate mu per window, c windows, first come first
// served, unlimited waiting room, nobody leaves. They are the yardstick the
// outlet queue (queueing/outlet_queue.hpp) is tested against.
//
// Sources: A. K. Erlang, "Løsning af nogle Problemer fra Sandsynlighedsregningen
// af Betydning for de automatiske Telefoncentraler", Elektroteknikeren 13
// (1917); L. Kleinrock, Queueing Systems, Vol. 1: Theory (Wiley 1975), §3.5
// (M/M/m), eq. (3.40) for the probability of queueing C(m, a) ("Erlang's C
// formula") and §3.7 (M/M/m/m), eq. (3.46) for Erlang's B formula.
#pragma once

namespace zhili {

// Erlang B: the probability that all c windows are busy in the loss system
// M/M/c/c, offered load a = lambda / mu (erlangs). Computed by the recursion
//   B(0) = 1,   B(k) = a B(k-1) / (k + a B(k-1)),
// which only ever forms numbers in (0, 1]: no factorials or powers, so it is
// stable for any c (the direct formula overflows a double near c = 170).
// c >= 0, a >= 0.
double erlang_b(int windows, double offered_load);

// Erlang C: the probability that an arrival must wait, P(Wq > 0), in M/M/c
// with offered load a = lambda / mu. From B by
//   C = B / (1 - rho (1 - B)),   rho = a / c
// (divide numerator and denominator of Kleinrock's (3.40) by sum_{k<=c} a^k/k!).
// Returns 1 when the queue is unstable (a >= c).
double erlang_c(int windows, double offered_load);

// Mean wait in queue Wq of M/M/c, in the time unit of the rates:
//   Wq = C / (c mu - lambda).
// A delayed arrival finds all c windows busy; they finish at rate c mu while
// arrivals join at rate lambda, so its wait is exponential with rate
// c mu - lambda (Kleinrock vol. 1 §3.5; Gross & Harris, Fundamentals of
// Queueing Theory, §2.3). Returns +infinity when lambda >= c mu.
double erlang_c_mean_wait(double arrival_rate, double service_rate, int windows);

}  // namespace zhili
