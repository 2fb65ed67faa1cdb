// The effect of a policy variant against its base over paired replicates:
// replicate r of both ran with the same seed (common random numbers), so the
// difference of a pair is the policy's effect plus only the noise the policy
// itself stirs up, and the interval comes from the differences alone.
#pragma once

#include <span>

namespace zhili::compare {

struct PairedEffect {
  int pairs = 0;              // replicates where both values exist (NaN pairs left out)
  double base_mean = 0.0;     // over those pairs
  double variant_mean = 0.0;
  double effect = 0.0;        // mean of variant - base
  double low = 0.0, high = 0.0;  // Student t interval of the mean difference; NaN with one pair
  // Share of the pairs whose difference has the sign of `effect` (for a
  // zero effect: the share of pairs with no difference at all).
  double same_sign = 0.0;
};

// base[r] and variant[r] are replicate r of each (same seed). Identical
// values give an effect of exactly 0 with the interval [0, 0].
PairedEffect paired_effect(std::span<const double> base, std::span<const double> variant,
                           double level = 0.95);

}  // namespace zhili::compare
