#include "model/model.hpp"

namespace zhili {

Model::Model(const Scenario& s) : scenario_(s), world_(build_world(s)) {
  flows_.setup(world_);
  relocation_.setup(world_);
  metrics_.setup(world_);

  // Order matters and is documented in docs/MODEL.md ("Process overview"):
  // people leave and settle, the cell counts are brought up to date, newcomers
  // take vacancies, then residents re-sort themselves.
  phases_.push_back({"reset_counts", [this](World&, const StepContext&) { flows_.reset_counts(); }});
  if (s.migration.enabled) {
    phases_.push_back({"departures", [this](World& w, const StepContext& c) { flows_.depart(w, c); }});
    phases_.push_back({"settlement", [this](World& w, const StepContext& c) { flows_.settle(w, c); }});
  }
  phases_.push_back({"recount_cells", [](World& w, const StepContext&) { recount_cells(w); }});
  if (s.migration.enabled)
    phases_.push_back({"arrivals", [this](World& w, const StepContext& c) { flows_.arrive(w, c); }});
  if (s.relocation.enabled)
    phases_.push_back({"relocation", [this](World& w, const StepContext& c) { relocation_.step(w, c); }});
}

void Model::measure(const StepContext& ctx, std::span<double> row) {
  metrics_.compute(world_, ctx, flows_.counts(), relocation_.counts(), row);
}

void Model::fill_map(std::size_t map_index, std::span<float> cells) const {
  metrics_.fill_map(world_, scenario_, map_index, cells);
}

}  // namespace zhili
