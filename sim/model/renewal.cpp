#include "model/renewal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/rng.hpp"
#include "model/incidents.hpp"
#include "model/services.hpp"
#include "model/social_state.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

constexpr std::size_t kOwners = 0, kTenants = 1;
constexpr std::size_t kCompensationDispute = 0, kTenancyDispute = 1;
constexpr int kTries = 8;  // vacancy draws before a household gives up, as arrivals

// Counters of a household's draws: one stream, a purpose per draw.
enum Purpose : std::uint64_t { agree = 1, displace = 2, dispute_path = 3 };
std::uint64_t key(std::uint64_t id, Purpose p) { return id | (static_cast<std::uint64_t>(p) << 48); }

double nan() { return std::numeric_limits<double>::quiet_NaN(); }

[[noreturn]] void area_error(const Scenario& s, const RenewalProject& p, const std::string& problem,
                             const std::string& found, const std::string& expected) {
  const std::string path = "schedule[" + std::to_string(p.file_order) + "].renewal.area";
  Diagnostics d;
  d.add(Diagnostic{key_location(s, path), path, problem, found, expected, ""});
  throw ScenarioError(std::move(d));
}

std::string cell_text(int x, int y) { return "[" + std::to_string(x) + ", " + std::to_string(y) + "]"; }

}  // namespace

void Renewal::setup(const World& w, const Scenario& s, PublicServices* services) {
  scenario_ = &s;
  services_ = services;
  const CellGrid& g = w.grid;
  const RenewalSpec& rs = s.renewal;
  area_of_.assign(g.size(), 0);
  watched_.assign(g.size(), 0);
  destinations_.assign(g.size(), 0.0f);
  base_rent_.assign(g.rent.begin(), g.rent.end());
  projects_.clear();
  projects_.reserve(rs.projects.size());
  const double steps_per_month = 1.0 / (Calendar(s.run.start, s.run.step_unit).years_per_step() * 12.0);
  const auto steps = [&](double months) { return static_cast<std::int64_t>(std::llround(months * steps_per_month)); };
  for (const RenewalProject& spec : rs.projects) {
    // area_of_ numbers projects in 7 bits (its top bit marks cells being cleared).
    if (projects_.size() + 1 > 127) area_error(s, spec, "too many renewal projects", "over 127", "at most 127");
    Project p;
    p.spec = &spec;
    p.name = renewal_project_name(s, spec);
    const RenewalArea& a = spec.area;
    const auto on_map = [&](int x, int y) { return x >= 0 && y >= 0 && x < g.width && y < g.height; };
    const std::string map_size = "cells [0, " + std::to_string(g.width - 1) + "] x [0, " + std::to_string(g.height - 1) + "]";
    if (a.has_rect) {
      for (const CellXY& c : {a.from, a.to})
        if (!on_map(c.x, c.y)) area_error(s, spec, "a corner outside the map", cell_text(c.x, c.y), map_size);
      for (int y = std::min(a.from.y, a.to.y); y <= std::max(a.from.y, a.to.y); ++y)
        for (int x = std::min(a.from.x, a.to.x); x <= std::max(a.from.x, a.to.x); ++x) p.cells.push_back(g.index(x, y));
    } else if (!a.cells.empty()) {
      for (const CellXY& c : a.cells) {
        if (!on_map(c.x, c.y)) area_error(s, spec, "a cell outside the map", cell_text(c.x, c.y), map_size);
        p.cells.push_back(g.index(c.x, c.y));
      }
    } else {
      for (std::size_t c = 0; c < g.size(); ++c) p.cells.push_back(static_cast<std::int32_t>(c));
    }
    if (a.has_zone) std::erase_if(p.cells, [&](std::int32_t c) { return g.zone[static_cast<std::size_t>(c)] != a.zone; });
    std::sort(p.cells.begin(), p.cells.end());
    p.cells.erase(std::unique(p.cells.begin(), p.cells.end()), p.cells.end());
    if (p.cells.empty())
      area_error(s, spec, "an area without cells",
                 a.has_zone ? std::string("no ") + kZoneNames[static_cast<std::size_t>(a.zone)] + " cell in it" : "none",
                 "at least one cell of the map");
    for (const std::int32_t c : p.cells) {
      auto& owner = area_of_[static_cast<std::size_t>(c)];
      if (owner != 0)
        area_error(s, spec, "an area overlapping another project's", cell_text(g.x_of(c), g.y_of(c)) +
                   " is in " + projects_[owner - 1u].name, "areas that share no cell");
      owner = static_cast<std::uint8_t>(projects_.size() + 1);
    }
    // Near: within renewal.near_km of a cell of the area (centre to centre).
    const int reach = static_cast<int>(std::ceil(rs.near_km / g.cell_km));
    std::vector<std::uint8_t> near(g.size(), 0);
    for (const std::int32_t c : p.cells) {
      const int cx = g.x_of(c), cy = g.y_of(c);
      for (int y = std::max(0, cy - reach); y <= std::min(g.height - 1, cy + reach); ++y)
        for (int x = std::max(0, cx - reach); x <= std::min(g.width - 1, cx + reach); ++x)
          if (std::hypot(x - cx, y - cy) * g.cell_km <= rs.near_km) near[static_cast<std::size_t>(g.index(x, y))] = 1;
    }
    for (const std::int32_t c : p.cells) near[static_cast<std::size_t>(c)] = 0;
    for (std::size_t c = 0; c < g.size(); ++c)
      if (near[c]) p.near.push_back(static_cast<std::int32_t>(c));
    if (!spec.build.outlet.empty()) {
      const auto& outlets = s.services.outlets;
      const bool listed = s.services.enabled && std::any_of(outlets.begin(), outlets.end(),
                                                            [&](const OutletSpec& o) { return o.name == spec.build.outlet; });
      if (!listed) {
        const std::string path = "schedule[" + std::to_string(spec.file_order) + "].renewal.build.outlet";
        Diagnostics d;
        d.add(Diagnostic{key_location(s, path), path, "an outlet that is not listed", spec.build.outlet,
                         s.services.enabled ? "the name of an outlet of services.outlets" : "no outlet: services.enabled is false",
                         "list the outlet under services.outlets with open_at_start: false"});
        throw ScenarioError(std::move(d));
      }
    }
    p.consultation_end = spec.notice_step + steps(spec.consultation_months);
    p.demolition_steps = std::max<std::int64_t>(1, steps(spec.demolition_months));
    p.construction_steps = steps(spec.construction_months);
    p.max_wait_steps = steps(rs.max_wait_months);
    p.affected_steps = steps(rs.affected_months);
    projects_.push_back(std::move(p));
  }
  market_ = rs.rent_adjustment > 0;
  if (!active()) return;
  city_homes_.reserve(g.size());
  village_homes_.reserve(g.size());
  leavers_.reserve(w.households.capacity());
}

