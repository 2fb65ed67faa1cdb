// The model: the submodels of zhili and the order they run in each step.
//
// A step is an ordered list of phases; each phase is a plain function over the
// world that splits its work into fixed index blocks (see core/parallel.hpp).
// Submodels own their scratch buffers, sized at setup, so a step allocates
// nothing. No virtual call per agent: one indirect call per phase per step.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "io/result_layout.hpp"
#include "model/demography.hpp"
#include "model/families.hpp"
#include "model/flows.hpp"
#include "model/grievance.hpp"
#include "model/household_panel.hpp"
#include "model/labour_market.hpp"
#include "model/metrics.hpp"
#include "model/metrics_budget.hpp"
#include "model/metrics_services.hpp"
#include "model/metrics_social.hpp"
#include "model/observables.hpp"
#include "model/relocation.hpp"
#include "model/renewal.hpp"
#include "model/rural_migration.hpp"
#include "model/services.hpp"
#include "model/step_context.hpp"
#include "world/world.hpp"

namespace zhili {

struct Phase {
  std::string name;
  std::function<void(World&, const StepContext&)> run;
  // The phase leaves the grid's cell counts behind the households on purpose
  // (a later phase recounts them), so the validation build does not check them.
  bool leaves_cell_counts_stale = false;
};

class Model {
 public:
  explicit Model(const Scenario& s);  // builds the world; throws ScenarioError on semantic errors
  // The phases and the observables hold pointers into the model.
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  const std::vector<Phase>& phases() const { return phases_; }
  World& world() { return world_; }
  const World& world() const { return world_; }
  // The public services (outlets, and changes to their network between
  // steps), or nullptr when the scenario has them off.
  PublicServices* services() { return scenario_.services.enabled ? &services_ : nullptr; }
  const PublicServices* services() const { return scenario_.services.enabled ? &services_ : nullptr; }
  // Renewal projects and the rental market (inactive without them).
  const Renewal& renewal() const { return renewal_; }

  // The series this scenario reports, in row order.
  const std::vector<SeriesSpec>& series_specs() const { return observables_.series(); }
  // Per-entity series, one row of values each step: the outlets' (with
  // services on), then the household panel's (output.panel > 0).
  std::vector<EntitySeriesSpec> entity_specs() const;
  void fill_entities(std::size_t series, std::span<double> values) const;
  // What the entities of those series are (outlets: names, kinds, cells).
  std::vector<EntityGroupSpec> entity_groups() const;
  const std::vector<MapSpec>& map_specs() const { return observables_.maps(); }
  // Position of an observable (and of one label of a breakdown) in the
  // measured row; nullopt when this scenario does not report it.
  std::optional<std::size_t> column_of(const std::string& name, const std::string& label = "") const {
    return observables_.column_of(name, label);
  }
  // Measures the step and writes every series into `row`.
  void measure(const StepContext& ctx, std::span<double> row);
  // Checkpoints (model/model_state.cpp): everything that lasts from one step
  // to the next, saved or restored into a model built from the same scenario
  // (or a variant of it with the same map and people).
  void serialize(Archive& a);
  // After a restore: the scheduled outlet changes from `next_step` on are
  // the scenario's (a variant's schedule governs the continued run).
  void restore_schedule(std::int64_t next_step);
  // The validation build's checks of the world and the stores after phase
  // `phase` (model/validation.hpp); throws ValidationError.
  void check_after(std::size_t phase) const;
  void fill_map(std::size_t map_index, std::span<float> cells) const;
  // Event tables (incidents) and the rows the last step added to each: f(table, row).
  // `final`: the run ends after this step, so events still in progress are written too.
  std::vector<EventTableSpec> event_specs() const;
  void drain_events(bool final, const std::function<void(std::size_t, std::span<const double>)>& f);
  // The rows that the events still in progress would get if the run ended
  // now (marked ongoing), without ending them: what a live viewer shows
  // before the file has them.
  void peek_open_events(const std::function<void(std::size_t, std::span<const double>)>& f) const;

 private:
  const Scenario& scenario_;
  World world_;
  MigrationFlows flows_;
  Relocation relocation_;
  LabourMarket labour_;
  RuralMigration rural_;
  Demography demography_;
  Renewal renewal_;
  Families families_;
  Metrics metrics_;
  PublicServices services_;
  ServiceMetrics service_metrics_;
  Grievance grievance_;
  SocialMetrics social_metrics_;
  BudgetMetrics budget_metrics_;
  HouseholdPanel panel_;
  std::size_t outlet_series_ = 0;  // entity series of the outlets, before the panel's
  std::vector<Phase> phases_;
  ObservableTable observables_;  // every series and map, bound to the measures above
};

}  // namespace zhili
