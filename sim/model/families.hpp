// Families split between city and village, and social insurance as a state
// (docs/MODEL.md 7.15; scenario/family_spec.hpp).
//
// A household is one record wherever its members are: `size`, `workers`,
// `children` and `elderly` count those present, `left_children`,
// `left_elderly` and `left_workers` those left at the origin (a rural cell of
// the map, or outside it). A migrant household moves whole with chance
// family.whole_family_share; otherwise its children and elderly may stay
// behind, and its workers but the first, who farm there (split_on_move, at
// arrival and at a villager's move to the city). Workers left on the map's
// farms come first under farming's ceiling (labour_market.cpp), so more of
// the villagers at home work off the farm nearby. Phase "families" (after the moves, before services), one pass
// over the households:
//  - the children and elderly left behind join a household in urban work at
//    family.reunify_rate a year, times the household's schooling access when
//    children are among them (1 registered; equalization e without a permit,
//    e + services.permit_access (1 - e) with one) and times
//    family.urban_village_factor in an urban village;
//  - registered city households come to live away from their registration
//    within the city (市辖区内人户分离) and re-register, at yearly rates;
//  - with the economy and insurance on, a new urban job comes with each scheme
//    (pension, medical, work injury) with chance c + e (1 - c), c the
//    employer's compliance for the worker's group (closed by access for
//    migrants), e the insurance.enforcement lever; missing schemes are gained
//    at insurance.catch_up_rate x e a year; a lost job loses them;
//  - illness (any household) and work injury (workers in industry and
//    services) add an unmet-need load, less for the insured, and an injury may
//    become a labour dispute (filed in phase "family_disputes").
// A going-home migrant takes its members left behind back (rejoin_at_origin).
// Remittances move family.remittance_share of a split household's income to
// its members left behind in the income measures (metrics_economy.cpp).
// Draws are keyed by household id on their own streams: the same for any
// thread count, and the other submodels' draws are unchanged.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/disputes.hpp"
#include "model/family_tally.hpp"
#include "model/observables.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

struct GrievanceSums;
struct LabourState;

namespace insurance_bits {
inline constexpr std::uint8_t kPension = 0x01;
inline constexpr std::uint8_t kMedical = 0x02;
inline constexpr std::uint8_t kWorkInjury = 0x04;
inline constexpr std::uint8_t kAll = kPension | kMedical | kWorkInjury;
inline constexpr std::uint8_t kDecided = 0x08;  // the current job's schemes were drawn
}  // namespace insurance_bits

namespace shock_bits {
inline constexpr std::uint8_t kInjury = 0x80;
inline constexpr std::uint8_t kStepsMask = 0x7f;
}  // namespace shock_bits

enum class Scheme : std::uint8_t { pension, medical, work_injury, count };
inline constexpr std::size_t kSchemeCount = static_cast<std::size_t>(Scheme::count);
static_assert(kSchemeCount == kInsuranceSchemes);

// A household leaving its origin: with chance 1 - whole_family_share it does
// not move whole, and each child stays there with chance children_left_share,
// each elderly member with elderly_left_share, each worker but the first with
// workers_left_share (stream family_split, keyed by id and step).
void split_on_move(HouseholdStore& h, std::size_t slot, const FamilySpec& f, std::uint64_t seed,
                   std::int64_t step);
// A household back at its origin: the members left there are with it again.
void rejoin_at_origin(HouseholdStore& h, std::size_t slot);
// Reunification in the city: the children and elderly left at the origin join
// the household; the workers left there stay on the farm.
void reunite_in_city(HouseholdStore& h, std::size_t slot);
// Schooling (and insurance) access of a household's group: 1 registered,
// e without a permit, e + permit_access (1 - e) with one.
double group_access(Registration r, double equalization, double permit_access);

// Measures of one step (real persons and households unless said).
struct FamilyMeasures {
  std::array<double, 3> left_behind{};         // children, elderly, workers (all split households)
  std::array<double, 3> migrant_children{};    // public school, other school, left behind
  std::array<double, 2> migrant_workers{};     // away (migrants' workers), local (villagers off the farm)
  double away_workers_whole = 0;               // away workers of households with nobody left behind
  double migrant_households = 0, split_households = 0;
  double floating = 0, away_within_city = 0;   // persons away from their registration
  double remittances = 0;                      // yuan/step
  double reunified = 0;                        // households/step
  // Insurance: employed workers in urban work by group (registered, migrant),
  // and those insured, by scheme.
  std::array<double, 2> employed{};
  std::array<std::array<double, 2>, kSchemeCount> insured{};
  std::array<double, 2> shocks{};              // illnesses, work injuries begun (households/step)
  std::array<double, 2> shock_hardship{};      // mean hardship of households with a recent shock
};

class Families {
 public:
  static bool family_on(const Scenario& s) { return s.family.enabled; }
  static bool insurance_on(const Scenario& s) { return s.insurance.enabled && s.economy.enabled; }
  static bool active(const Scenario& s) { return family_on(s) || insurance_on(s); }

  // Splits the families of the migrants the world starts with.
  void setup(World& w, const Scenario& s);
  void step(World& w, const StepContext& ctx);
  // Files the labour disputes the step's work injuries raised (phase "family_disputes").
  void file_disputes(Disputes& d, const StepContext& ctx);
  // After the step; the hardship after shocks from the grievance pass (null
  // without it), the households' tally when the economy's measuring pass
  // made it (null: measure makes its own pass), and the labour market's state
  // (null without the economy), for the workers left at home off the farm.
  void measure(const World& w, const StepContext& ctx, const GrievanceSums* grievance,
               const FamilyTally* counted, const LabourState* labour);
  void declare(ObservableTable& table, const Scenario& s) const;

  const FamilyMeasures& measures() const { return at_; }

 private:
  struct StepCounts {
    std::int64_t reunified = 0;
    std::array<std::int64_t, 2> shocks{};
    std::int64_t injury_disputes = 0;
  };
  static const std::vector<SeriesEntry<Families>>& series_entries();

  std::vector<StepCounts> block_counts_;
  std::vector<FamilyTally> block_tallies_;
  StepCounts counts_;
  FamilyMeasures at_;
};

}  // namespace zhili