void Renewal::step(World& w, const StepContext& ctx) {
  const std::int64_t t = ctx.recorded_step();
  compensation_step_ = 0;
  disputes_step_ = {};
  disputes_pending_ = {};
  city_fresh_ = village_fresh_ = false;
  if (t < 0) return;  // spin-up: dates are from run.start
  const RenewalSpec& rs = ctx.scenario.renewal;
  if (!market_on_ && rs.rent_adjustment > 0) start_market(w.grid);
  for (Project& p : projects_) {
    if (p.stage == Stage::planned && t >= p.spec->notice_step) give_notice(p, w, ctx);
    if (p.stage == Stage::consultation) {
      consult(p, w, ctx);
      const bool consented = p.agreed_share >= p.spec->consent;
      if (t >= p.consultation_end && (consented || t >= p.consultation_end + p.max_wait_steps)) {
        p.stage = Stage::demolition;
        p.demolition_start = t;
      }
    }
    if (p.stage == Stage::demolition) {
      close_to_newcomers(p, p.cleared, w.grid);  // homes left by departures stay empty
      const auto k = static_cast<std::size_t>(t - p.demolition_start);
      const auto parts = static_cast<std::size_t>(p.demolition_steps);
      const std::size_t n = p.cells.size();
      const std::size_t to = k + 1 >= parts ? n : (k + 1) * n / parts;
      clear_cells(p, p.cleared, to, w, ctx);
      p.cleared = to;
      if (to == n) {
        p.stage = Stage::construction;
        p.demolition_end = t;
        p.completion = t + p.construction_steps;
        p.affected_until = t + p.affected_steps;
      }
    }
    if (p.stage == Stage::construction && t >= p.completion) complete(p, w, ctx);
    if (p.affected_until == t) end_affected(p, w, t);
  }
  if (market_on_) update_rents(w, ctx);
}

