// The household panel: a random sample of households followed one by one,
// every step, for micro-level analysis (output.panel; docs/FORMAT.md,
// "Household panel"). Written as the entity group "households", one series
// per field and one column per household, like the outlets' series.
//
// The sample is drawn once, among the households present when the model is
// built: the n whose hash of (seed, id) is smallest, so it is the same for
// any thread count and for a run continued from a checkpoint. A household
// that leaves the map (returns home, dies out) has NaN from then on;
// households that arrive later are not in the panel.
#pragma once

#include <span>
#include <vector>

#include "io/result_layout.hpp"
#include "world/world.hpp"

namespace zhili {

class HouseholdPanel {
 public:
  void setup(const World& w, const Scenario& s);
  bool active() const { return !ids_.empty(); }

  std::vector<EntitySeriesSpec> entity_specs() const;
  EntityGroupSpec group() const;
  // Series `series` (in entity_specs' order): one value per panel household.
  void fill(const World& w, std::size_t series, std::span<double> values) const;

 private:
  std::vector<HouseholdId> ids_;  // in id order
};

}  // namespace zhili
