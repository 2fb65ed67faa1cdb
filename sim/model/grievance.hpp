// Grievance (docs/MODEL.md 7.10-7.12): hardship per household from unmet
// needs, unemployment, relative deprivation and housing cost; legitimacy per
// zone from service experience and answered complaints, with memory; and
// grievance G = H (1 - L) (Epstein 2002). It drives the expression channels,
// disputes and conflict.
//
// Per step, in stages that model.cpp lists as phases, in this order:
//  1. take_in: the unmet-need load of each household takes in the service
//     cases that closed (refused or expired: their importance; every case:
//     importance x years it stayed open x grievance.wait_weight); legitimacy
//     moves toward its target; the conflict fields are prepared (conflict.hpp);
//  2. household_pass: one parallel pass over households: load decays, H, G,
//     activation (G - R P > T), complaint filing and disputes arising, each
//     from the household's own counter-based draws; per-block tallies;
//  3. gather_events: serially, in slot order, complaints join the channels'
//     queues and disputes their paths'; with sequential activation, the
//     households then decide one by one (activate_sequential);
//  4. answer_complaints, conclude_disputes, enforce: channels answer and
//     ignore, paths conclude, officers detain active households and
//     incidents are tracked.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/channels.hpp"
#include "model/conflict.hpp"
#include "model/disputes.hpp"
#include "model/services.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

// Sums of one step's household pass (per block, folded in block order).
struct GrievanceSums {
  std::array<double, 2> grievance_group{}, households_group{};  // registered, migrant
  std::array<double, 2> legitimacy_group{};  // sum of the home zone's L
  std::array<double, kZoneCount> grievance_zone{}, households_zone{};
  double hardship = 0, grievance = 0, households = 0, persons = 0;
  double rent = 0, income = 0;  // of the city's households with an income (the burden's reference)
  std::int64_t events = 0;  // entries written to the pass's event scratch
  // Hardship of households with a recent health shock (model/families.hpp): illness, work injury.
  std::array<double, 2> shock_hardship{}, shock_households{};
};

class Grievance {
 public:
  void setup(const World& w, const Scenario& s, PublicServices* services);

  // The step's stages (above). model.cpp lists activate_sequential,
  // answer_complaints, conclude_disputes and enforce only when their submodel
  // (and, for the first, sequential activation) is on.
  void take_in(World& w, const StepContext& ctx);
  void household_pass(World& w, const StepContext& ctx);
  void gather_events(World& w, const StepContext& ctx);
  void activate_sequential(World& w, const StepContext& ctx);
  void answer_complaints(World& w, const StepContext& ctx);
  void conclude_disputes(const StepContext& ctx);
  void enforce(World& w, const StepContext& ctx);

  const GrievanceSums& sums() const { return sums_; }  // real households and persons
  const std::array<double, kZoneCount>& legitimacy() const { return legitimacy_; }
  double residents() const { return residents_; }      // real persons
  const ExpressionChannels& channels() const { return channels_; }
  const Disputes& disputes() const { return disputes_; }
  const Conflict& conflict() const { return conflict_; }
  Disputes& disputes() { return disputes_; }
  // Complaints filed this step by households a renewal project notified or
  // displaced (social_bits::kAffected).
  std::int64_t affected_complaints() const { return affected_complaints_; }
  Conflict& conflict() { return conflict_; }
  // Grievance of the household in each slot after the last step, in 1/255 (map).
  const std::vector<std::uint8_t>& grievance_byte() const { return g_byte_; }

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
 private:
  void take_closures(World& w, const StepContext& ctx);
  void update_legitimacy(const StepContext& ctx);

  const Scenario* scenario_ = nullptr;
  PublicServices* services_ = nullptr;  // null when services are off
  std::array<double, kZoneCount> legitimacy_{};
  double residents_ = 0;
  double city_rent_to_income_ = 0;  // mean rent over mean income, the step before (0: none)
  GrievanceSums sums_;
  std::int64_t affected_complaints_ = 0;
  ExpressionChannels channels_;
  Disputes disputes_;
  Conflict conflict_;
  // Scratch, sized to the households.
  std::vector<GrievanceSums> block_sums_;
  std::vector<std::uint32_t> events_;  // per slot position: packed complaint / dispute / active
  std::vector<std::uint32_t> actives_;
  std::vector<std::int32_t> closure_slot_;  // per closure of the step: its household's slot (-1: gone)
  std::vector<std::uint8_t> g_byte_;
  std::vector<float> g_float_, r_float_;  // sequential activation: grievance and risk aversion per slot
  // What the pass reads of a household's cell, in one 16-byte record: one
  // cache miss per household instead of one per array (households are not
  // in cell order, and the cell arrays together outgrow the caches).
  struct CellView {
    float rent;
    float arrest;       // P (conflict)
    float mean_income;  // within vision (relative deprivation)
    std::uint8_t zone;
  };
  std::vector<CellView> cell_view_;
  // Fills cell_view_ for this step, in parallel over the cells.
  const CellView* prepare_cell_view(const CellGrid& g, const StepContext& ctx, bool want_income);
};

}  // namespace zhili