void Renewal::start_market(const CellGrid& g) {
  // The market starts where it stands at run.start: each zone's occupancy
  // rate then is its reference (its natural vacancy).
  market_on_ = true;
  rent_factor_.fill(1.0);
  std::array<double, kZoneCount> occupied{}, homes{};
  for (std::size_t c = 0; c < g.size(); ++c) {
    const auto z = static_cast<std::size_t>(g.zone[c]);
    occupied[z] += g.occupancy(static_cast<std::int32_t>(c));
    homes[z] += g.capacity[c];
  }
  for (std::size_t z = 0; z < kZoneCount; ++z) reference_occupancy_[z] = homes[z] > 0 ? occupied[z] / homes[z] : 0.0;
}

void Renewal::close_to_newcomers(const Project& p, std::size_t from, CellGrid& g) const {
  for (std::size_t k = from; k < p.cells.size(); ++k) {
    const auto c = static_cast<std::size_t>(p.cells[k]);
    g.capacity[c] = std::min(g.capacity[c], g.occupancy(p.cells[k]));
  }
}

void Renewal::give_notice(Project& p, World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const RenewalSpec& rs = ctx.scenario.renewal;
  const RenewalProject& spec = *p.spec;
  const double scale = ctx.scenario.population.scale;
  p.stage = Stage::consultation;
  p.notice_rent.clear();
  p.notice_capacity.clear();
  for (const std::int32_t c : p.cells) {
    p.notice_rent.push_back(g.rent[static_cast<std::size_t>(c)]);
    p.notice_capacity.push_back(g.capacity[static_cast<std::size_t>(c)]);
  }
  close_to_newcomers(p, 0, g);
  for (const std::int32_t c : p.cells) ++watched_[static_cast<std::size_t>(c)];
  for (const std::int32_t c : p.near) ++watched_[static_cast<std::size_t>(c)];
  const double relief = rs.relief(spec);
  const double shortfall = spec.shortfall();
  const std::uint8_t index = number_of(p);
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    if (area_of_[static_cast<std::size_t>(h.cell[i])] != index) continue;
    const bool tenant = is_migrant(h.registration[i]);
    const double load = tenant ? rs.notice_load : rs.notice_load + rs.shortfall_load * shortfall;
    h.unmet_load[i] += static_cast<float>(load * (1.0 - relief));
    h.social[i] = static_cast<std::uint8_t>((h.social[i] | social_bits::kAffected) & ~social_bits::kAgreed);
    p.affected.push_back(h.id[i]);
    notified_[tenant ? kTenants : kOwners] += scale;
  }
  std::sort(p.affected.begin(), p.affected.end());  // searched when cells are cleared
}

void Renewal::consult(Project& p, World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const RenewalSpec& rs = ctx.scenario.renewal;
  const std::int64_t t = ctx.recorded_step();
  close_to_newcomers(p, 0, g);
  // Owners agree through the months after the notice, the more readily the
  // fuller the compensation.
  const double monthly = std::min(1.0, rs.agree_rate * std::min(1.0, p.spec->compensation));
  const double p_agree = t > p.spec->notice_step ? -std::expm1(std::log1p(-monthly) * ctx.years_per_step * 12.0) : 0.0;
  const std::uint8_t index = number_of(p);
  double owners = 0, agreed = 0;
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    if (area_of_[static_cast<std::size_t>(h.cell[i])] != index || is_migrant(h.registration[i])) continue;
    owners += 1;
    if (!(h.social[i] & social_bits::kAgreed) && p_agree > 0 &&
        CounterRng(ctx.seed(), Stream::renewal, static_cast<std::uint64_t>(ctx.step), key(h.id[i], agree)).bernoulli(p_agree))
      h.social[i] |= social_bits::kAgreed;
    agreed += (h.social[i] & social_bits::kAgreed) ? 1 : 0;
  }
  p.agreed_share = owners > 0 ? agreed / owners : 1.0;
}

