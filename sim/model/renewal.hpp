// Places that change (docs/MODEL.md 7.14): renewal projects of urban
// villages and the fringe, and land requisition, from the schedule
// (scenario/renewal_spec.hpp).
//
// Per step (phase "renewal", after departures and natural change, before
// the labour market), for each project in turn:
//  - notice: the area's homes are closed to newcomers; every household in it
//    takes the notice load (owners also a load for compensation below market
//    value), less the relief of consultation;
//  - consultation: owners agree to the terms (a monthly chance that grows
//    with compensation); demolition waits for the consent share, at most
//    renewal.max_wait_months;
//  - demolition: the area's cells are cleared in equal parts over its months.
//    Each displaced household is accounted for once: tenants (migrants) find
//    a home in the city no dearer than renewal.tenant_rent_tolerance times
//    their rent or leave the district; owners are paid compensation and are
//    resettled (housed meanwhile in the city, back at completion) or move;
//    a requisition's villagers convert their hukou (农转非) and move to the
//    city, or move to another village; whoever finds no home leaves. Those
//    who did not agree take the eviction load and may file a dispute;
//  - completion: the cells take the new zone, homes and rent, resettled
//    owners move in, an outlet may open.
// With renewal.rent_adjustment > 0, rents of each zone follow its occupancy
// from run.start on (after Rosen & Smith 1983). Phase "renewal_disputes" files the step's disputes
// after grievance has gathered its own. Everything runs serially in slot
// order with draws keyed by household id: the same for any thread count.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/archive.hpp"
#include "io/result_layout.hpp"
#include "model/disputes.hpp"
#include "model/observables.hpp"
#include "model/step_context.hpp"
#include "world/vacancies.hpp"
#include "world/world.hpp"

namespace zhili {

class PublicServices;
class IncidentTracker;

// Groups and destinations of displaced households (renewal_displaced).
enum class Displaced : std::uint8_t { moved, resettled, left, count };
inline constexpr std::size_t kDisplacedCount = static_cast<std::size_t>(Displaced::count);

class Renewal {
 public:
  enum class Stage : std::uint8_t { planned, consultation, demolition, construction, complete };

  // Resolves each project's area on the built map; throws ScenarioError
  // (at the entry's key) for an area off the map or without cells, or an
  // outlet that is not listed.
  void setup(const World& w, const Scenario& s, PublicServices* services);
  // Projects, or a moving rental market (renewal.rent_adjustment > 0): the
  // renewal phase runs and the renewal_* series are reported.
  static bool active(const Scenario& s) { return !s.renewal.projects.empty() || s.renewal.rent_adjustment > 0; }
  bool active() const { return !projects_.empty() || market_; }

  void step(World& w, const StepContext& ctx);
  // Files the disputes the step's displacements raised (phase "renewal_disputes").
  void file_disputes(Disputes& d, const StepContext& ctx);
  // After the step: complaints of affected households (counted by grievance)
  // and incidents that started in or near an area in progress.
  void measure(const World& w, const StepContext& ctx, std::int64_t affected_complaints,
               const IncidentTracker* incidents);

  void declare(ObservableTable& table, const Scenario& s);
  void serialize(Archive& a, World& w);

  // For tests and measures: real households by group (0 owners, 1 tenants) and destination.
  const std::array<std::array<double, kDisplacedCount>, 2>& displaced() const { return displaced_; }
  double homes_lost() const { return homes_lost_; }
  double homes_built() const { return homes_built_; }
  double compensation_step() const { return compensation_step_; }  // yuan paid this step
  std::size_t project_count() const { return projects_.size(); }
  Stage stage(std::size_t p) const { return projects_[p].stage; }
  const std::vector<std::int32_t>& area(std::size_t p) const { return projects_[p].cells; }
  std::size_t cleared(std::size_t p) const { return projects_[p].cleared; }  // cells of area(p), in order
  std::int32_t notice_homes(std::size_t p) const {  // homes of the area at its notice (0 before it)
    std::int32_t n = 0;
    for (const std::int32_t c : projects_[p].notice_capacity) n += c;
    return n;
  }

