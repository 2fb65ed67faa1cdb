#include "model/step_context.hpp"

#include <cmath>

namespace zhili {

double StepContext::per_step(double yearly_probability) const {
  // 1 - (1 - p)^dt keeps the yearly total right whatever the step length.
  if (yearly_probability >= 1.0) return 1.0;
  return -std::expm1(std::log1p(-yearly_probability) * years_per_step);
}

}  // namespace zhili