std::int32_t Renewal::find_home(World& w, VacancyIndex::Zones zones, float max_rent, CounterRng& rng,
                                const StepContext& ctx) {
  const auto& g = w.grid;
  const bool city = zones == VacancyIndex::Zones::urban;
  VacancyIndex& index = city ? city_homes_ : village_homes_;
  bool& fresh = city ? city_fresh_ : village_fresh_;
  if (!fresh) {
    index.rebuild(g, zones, ctx.exec);
    fresh = true;
  }
  if (index.homes() == 0) return -1;
  for (int t = 0; t < kTries; ++t) {
    // Two random vacant homes, the cheaper (arrivals' rule, model/flows.cpp).
    const std::int32_t a = index.draw(rng);
    const std::int32_t b = index.draw(rng);
    const std::int32_t pick = g.rent[static_cast<std::size_t>(b)] < g.rent[static_cast<std::size_t>(a)] ? b : a;
    if (g.occupancy(pick) < g.capacity[static_cast<std::size_t>(pick)] && g.rent[static_cast<std::size_t>(pick)] <= max_rent)
      return pick;
  }
  return -1;
}

void Renewal::move(World& w, std::size_t slot, std::int32_t to) {
  auto& g = w.grid;
  auto& h = w.households;
  const auto from = static_cast<std::size_t>(h.cell[slot]);
  auto& counts = is_migrant(h.registration[slot]) ? g.migrants : g.registered;
  --counts[from];
  ++counts[static_cast<std::size_t>(to)];
  h.cell[slot] = to;
}