 private:
  struct Project {
    const RenewalProject* spec = nullptr;
    std::string name;
    std::vector<std::int32_t> cells;  // the area, ascending
    std::vector<std::int32_t> near;   // within renewal.near_km of it, outside it
    std::vector<float> notice_rent;   // per area cell, its rent at the notice (the home's value)
    std::vector<std::int32_t> notice_capacity;  // per area cell, its homes at the notice (homes lost)
    Stage stage = Stage::planned;
    std::int64_t consultation_end = 0;  // steps from run.start
    std::int64_t demolition_start = -1, demolition_end = -1, completion = -1;
    std::int64_t demolition_steps = 1, construction_steps = 0, max_wait_steps = 0, affected_steps = 0;
    std::int64_t affected_until = -1;
    std::size_t cleared = 0;                 // cells cleared so far
    std::vector<HouseholdId> returning;      // resettled owners awaiting the rebuilt area
    std::vector<HouseholdId> affected;       // notified households
    double agreed_share = 0;
  };

  void start_market(const CellGrid& g);
  // The area's cells from `from` on hold no more homes than are occupied:
  // closed to newcomers from the notice until each is cleared.
  void close_to_newcomers(const Project& p, std::size_t from, CellGrid& g) const;
  std::uint8_t number_of(const Project& p) const { return static_cast<std::uint8_t>(&p - projects_.data() + 1); }
  void give_notice(Project& p, World& w, const StepContext& ctx);
  void consult(Project& p, World& w, const StepContext& ctx);
  void clear_cells(Project& p, std::size_t from, std::size_t to, World& w, const StepContext& ctx);
  void complete(Project& p, World& w, const StepContext& ctx);
  void end_affected(Project& p, World& w, std::int64_t t);
  void update_rents(World& w, const StepContext& ctx);
  // A home for a displaced household: a vacant home drawn like arrivals' (two
  // random vacancies, the cheaper), in `zones`, at a rent at most max_rent;
  // -1 when none is found.
  std::int32_t find_home(World& w, VacancyIndex::Zones zones, float max_rent, CounterRng& rng,
                         const StepContext& ctx);
  void move(World& w, std::size_t slot, std::int32_t to);

  const Scenario* scenario_ = nullptr;
  PublicServices* services_ = nullptr;
  std::vector<Project> projects_;
  std::vector<std::uint8_t> area_of_;   // per cell: 1 + project index, 0 none (the renewal_area map)
  std::vector<std::uint8_t> watched_;   // per cell: in or near an area in progress (incidents)
  std::vector<float> destinations_;     // per cell: displaced households that moved in (real, cumulative)
  // Rental market (started at run.start): each zone's rent factor and its
  // occupancy rate at the start, and each cell's rent before any factor.
  bool market_ = false;     // the scenario has a moving market
  bool market_on_ = false;  // it has started (at run.start)
  std::array<double, kZoneCount> rent_factor_{}, reference_occupancy_{};
  std::vector<float> base_rent_;
  // Vacancy indexes for the step's displacements (rebuilt when needed).
  VacancyIndex city_homes_, village_homes_;
  bool city_fresh_ = false, village_fresh_ = false;
  std::vector<std::uint32_t> leavers_;  // slots, ascending
  // Measures.
  std::array<std::array<double, kDisplacedCount>, 2> displaced_{};  // real households, cumulative
  std::array<double, 2> notified_{};                                 // owners, tenants
  double returned_ = 0, homes_lost_ = 0, homes_built_ = 0;
  double compensation_step_ = 0;
  std::array<double, 2> disputes_step_{};  // compensation (administrative), tenancy; real
  std::array<std::int64_t, 2> disputes_pending_{};  // simulated, to file this step
  double complaints_step_ = 0, incidents_step_ = 0;
  std::array<double, 3> rent_{};       // inside, near, urban_village
  std::array<double, 2> occupancy_{};  // near, urban_village
  double agreed_ = 0;

  static const std::vector<SeriesEntry<Renewal>>& series_entries();
  static const std::vector<MapEntry<Renewal>>& map_entries();
};

}  // namespace zhili
