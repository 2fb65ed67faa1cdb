#include "model/model.hpp"

#include "model/validation.hpp"

namespace zhili {

Model::Model(const Scenario& s) : scenario_(s), world_(build_world(s)) {
  // Only relocation moves households or changes their group when migration
  // and the economy are off (add any new submodel that does to this test):
  // relocation then keeps the cell counts current itself, and its sequential
  // mode keeps its state between steps.
  const bool relocation_sole_mover =
      !s.migration.enabled && !s.economy.enabled && !s.demography.enabled && s.renewal.projects.empty();
  flows_.setup(world_);
  relocation_.setup(world_, s, relocation_sole_mover);
  metrics_.setup(world_);
  if (!relocation_.neighbour_counts()) metrics_.setup_neighbours(world_, s.relocation.radius);
  if (s.economy.enabled) {
    labour_.setup(world_, s);
    rural_.setup(world_);
  }
  if (s.demography.enabled) demography_.setup(world_);
  renewal_.setup(world_, s, s.services.enabled ? &services_ : nullptr);

  // Order matters and is documented in docs/MODEL.md ("Process overview"):
  // people leave and settle, the cell counts are brought up to date, the labour
  // market clears, villagers decide to move, newcomers take vacancies, then
  // residents re-sort themselves.
  phases_.push_back({"reset_counts", [this](World&, const StepContext&) { flows_.reset_counts(); }});
  if (s.migration.enabled)
    phases_.push_back({"departures_settlement",
                       [this](World& w, const StepContext& c) { flows_.depart_and_settle(w, c); }});
  if (s.demography.enabled)
    phases_.push_back(
        {"natural_change", [this](World& w, const StepContext& c) { demography_.change(w, c); }, true});
  // Every other phase keeps the cell counts current as it moves households or
  // changes their group (departures and settlement too); natural change
  // removes dissolved households without, so the counts are rebuilt after it.
  if (s.demography.enabled)
    phases_.push_back({"recount_cells", [](World& w, const StepContext&) { recount_cells(w); }});
  if (s.demography.enabled)
    phases_.push_back({"household_formation",
                       [this](World& w, const StepContext& c) { demography_.form_households(w, c); }});
  // Renewal projects displace households before the labour market clears,
  // so the displaced seek work and homes from where they went.
  if (renewal_.active())
    phases_.push_back({"renewal", [this](World& w, const StepContext& c) { renewal_.step(w, c); }});
  if (s.economy.enabled) {
    phases_.push_back({"labour_market", [this](World& w, const StepContext& c) { labour_.step(w, c); }});
    phases_.push_back({"rural_migration",
                       [this](World& w, const StepContext& c) { rural_.step(w, c, labour_.state()); }});
  }
  if (s.migration.enabled)
    phases_.push_back({"arrivals", [this](World& w, const StepContext& c) { flows_.arrive(w, c); }});
  if (s.relocation.enabled)
    phases_.push_back({"relocation", [this](World& w, const StepContext& c) { relocation_.step(w, c); }});
  // Families reunite, register and insure after the step's moves and hires,
  // before needs arise (children who joined need schools).
  if (Families::active(s)) {
    families_.setup(world_, s);
    phases_.push_back({"families", [this](World& w, const StepContext& c) { families_.step(w, c); }});
  }
  // Needs arise where people live at the end of the step's moves.
  if (s.services.enabled) {
    services_.setup(world_, s);
    phases_.push_back({"services", [this](World& w, const StepContext& c) { services_.step(w, c); }});
  }
  // Grievance reads the step's service experience, so it comes last, in its
  // stages (model/grievance.hpp): what the step brought in, the households'
  // pass, their complaints and disputes queued, then the channels, the
  // dispute paths and the officers.
  if (SocialMetrics::active(s)) {
    grievance_.setup(world_, s, s.services.enabled ? &services_ : nullptr);
    phases_.push_back({"grievance_intake", [this](World& w, const StepContext& c) { grievance_.take_in(w, c); }});
    phases_.push_back(
        {"grievance_pass", [this](World& w, const StepContext& c) { grievance_.household_pass(w, c); }});
    phases_.push_back(
        {"grievance_events", [this](World& w, const StepContext& c) { grievance_.gather_events(w, c); }});
    if (s.disputes.enabled && Families::insurance_on(s))
      phases_.push_back({"family_disputes",
                         [this](World&, const StepContext& c) { families_.file_disputes(grievance_.disputes(), c); }});
    if (s.disputes.enabled && renewal_.active())
      phases_.push_back({"renewal_disputes",
                         [this](World&, const StepContext& c) { renewal_.file_disputes(grievance_.disputes(), c); }});
    if (s.conflict.enabled && s.conflict.activation == ConflictActivation::sequential)
      phases_.push_back({"conflict_activation",
                         [this](World& w, const StepContext& c) { grievance_.activate_sequential(w, c); }});
    if (s.grievance.enabled && s.grievance.channels_enabled)
      phases_.push_back(
          {"complaint_channels", [this](World& w, const StepContext& c) { grievance_.answer_complaints(w, c); }});
    if (s.disputes.enabled)
      phases_.push_back(
          {"dispute_paths", [this](World&, const StepContext& c) { grievance_.conclude_disputes(c); }});
    if (s.conflict.enabled)
      phases_.push_back({"conflict_enforcement", [this](World& w, const StepContext& c) { grievance_.enforce(w, c); }});
  }

  // What each step reports, in row order: the core series (with the
  // economy's and the demography's), the services', then grievance's.
  metrics_.declare(observables_, s);
  if (s.services.enabled) {
    service_metrics_.setup(world_.grid);
    service_metrics_.declare(observables_, s, services_);
  }
  social_metrics_.declare(observables_, s, grievance_);
  renewal_.declare(observables_, s);
  families_.declare(observables_, s);
  budget_metrics_.declare(observables_, s);
  // Per-entity series: the outlets', then the household panel's.
  outlet_series_ = s.services.enabled ? ServiceMetrics::entity_specs(services_).size() : 0;
  panel_.setup(world_, s);

  if constexpr (kValidate) {
    try {
      check_world(world_, true);
    } catch (const ValidationError& e) {
      throw ValidationError(std::string("validation failed after building the world: ") + e.what());
    }
  }
}

std::vector<EntitySeriesSpec> Model::entity_specs() const {
  std::vector<EntitySeriesSpec> out;
  if (scenario_.services.enabled) out = ServiceMetrics::entity_specs(services_);
  for (auto& s : panel_.entity_specs()) out.push_back(std::move(s));
  return out;
}

std::vector<EntityGroupSpec> Model::entity_groups() const {
  std::vector<EntityGroupSpec> out;
  if (scenario_.services.enabled) out.push_back(ServiceMetrics::outlet_group(services_));
  if (panel_.active()) out.push_back(panel_.group());
  return out;
}

void Model::fill_entities(std::size_t series, std::span<double> values) const {
  if (series < outlet_series_)
    service_metrics_.fill_entities(services_, series, values);
  else
    panel_.fill(world_, series - outlet_series_, values);
}

void Model::measure(const StepContext& ctx, std::span<double> row) {
  const MeasureInputs in{flows_.counts(), relocation_.counts(),
                         scenario_.economy.enabled ? &labour_.state() : nullptr,
                         scenario_.economy.enabled ? &rural_.counts() : nullptr,
                         scenario_.demography.enabled ? &demography_.counts() : nullptr,
                         relocation_.neighbour_counts()};
  metrics_.compute(world_, ctx, in);
  if (scenario_.services.enabled) service_metrics_.compute(world_, ctx, services_);
  if (SocialMetrics::active(scenario_)) social_metrics_.compute(ctx);
  if (renewal_.active())
    renewal_.measure(world_, ctx, grievance_.affected_complaints(),
                     scenario_.conflict.enabled ? &grievance_.conflict().incidents() : nullptr);
  if (Families::active(scenario_))
    families_.measure(world_, ctx, SocialMetrics::active(scenario_) ? &grievance_.sums() : nullptr,
                      scenario_.economy.enabled ? metrics_.economy().family_tally() : nullptr,
                      scenario_.economy.enabled ? &labour_.state() : nullptr);
  budget_metrics_.compute(ctx, metrics_, services(), renewal_.compensation_step());
  observables_.fill_row(row);
}

void Model::check_after(std::size_t phase) const {
  check_world(world_, !phases_.at(phase).leaves_cell_counts_stale);
  if (scenario_.services.enabled) check_case_store(services_.cases(), world_);
}

void Model::fill_map(std::size_t map_index, std::span<float> cells) const {
  observables_.fill_map(map_index, MapInputs{world_, scenario_}, cells);
}

std::vector<EventTableSpec> Model::event_specs() const { return SocialMetrics::event_specs(scenario_); }

void Model::drain_events(bool final, const std::function<void(std::size_t, std::span<const double>)>& f) {
  if (!scenario_.conflict.enabled) return;
  const auto write = [&](std::span<const double> row) { f(0, row); };
  auto& incidents = grievance_.conflict().incidents();
  SocialMetrics::each_incident_row(incidents.ended(), world_.grid.width, false, write);
  if (!final) return;
  incidents.close_all();
  SocialMetrics::each_incident_row(incidents.ended(), world_.grid.width, false, write);
}

void Model::peek_open_events(const std::function<void(std::size_t, std::span<const double>)>& f) const {
  if (!scenario_.conflict.enabled) return;
  SocialMetrics::each_incident_row(grievance_.conflict().incidents().open(), world_.grid.width, true,
                                   [&](std::span<const double> row) { f(0, row); });
}

}  // namespace zhili