void Renewal::clear_cells(Project& p, std::size_t from, std::size_t to, World& w, const StepContext& ctx) {
  if (from >= to) return;
  auto& g = w.grid;
  auto& h = w.households;
  const RenewalSpec& rs = ctx.scenario.renewal;
  const RenewalProject& spec = *p.spec;
  const double scale = ctx.scenario.population.scale;
  const double relief = rs.relief(spec);
  const double shortfall = spec.shortfall();
  const double p_owner_dispute = std::min(1.0, rs.compensation_dispute + rs.shortfall_dispute * shortfall);
  const double p_tenant_dispute = rs.tenancy_dispute * (1.0 - relief);
  const bool disputes_on = ctx.scenario.disputes.enabled;
  constexpr float kAnyRent = std::numeric_limits<float>::infinity();
  // The cells cleared now lose their homes; the rent each had at the notice
  // values its owners' homes and bounds its tenants' search.
  std::vector<float>& rent_at = p.notice_rent;
  for (std::size_t k = from; k < to; ++k) {
    const auto c = static_cast<std::size_t>(p.cells[k]);
    homes_lost_ += p.notice_capacity[k] * scale;
    g.capacity[c] = 0;
    area_of_[c] |= 0x80;  // marks "clearing now" until the pass below is done
  }
  const auto index = static_cast<std::uint8_t>(number_of(p) | 0x80);
  const auto rent_of = [&](std::int32_t cell) {
    const auto it = std::lower_bound(p.cells.begin(), p.cells.end(), cell);
    return rent_at[static_cast<std::size_t>(it - p.cells.begin())];
  };
  leavers_.clear();
  const std::size_t listed = p.affected.size();  // sorted; this pass appends (each household once)
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    const std::int32_t cell = h.cell[i];
    if (area_of_[static_cast<std::size_t>(cell)] != index) continue;
    const HouseholdId id = h.id[i];
    CounterRng rng(ctx.seed(), Stream::renewal, static_cast<std::uint64_t>(ctx.step), key(id, displace));
    const bool tenant = is_migrant(h.registration[i]);
    const bool agreed = (h.social[i] & social_bits::kAgreed) != 0;
    const float old_rent = rent_of(cell);
    // Listed once per project, whether it came after the notice or another
    // project affected it too (end_affected keeps the flag for the other).
    if (!std::binary_search(p.affected.begin(), p.affected.begin() + static_cast<std::ptrdiff_t>(listed), id))
      p.affected.push_back(id);
    h.social[i] = static_cast<std::uint8_t>((h.social[i] | social_bits::kAffected) & ~social_bits::kAgreed);
    if (tenant) {
      h.unmet_load[i] += static_cast<float>(rs.eviction_load * (1.0 - relief));
      if (disputes_on && rng.bernoulli(p_tenant_dispute)) ++disputes_pending_[kTenancyDispute];
      const std::int32_t home =
          find_home(w, VacancyIndex::Zones::urban, static_cast<float>(rs.tenant_rent_tolerance) * old_rent, rng, ctx);
      if (home >= 0) {
        move(w, i, home);
        destinations_[static_cast<std::size_t>(home)] += static_cast<float>(scale);
        displaced_[kTenants][static_cast<std::size_t>(Displaced::moved)] += scale;
      } else {
        leavers_.push_back(static_cast<std::uint32_t>(i));
        displaced_[kTenants][static_cast<std::size_t>(Displaced::left)] += scale;
      }
      continue;
    }
    compensation_step_ += static_cast<double>(old_rent) * 12.0 * rs.home_value_years * spec.compensation * scale;
    if (!agreed) {
      h.unmet_load[i] += static_cast<float>(rs.eviction_load);
      if (disputes_on && rng.bernoulli(p_owner_dispute)) ++disputes_pending_[kCompensationDispute];
    }
    Displaced where = Displaced::moved;
    std::int32_t home = -1;
    if (h.registration[i] == Registration::registered_rural && !rng.bernoulli(spec.hukou_conversion)) {
      home = find_home(w, VacancyIndex::Zones::rural, kAnyRent, rng, ctx);  // another village
    } else {
      if (h.registration[i] == Registration::registered_rural) {
        // 农转非: an urban hukou, and no farm: the household's workers seek urban work.
        h.registration[i] = Registration::registered_urban;
        if (h.sector[i] == Sector::primary) {
          h.sector[i] = Sector::none;
          h.unemployed_steps[i] = 0;
        }
      }
      if (rng.bernoulli(spec.resettled)) where = Displaced::resettled;
      home = find_home(w, VacancyIndex::Zones::urban, kAnyRent, rng, ctx);
    }
    if (home < 0) {
      leavers_.push_back(static_cast<std::uint32_t>(i));
      displaced_[kOwners][static_cast<std::size_t>(Displaced::left)] += scale;
      continue;
    }
    move(w, i, home);
    destinations_[static_cast<std::size_t>(home)] += static_cast<float>(scale);
    displaced_[kOwners][static_cast<std::size_t>(where)] += scale;
    if (where == Displaced::resettled) p.returning.push_back(id);
  }
  for (std::size_t k = from; k < to; ++k) area_of_[static_cast<std::size_t>(p.cells[k])] &= 0x7f;
  std::sort(p.affected.begin(), p.affected.end());
  // Leavers from the back, so the household swapped into a freed slot has been seen.
  for (auto it = leavers_.rbegin(); it != leavers_.rend(); ++it) {
    const auto slot = static_cast<std::size_t>(*it);
    auto& counts = is_migrant(h.registration[slot]) ? g.migrants : g.registered;
    --counts[static_cast<std::size_t>(h.cell[slot])];
    h.remove(slot);
  }
  for (std::size_t k = 0; k < 2; ++k) disputes_step_[k] = static_cast<double>(disputes_pending_[k]) * scale;
}

void Renewal::complete(Project& p, World& w, const StepContext& ctx) {
  auto& g = w.grid;
  auto& h = w.households;
  const RenewalProject& spec = *p.spec;
  const double scale = ctx.scenario.population.scale;
  const auto z = static_cast<std::size_t>(spec.build.zone);
  const double rent = spec.build.rent > 0 ? spec.build.rent : ctx.scenario.world.rent[z];
  for (const std::int32_t c : p.cells) {
    const auto k = static_cast<std::size_t>(c);
    g.zone[k] = spec.build.zone;
    g.capacity[k] = spec.build.homes;
    base_rent_[k] = static_cast<float>(rent);
    g.rent[k] = static_cast<float>(rent * (market_on_ ? rent_factor_[z] : 1.0));
    homes_built_ += spec.build.homes * scale;
  }
  // Resettled owners come back, in the order they left, while homes last.
  std::size_t next = 0;
  for (const HouseholdId id : p.returning) {
    const std::int32_t slot = h.slot_of(id);
    if (slot < 0) continue;  // gone meanwhile
    while (next < p.cells.size() && g.occupancy(p.cells[next]) >= g.capacity[static_cast<std::size_t>(p.cells[next])]) ++next;
    if (next == p.cells.size()) break;
    move(w, static_cast<std::size_t>(slot), p.cells[next]);
    returned_ += scale;
  }
  p.returning.clear();
  p.returning.shrink_to_fit();
  if (!spec.build.outlet.empty() && services_ != nullptr) {
    OutletEvent open;
    open.kind = OutletEvent::Kind::open;
    open.step = ctx.recorded_step();
    open.outlet = spec.build.outlet;
    open.order = spec.order;
    services_->schedule_event(std::move(open));
  }
  p.stage = Stage::complete;
}

