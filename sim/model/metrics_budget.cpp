#include "model/metrics_budget.hpp"

#include "model/metrics.hpp"
#include "model/renewal.hpp"
#include "model/services.hpp"

namespace zhili {

namespace {

enum Item : std::size_t {
  windows, platform, equalization, settlement, channels, mediators, courts, grid_workers, police, renewal_compensation
};

constexpr std::array<LeverId, kChannelCount> kChannelCapacity{
    LeverId::grievance_hotline_capacity, LeverId::grievance_petition_capacity, LeverId::grievance_meeting_capacity};

}  // namespace

void BudgetMetrics::declare(ObservableTable& table, const Scenario& s) {
  items_reported_ = Renewal::active(s) ? kBudgetItems.size() : kBudgetItems.size() - 1;
  auto entries = series_entries();
  entries.front().spec.labels.resize(items_reported_);
  table.add(entries, s, *this);
}

void BudgetMetrics::compute(const StepContext& ctx, const Metrics& m, const PublicServices* services,
                            double compensation) {
  const Scenario& s = ctx.scenario;
  const CostSpec& c = s.costs;
  const double years = ctx.years_per_step;
  const double per_10k = m.residents() / 1e4;  // levers "per 10,000 residents"
  items_.fill(0.0);
  if (services != nullptr) {
    const double platform_cost = s.services.online.enabled ? s.services.online.cost_per_year * years : 0.0;
    items_[platform] = platform_cost;
    items_[windows] = services->tally().cost - platform_cost;  // staffed and purchased windows
    // The share of restricted services each migrant is entitled to (as the
    // services' eligibility rule, model/services_needs.cpp).
    const double e = ctx.lever(LeverId::services_equalization);
    const double with_permit = e + s.services.permit_access * (1.0 - e);
    items_[equalization] = (m.persons(Registration::migrant) * e + m.persons(Registration::migrant_permit) * with_permit) *
                           c.equalization_person_year * years;
  }
  items_[settlement] = m.settled_persons() * c.settlement_person;
  if (s.grievance.enabled && s.grievance.channels_enabled) {
    const double months = 12.0 * years;
    for (std::size_t ch = 0; ch < kChannelCount; ++ch)
      items_[channels] += ctx.lever(kChannelCapacity[ch]) * per_10k * months * s.grievance.channels[ch].cost_per_case;
  }
  if (s.disputes.enabled) {
    items_[mediators] = ctx.lever(LeverId::disputes_mediators) * per_10k * c.mediator_year * years;
    const double months = 12.0 * years;
    items_[courts] =
        (ctx.lever(LeverId::disputes_court_capacity) *
             s.disputes.paths[static_cast<std::size_t>(DisputePath::court)].cost_per_case +
         ctx.lever(LeverId::disputes_internet_court_capacity) *
             s.disputes.paths[static_cast<std::size_t>(DisputePath::internet_court)].cost_per_case) *
        months;
  }
  // Grid workers settle grievances (grievance.grid_relief) and deter protest.
  if (s.grievance.enabled || s.conflict.enabled)
    items_[grid_workers] = ctx.lever(LeverId::conflict_grid_workers) * per_10k * c.grid_worker_year * years;
  if (s.conflict.enabled) items_[police] = ctx.lever(LeverId::conflict_police) * per_10k * c.police_officer_year * years;
  items_[renewal_compensation] = compensation;
  total_ = 0.0;
  for (const double v : items_) total_ += v;
  years_per_step_ = years;
}

const std::vector<SeriesEntry<BudgetMetrics>>& BudgetMetrics::series_entries() {
  using B = BudgetMetrics;
  using W = SeriesWriter;
  static const std::vector<SeriesEntry<BudgetMetrics>> entries{
      {{"budget", "yuan/step",
        "Public spending of the step by lever: windows (staffed and purchased), the online platform, "
        "services extended to migrants (equalization), settlement (市民化), complaint channels' capacity, "
        "mediators, courts' capacity, grid workers, police (costs.*, docs/MODEL.md); with renewal projects, "
        "the compensation paid to displaced owners",
        "item", std::vector<std::string>(kBudgetItems.begin(), kBudgetItems.end())},
       [](const B& b, W& out) {
         for (std::size_t k = 0; k < b.items_reported_; ++k) out.put(b.items_[k]);
       }},
      {{"budget_total", "yuan/step", "Public spending of the step on every lever (the sum of budget)", "", {}},
       [](const B& b, W& out) { out.put(b.total_); }},
      {{"budget_per_year", "yuan/year", "Public spending at this step's rate, a year: what sweeps compare", "", {}},
       [](const B& b, W& out) { out.put(b.total_ / b.years_per_step_); }},
  };
  return entries;
}

}  // namespace zhili
