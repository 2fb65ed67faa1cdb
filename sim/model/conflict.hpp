// Conflict on the map (docs/MODEL.md 7.12), after Epstein's civil violence
// model (Epstein 2002; NetLogo "Rebellion"): a household turns active when
// G - R P > T, with the estimated arrest probability P = 1 - exp(-k floor(C / A))
// from the officers C (grid workers 网格员 and community police, a lever) and
// the actives A (1 + active households) within its vision. Officers then move
// and each detains one active household within its vision, which sits out a
// random term. The grievance pass (grievance.cpp) decides activation; this
// class owns the officers, the per-cell fields P is read from, detention and
// the incident tracker.
//
// Updates are synchronous: households decide on the officers and actives of
// the step before (Epstein's agents act one at a time; the step here is a
// month of a city, not a tick of a 40 x 40 lattice).
#pragma once

#include <cstdint>

#include "core/rng.hpp"
#include <span>
#include <vector>

#include "model/incidents.hpp"
#include "model/step_context.hpp"
#include "model/vision.hpp"
#include "world/world.hpp"

namespace zhili {

struct ConflictTally {
  double active = 0;      // real active households after activation
  double participants = 0;// real persons in those households
  double detained = 0;    // real households detained this step
  double officers = 0;    // real officers
  void clear() { *this = ConflictTally{}; }
};

class Conflict {
 public:
  void setup(const World& w, const Scenario& s);
  // Before the household pass: officers to the levers' number, and the fields
  // the pass reads (P per cell, mean income within vision).
  void prepare(World& w, const StepContext& ctx, double residents);
  float arrest_probability(std::size_t cell) const { return p_cell_[cell]; }
  // Mean income within the vision of a cell (0 when nobody with an income lives there).
  float vision_income(std::size_t cell) const { return income_mean_[cell]; }
  bool wants_income() const { return want_income_; }

  // Active households per cell, which the household pass adds to (atomically,
  // integers: exact whatever the thread order; only actives add).
  std::int32_t* cell_actives() { return cell_active_.data(); }

  // Sequential activation (conflict.activation: sequential), after the pass:
  // households one at a time in a random order, each deciding from the
  // actives as they stand, with its grievance and risk aversion from the
  // pass. Fills `actives` with the active slots in slot order.
  void activate_sequential(World& w, const StepContext& ctx, std::span<const float> grievance,
                           std::span<const float> risk, std::vector<std::uint32_t>& actives);

  // After the pass: `actives` are the active households' slots in slot order.
  // Officers detain, incidents are tracked, counters reset for the next pass.
  void enforce(World& w, const StepContext& ctx, std::span<const std::uint32_t> actives);

  const ConflictTally& tally() const { return tally_; }
  const IncidentTracker& incidents() const { return incidents_; }
  IncidentTracker& incidents() { return incidents_; }
  // Active share of the households in each cell after activation (map).
  float cell_active_share(const CellGrid& g, std::size_t cell) const {
    const double people = static_cast<double>(g.registered[cell]) + static_cast<double>(g.migrants[cell]);
    return people > 0 ? static_cast<float>(cell_active_[cell] / people) : 0.0f;
  }
  std::size_t officer_count() const { return officer_cell_.size(); }

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
 private:
  void staff(const World& w, const StepContext& ctx, double residents);
  void move_households(World& w, const StepContext& ctx);
  std::int32_t random_cell_in_disc(std::int32_t around, CounterRng& r) const;
  // Estimated arrest probability from officers and actives in vision (real),
  // or from the district's surge ratio when that is larger.
  float arrest_at(double officers, double actives) const;
  void sum_cell_incomes(const World& w, const StepContext& ctx);

  static constexpr std::size_t kIncomeParts = 4;  // slices of the income scatter (fixed: not the thread count)

  const Scenario* scenario_ = nullptr;
  int width_ = 0, height_ = 0;
  VisionSums vision_;
  bool want_income_ = false;
  std::vector<std::int32_t> officer_post_, officer_cell_;
  // Per cell.
  std::vector<std::int32_t> cell_active_, remaining_;
  std::vector<std::int64_t> cell_income_;  // kIncomeParts rows of cells
  std::vector<double> field_in_, field_out_;
  std::vector<double> cell_households_, households_near_;  // per cell, and within vision (mean income)
  std::vector<std::int32_t> points_;  // cells of officers or actives, for VisionSums::sum_points
  std::vector<double> c_vision_, a_vision_;  // officers, actives (before this step's decisions) in vision
  std::vector<float> p_cell_, income_mean_;
  std::vector<std::uint32_t> cell_begin_, cell_slots_;
  std::vector<std::uint32_t> order_;  // sequential activation's and movement's visiting order
  std::vector<std::int32_t> present_;  // movement: households not detained, per cell
  std::vector<std::uint8_t> officer_here_;
  double surge_ratio_ = 0;  // surge x district officers / (1 + district actives), this step
  IncidentTracker incidents_;
  ConflictTally tally_;
};

}  // namespace zhili