void Renewal::end_affected(Project& p, World& w, std::int64_t t) {
  auto& h = w.households;
  // A household another project still counts keeps its flag.
  std::vector<HouseholdId> others;
  for (const Project& q : projects_)
    if (&q != &p && q.stage != Stage::planned && (q.affected_until < 0 || q.affected_until > t))
      others.insert(others.end(), q.affected.begin(), q.affected.end());
  std::sort(others.begin(), others.end());
  for (const HouseholdId id : p.affected) {
    const std::int32_t slot = h.slot_of(id);
    if (slot >= 0 && !std::binary_search(others.begin(), others.end(), id))
      h.social[static_cast<std::size_t>(slot)] &= static_cast<std::uint8_t>(~social_bits::kAffected);
  }
  p.affected.clear();
  p.affected.shrink_to_fit();
  for (const std::int32_t c : p.cells) --watched_[static_cast<std::size_t>(c)];
  for (const std::int32_t c : p.near) --watched_[static_cast<std::size_t>(c)];
}

void Renewal::update_rents(World& w, const StepContext& ctx) {
  auto& g = w.grid;
  const double lambda = ctx.scenario.renewal.rent_adjustment;
  const auto in_progress = [&](std::size_t c) {
    const std::uint8_t a = area_of_[c];
    return a != 0 && projects_[a - 1u].stage != Stage::planned && projects_[a - 1u].stage != Stage::complete;
  };
  std::array<double, kZoneCount> occupied{}, homes{};
  for (std::size_t c = 0; c < g.size(); ++c) {
    if (in_progress(c)) continue;
    const auto z = static_cast<std::size_t>(g.zone[c]);
    occupied[z] += g.occupancy(static_cast<std::int32_t>(c));
    homes[z] += g.capacity[c];
  }
  // Each zone's rent moves toward a level set by how much of its vacancy
  // at the start has been taken up (the vacancy rate's gap, after Rosen &
  // Smith 1983), at a yearly speed: a zone whose vacant homes all filled
  // heads for (1 + rent_elasticity) times its rents.
  const double elasticity = ctx.scenario.renewal.rent_elasticity;
  const double pull = -std::expm1(-lambda * ctx.years_per_step);
  for (std::size_t z = 0; z < kZoneCount; ++z) {
    if (homes[z] <= 0) continue;
    const double vacant_then = 1.0 - reference_occupancy_[z];
    const double taken_up = vacant_then > 0 ? (occupied[z] / homes[z] - reference_occupancy_[z]) / vacant_then : 0.0;
    const double target = std::max(0.25, 1.0 + elasticity * taken_up);
    rent_factor_[z] += pull * (target - rent_factor_[z]);
  }
  for (std::size_t c = 0; c < g.size(); ++c)
    if (!in_progress(c)) g.rent[c] = static_cast<float>(base_rent_[c] * rent_factor_[static_cast<std::size_t>(g.zone[c])]);
}

void Renewal::file_disputes(Disputes& d, const StepContext& ctx) {
  const DisputeSpec& ds = ctx.scenario.disputes;
  std::uint64_t j = 0;
  for (const std::size_t k : {kCompensationDispute, kTenancyDispute}) {
    const DisputeKind kind = k == kCompensationDispute ? DisputeKind::administrative : DisputeKind::tenancy;
    const double mediated = ds.kinds[static_cast<std::size_t>(kind)].mediation_share;
    for (std::int64_t n = 0; n < disputes_pending_[k]; ++n, ++j) {
      CounterRng r(ctx.seed(), Stream::renewal, static_cast<std::uint64_t>(ctx.step), key(j, dispute_path));
      d.file(kind, r.bernoulli(mediated) ? DisputePath::mediation : DisputePath::court, false, ctx.step);
    }
  }
}

void Renewal::measure(const World& w, const StepContext& ctx, std::int64_t affected_complaints,
                      const IncidentTracker* incidents) {
  const auto& g = w.grid;
  const double scale = ctx.scenario.population.scale;
  complaints_step_ = static_cast<double>(affected_complaints) * scale;
  incidents_step_ = 0;
  if (incidents != nullptr)
    for (const IncidentRecord& r : incidents->open())
      if (r.start_step == ctx.recorded_step() && watched_[static_cast<std::size_t>(r.centre)] > 0) incidents_step_ += 1;
  // Means weighted by homes: inside the areas past their notice, near them, in
  // the urban villages outside every area.
  std::array<double, 3> rent_sum{}, homes{};
  std::array<double, 3> occupied{};
  const auto add = [&](std::size_t where, std::size_t c) {
    rent_sum[where] += static_cast<double>(g.rent[c]) * g.capacity[c];
    homes[where] += g.capacity[c];
    occupied[where] += g.occupancy(static_cast<std::int32_t>(c));
  };
  double agreed = 0, consulting = 0;
  for (const Project& p : projects_) {
    if (p.stage == Stage::planned) continue;
    for (const std::int32_t c : p.cells) add(0, static_cast<std::size_t>(c));
    for (const std::int32_t c : p.near) add(1, static_cast<std::size_t>(c));
    if (p.stage == Stage::consultation) {
      agreed += p.agreed_share;
      consulting += 1;
    }
  }
  for (std::size_t c = 0; c < g.size(); ++c)
    if (g.zone[c] == Zone::urban_village && area_of_[c] == 0) add(2, c);
  for (std::size_t k = 0; k < 3; ++k) rent_[k] = homes[k] > 0 ? rent_sum[k] / homes[k] : nan();
  occupancy_[0] = homes[1] > 0 ? occupied[1] / homes[1] : nan();
  occupancy_[1] = homes[2] > 0 ? occupied[2] / homes[2] : nan();
  agreed_ = consulting > 0 ? agreed / consulting : nan();
}

void Renewal::declare(ObservableTable& table, const Scenario& s) {
  if (!active()) return;
  auto entries = series_entries();
  for (auto& e : entries)
    if (e.spec.name == "renewal_stage")
      for (const Project& p : projects_) e.spec.labels.push_back(p.name);
  table.add(entries, s, *this);
  table.add(map_entries(), s, *this);
}

const std::vector<SeriesEntry<Renewal>>& Renewal::series_entries() {
  using R = Renewal;
  using W = SeriesWriter;
  static const std::vector<SeriesEntry<Renewal>> entries{
      {{"renewal_displaced", "households",
        "Households displaced by renewal projects since the start, by group (owners: registered residents "
        "and villagers; tenants: migrants) and where they went: moved within the district, resettled (a home "
        "in the rebuilt area, housed in the district meanwhile), or left it",
        "group_destination",
        {"owners_moved", "owners_resettled", "owners_left", "tenants_moved", "tenants_resettled", "tenants_left"}},
       [](const R& r, W& out) {
         for (const auto& group : r.displaced_) out.put_each(group);
       }},
      {{"renewal_notified", "households", "Households living in a project's area at its notice, since the start",
        "group", {"owners", "tenants"}},
       [](const R& r, W& out) { out.put_each(r.notified_); }},
      {{"renewal_returned", "households",
        "Resettled owners who moved into their project's rebuilt area, since the start", "", {}, Better::higher},
       [](const R& r, W& out) { out.put(r.returned_); }},
      {{"renewal_agreed", "1",
        "Share of owners who agreed to the terms, mean over the projects in consultation (NaN: none)", "", {}},
       [](const R& r, W& out) { out.put(r.agreed_); }},
      {{"renewal_homes", "homes", "Homes demolished and built by renewal projects since the start", "change",
        {"lost", "built"}},
       [](const R& r, W& out) {
         out.put(r.homes_lost_);
         out.put(r.homes_built_);
       }},
      {{"renewal_compensation", "yuan/step",
        "Compensation paid to the owners displaced in the step: their home's market value "
        "(renewal.home_value_years of its rent) times the project's compensation share",
        "", {}},
       [](const R& r, W& out) { out.put(r.compensation_step_); }},
      {{"renewal_rent", "yuan/month",
        "Mean rent of a home (weighted by homes): inside the areas past their notice (NaN while none has "
        "homes), near them (within renewal.near_km), and in the urban villages outside every area",
        "where", {"inside", "near", "urban_village"}},
       [](const R& r, W& out) { out.put_each(r.rent_); }},
      {{"renewal_occupancy", "1", "Occupied share of the homes near the areas past their notice, and of the "
        "urban villages outside every area", "where", {"near", "urban_village"}},
       [](const R& r, W& out) { out.put_each(r.occupancy_); }},
      {{"renewal_disputes", "disputes/step",
        "Disputes raised by displacement in the step: compensation (administrative) disputes of owners who "
        "had not agreed, tenancy disputes of tenants", "kind", {"compensation", "tenancy"}, Better::lower},
       [](const R& r, W& out) { out.put_each(r.disputes_step_); }},
      {{"renewal_complaints", "complaints/step",
        "Complaints filed in the step by households a project notified or displaced, until "
        "renewal.affected_months after its demolition", "", {}, Better::lower},
       [](const R& r, W& out) { out.put(r.complaints_step_); }},
      {{"renewal_incidents", "incidents/step",
        "Collective incidents that started in the step in or near an area, from its notice until "
        "renewal.affected_months after its demolition", "", {}, Better::lower},
       [](const R& r, W& out) { out.put(r.incidents_step_); },
       [](const Scenario& s) { return s.conflict.enabled; }},
      {{"renewal_stage", "stage",
        "Stage of each project: 0 planned, 1 consultation, 2 demolition, 3 construction, 4 complete", "project",
        {}},
       [](const R& r, W& out) {
         for (const Project& p : r.projects_) out.put(static_cast<double>(p.stage));
       },
       [](const Scenario& s) { return !s.renewal.projects.empty(); }},
  };
  return entries;
}

const std::vector<MapEntry<Renewal>>& Renewal::map_entries() {
  using R = Renewal;
  static const std::vector<MapEntry<Renewal>> entries{
      {{"renewal_area", "project", "Renewal project of each cell: its number in the schedule's projects, 0 none"},
       [](const R& r, const MapInputs&, std::span<float> cells) {
         for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = static_cast<float>(r.area_of_[c] & 0x7f);
       }},
      {{"renewal_destinations", "households", "Displaced households who moved into each cell, since the start"},
       [](const R& r, const MapInputs&, std::span<float> cells) {
         std::copy(r.destinations_.begin(), r.destinations_.end(), cells.begin());
       }},
  };
  return entries;
}

void Renewal::serialize(Archive& a, World& w) {
  a.section("renewal");
  std::uint64_t n = projects_.size();
  a.pod(n);
  if (n != projects_.size()) throw std::runtime_error("the checkpoint has another number of renewal projects");
  if (!active()) return;
  a.vec(w.grid.zone);
  a.vec(base_rent_);
  a.vec(watched_);
  a.vec(destinations_);
  a.pod(market_on_);
  a.array(rent_factor_);
  a.array(reference_occupancy_);
  a.pod(displaced_);
  a.array(notified_);
  a.pod(returned_);
  a.pod(homes_lost_);
  a.pod(homes_built_);
  for (Project& p : projects_) {
    a.pod(p.stage);
    a.pod(p.demolition_start);
    a.pod(p.demolition_end);
    a.pod(p.completion);
    a.pod(p.affected_until);
    a.pod(p.cleared);
    a.pod(p.agreed_share);
    a.vec(p.notice_rent);
    a.vec(p.notice_capacity);
    a.vec(p.returning);
    a.vec(p.affected);
  }
}

}  // namespace zhili
