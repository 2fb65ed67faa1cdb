#include "model/grievance.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "core/hash_batch.hpp"
#include "core/normal.hpp"
#include "core/prefault.hpp"
#include "core/rng.hpp"
#include "model/families.hpp"  // shock_bits
#include "model/grievance_rules.hpp"
#include "model/social_state.hpp"

namespace zhili {

namespace rules = grievance_rules;

namespace {

// One pass event, packed in 32 bits: what happened to the household, and its
// slot within its block (the events of a block are written from the block's
// own place, so the block gives the rest of the slot). Four bytes a
// household: the array has room for every household.
struct PassEvent {
  bool active = false, complaint = false, dispute = false, online = false;
  std::uint8_t channel = 0, kind = 0, path = 0, zone = 0;
  std::uint32_t slot = 0;
};
constexpr int kSlotShift = 16;
static_assert(Executor::kBlock <= (std::size_t{1} << (32 - kSlotShift)));
std::uint32_t pack(const PassEvent& e) {
  return static_cast<std::uint32_t>(e.active) | (static_cast<std::uint32_t>(e.complaint) << 1) |
         (static_cast<std::uint32_t>(e.channel) << 2) | (static_cast<std::uint32_t>(e.dispute) << 4) |
         (static_cast<std::uint32_t>(e.kind) << 5) | (static_cast<std::uint32_t>(e.path) << 8) |
         (static_cast<std::uint32_t>(e.online) << 10) | (static_cast<std::uint32_t>(e.zone) << 11) |
         (static_cast<std::uint32_t>(e.slot % Executor::kBlock) << kSlotShift);
}
PassEvent unpack(std::uint32_t w, std::size_t block_first) {
  PassEvent e;
  e.active = (w & 1) != 0;
  e.complaint = ((w >> 1) & 1) != 0;
  e.channel = static_cast<std::uint8_t>((w >> 2) & 3);
  e.dispute = ((w >> 4) & 1) != 0;
  e.kind = static_cast<std::uint8_t>((w >> 5) & 7);
  e.path = static_cast<std::uint8_t>((w >> 8) & 3);
  e.online = ((w >> 10) & 1) != 0;
  e.zone = static_cast<std::uint8_t>((w >> 11) & 31);
  e.slot = static_cast<std::uint32_t>(block_first + (w >> kSlotShift));
  return e;
}
static_assert(kZoneCount <= 32 && kDisputeKindCount <= 8 && kChannelCount <= 4 && kDisputePathCount <= 4);

bool in_urban_work(Sector s) { return s == Sector::secondary || s == Sector::tertiary; }

GrievanceSums add_sums(GrievanceSums a, const GrievanceSums& b) {
  for (std::size_t k = 0; k < 2; ++k) {
    a.grievance_group[k] += b.grievance_group[k];
    a.households_group[k] += b.households_group[k];
    a.legitimacy_group[k] += b.legitimacy_group[k];
    a.shock_hardship[k] += b.shock_hardship[k];
    a.shock_households[k] += b.shock_households[k];
  }
  for (std::size_t z = 0; z < kZoneCount; ++z) {
    a.grievance_zone[z] += b.grievance_zone[z];
    a.households_zone[z] += b.households_zone[z];
  }
  a.hardship += b.hardship;
  a.grievance += b.grievance;
  a.households += b.households;
  a.persons += b.persons;
  a.rent += b.rent;
  a.income += b.income;
  a.events += b.events;
  return a;
}

// Households ahead whose cell record the pass fetches.
constexpr std::size_t kCellAhead = 16;

}  // namespace

void Grievance::setup(const World& w, const Scenario& s, PublicServices* services) {
  scenario_ = &s;
  services_ = services;
  if (services_ != nullptr) services_->record_closures(s.grievance.enabled);
  legitimacy_.fill(s.grievance.legitimacy);
  const auto& h = w.households;
  double persons = 0;
  for (std::size_t i = 0; i < h.size_alive(); ++i) persons += h.size[i];
  residents_ = persons * s.population.scale;
  double rent = 0, income = 0;
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    if (h.registration[i] != Registration::registered_rural && h.income[i] > 0) {
      rent += w.grid.rent[static_cast<std::size_t>(h.cell[i])];
      income += h.income[i];
    }
  city_rent_to_income_ = income > 0 ? rent / income : 0.0;
  channels_.setup(s, h.capacity());
  disputes_.setup(s, h.capacity());
  if (s.conflict.enabled) conflict_.setup(w, s);
  reserve_touched(events_, h.capacity());  // core/prefault.hpp: one entry per household each step
  closure_slot_.reserve(h.capacity());
  actives_.reserve(h.capacity() / 8);
  reserve_touched(g_byte_, h.capacity());
  reserve_touched(cell_view_, w.grid.size());  // a record per cell each step
}

void Grievance::take_closures(World& w, const StepContext& ctx) {
  if (services_ == nullptr) return;
  auto& h = w.households;
  const auto& needs = ctx.scenario.services.needs;
  const double wait_weight = ctx.scenario.grievance.wait_weight;
  const auto& closures = services_->closures();
  closure_slot_.resize(closures.size());  // within the reserve
  ctx.exec.for_range(closures.size(), 4096, [&](std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k) closure_slot_[k] = h.slot_of(closures[k].household);
  });
  // Each task owns a range of slots and adds, in closure order, the closures
  // of its households: a household's load gets the same additions in the
  // same order however the slots are split.
  const std::size_t n = h.size_alive();
  const auto parts = static_cast<std::size_t>(ctx.exec.threads());
  ctx.exec.for_range(parts, 1, [&](std::size_t pb, std::size_t pe) {
    const auto lo = static_cast<std::int32_t>(pb * n / parts), hi = static_cast<std::int32_t>(pe * n / parts);
    for (std::size_t k = 0; k < closures.size(); ++k) {
      const std::int32_t slot = closure_slot_[k];
      if (slot < lo || slot >= hi) continue;  // departed (-1), or another task's
      const PublicServices::Closure& c = closures[k];
      const double importance = needs[c.need].importance;
      const double load = importance * (wait_weight * c.days / 365.25 + (c.unmet ? 1.0 : 0.0));
      h.unmet_load[static_cast<std::size_t>(slot)] += static_cast<float>(load);
    }
  });
}

void Grievance::update_legitimacy(const StepContext& ctx) {
  const GrievanceSpec& spec = ctx.scenario.grievance;
  double service_term = 0;  // trips and waits
  const ServiceTally* services = services_ != nullptr ? &services_->tally() : nullptr;
  if (services != nullptr) {
    const double completed = services->completed_group[0] + services->completed_group[1];
    if (completed > 0)
      service_term = -spec.trips_weight * (services->trips_of_completed / completed - 1.0) -
                   spec.wait_months_weight * services->days_to_complete / completed / (365.25 / 12.0);
  }
  const ChannelTally& answered = channels_.tally();  // last step's decisions
  const double months = ctx.years_per_step * 12.0;
  const double pull =
      spec.legitimacy_memory_months > 0 ? -std::expm1(-months / spec.legitimacy_memory_months) : 1.0;
  for (std::size_t z = 0; z < kZoneCount; ++z) {
    double target = spec.legitimacy - ctx.lever(LeverId::conflict_legitimacy_shock) + service_term;
    if (services != nullptr && services->closed_zone[z] > 0)
      target += spec.coverage_weight *
                (services->completed_zone[z] / services->closed_zone[z] - spec.coverage_reference);
    if (answered.decided_zone[z] > 0)
      target += spec.response_weight *
                (answered.answered_zone[z] / answered.decided_zone[z] - spec.response_reference);
    target = std::clamp(target, 0.0, 1.0);
    legitimacy_[z] += pull * (target - legitimacy_[z]);
  }
}

void Grievance::take_in(World& w, const StepContext& ctx) {
  const Scenario& s = ctx.scenario;
  if (s.grievance.enabled) {
    take_closures(w, ctx);
    update_legitimacy(ctx);
  }
  channels_.begin_step();
  disputes_.begin_step();
  if (s.conflict.enabled) conflict_.prepare(w, ctx, residents_);
}

void Grievance::activate_sequential(World& w, const StepContext& ctx) {
  conflict_.activate_sequential(w, ctx, g_float_, r_float_, actives_);
}

void Grievance::answer_complaints(World& w, const StepContext& ctx) { channels_.step(w, ctx, residents_); }

void Grievance::conclude_disputes(const StepContext& ctx) { disputes_.step(ctx, residents_); }

void Grievance::enforce(World& w, const StepContext& ctx) { conflict_.enforce(w, ctx, actives_); }

const Grievance::CellView* Grievance::prepare_cell_view(const CellGrid& g, const StepContext& ctx,
                                                        bool want_income) {
  const bool conflict_on = ctx.scenario.conflict.enabled;
  cell_view_.resize(g.size());
  ctx.exec.for_range(g.size(), 4096, [&](std::size_t b, std::size_t e) {
    for (std::size_t c = b; c < e; ++c)
      cell_view_[c] = {g.rent[c], conflict_on ? conflict_.arrest_probability(c) : 0.0f,
                       want_income ? conflict_.vision_income(c) : 0.0f, static_cast<std::uint8_t>(g.zone[c])};
  });
  return cell_view_.data();
}

void Grievance::household_pass(World& w, const StepContext& ctx) {
  auto& h = w.households;
  const auto& g = w.grid;
  const Scenario& s = ctx.scenario;
  const GrievanceSpec& gs = s.grievance;
  const DisputeSpec& ds = s.disputes;
  const ConflictSpec& cs = s.conflict;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const double months = ctx.years_per_step * 12.0;
  const bool grievance_on = gs.enabled;
  const bool conflict_on = cs.enabled;
  const bool complaints_on = gs.enabled && gs.channels_enabled;
  const bool disputes_on = ds.enabled;
  const bool economy = s.economy.enabled;
  const bool want_income = conflict_on && conflict_.wants_income();
  const bool sequential = conflict_on && cs.activation == ConflictActivation::sequential;
  const double city_ratio = city_rent_to_income_;

  // The unmet-need load is forgotten (memory_months) and, with grid_relief,
  // settled by grid workers in proportion to their number.
  const double settled = gs.grid_relief * ctx.lever(LeverId::conflict_grid_workers) * ctx.years_per_step;
  const auto decay =
      static_cast<float>(gs.memory_months > 0 ? std::exp(-months / gs.memory_months - settled) : 0.0);
  std::array<float, kZoneCount> not_legit{};
  const std::array<double, kZoneCount> legit = legitimacy_;
  for (std::size_t z = 0; z < kZoneCount; ++z) not_legit[z] = static_cast<float>(1.0 - legitimacy_[z]);
  const double p_complain = -std::expm1(-gs.complaint_rate * ctx.years_per_step);
  const double assistance = ctx.lever(LeverId::conflict_assistance);

  // Dispute rates by household class, grown by disputes.growth since the start.
  const rules::DisputeTable table =
      disputes_on ? rules::dispute_table(ds, ctx.years(), ctx.years_per_step) : rules::DisputeTable{};
  const bool internet_court = ctx.lever(LeverId::disputes_internet_court_capacity) > 0;

  const StepHash own_hardship(seed, Stream::hardship_draw, 0);
  const StepHash own_risk(seed, Stream::risk_aversion, 0);
  const StepHash own_threshold(seed, Stream::activation_threshold, 0);
  const bool spread_thresholds = conflict_on && cs.threshold_spread > 0;
  const float* threshold_z = normal_bin_midpoints().data();
  const StepHash own_assistance(seed, Stream::assistance, 0);
  const StepHash whether_complain(seed, Stream::complaint, step);
  const StepHash whether_dispute(seed, Stream::dispute, step);
  std::int32_t* cell_active = conflict_on ? conflict_.cell_actives() : nullptr;

  const CellView* cells = prepare_cell_view(g, ctx, want_income);

  const std::size_t n = h.size_alive();
  events_.resize(n);
  g_byte_.resize(n);
  if (sequential) {
    g_float_.resize(n);
    r_float_.resize(n);
  }
  sums_ = deterministic_reduce(
      ctx.exec, n, block_sums_, GrievanceSums{},
      [&](std::size_t b, std::size_t e) {
        GrievanceSums acc;
        std::uint32_t* out = events_.data() + b;
        // The draws every household makes, for the block at once (a loop
        // the compiler vectorises: core/hash_batch.hpp).
        std::array<double, Executor::kBlock> u_hardship, u_risk, u_dispute;
        // Each household's own threshold is T + spread z (Granovetter), z its
        // fixed normal rank; the offsets spread z are filled for the block
        // before the loop (0 without a spread), so the loop reads them
        // without a branch.
        std::array<float, Executor::kBlock> offset;
        if (grievance_on) step_hash_uniforms(own_hardship, &h.id[b], e - b, u_hardship.data());
        if (conflict_on) step_hash_uniforms(own_risk, &h.id[b], e - b, u_risk.data());
        if (spread_thresholds) {
          step_hash_uniforms(own_threshold, &h.id[b], e - b, u_dispute.data());  // u_dispute: not drawn yet
          for (std::size_t k = 0; k < e - b; ++k)
            offset[k] = static_cast<float>(cs.threshold_spread * threshold_z[normal_bin(u_dispute[k])]);
        } else if (conflict_on) {
          std::fill_n(offset.begin(), e - b, 0.0f);
        }
        if (disputes_on) step_hash_uniforms(whether_dispute, &h.id[b], e - b, u_dispute.data());
        for (std::size_t i = b; i < e; ++i) {
          // The cell record of a household ahead: a cache miss otherwise
          // (profiled: the largest single cost of the pass).
          if (i + kCellAhead < e) __builtin_prefetch(&cells[static_cast<std::size_t>(h.cell[i + kCellAhead])]);
          const std::uint64_t id = h.id[i];
          const auto cell = static_cast<std::size_t>(h.cell[i]);
          const CellView& here = cells[cell];
          const auto zone = static_cast<std::size_t>(here.zone);
          const bool migrant = is_migrant(h.registration[i]);
          const bool rural = h.registration[i] == Registration::registered_rural;
          const float income = h.income[i];
          const std::uint8_t state = h.social[i];
          const int escalation = social_bits::escalation(state);
          const bool urban_work = in_urban_work(h.sector[i]);
          double burden = 0;
          if (economy && !rural && city_ratio > 0) {
            burden = rules::rent_burden(here.rent, income, city_ratio, gs.housing_threshold);
            if (income > 0) {
              acc.rent += here.rent;
              acc.income += income;
            }
          }
          const bool burdened = burden > gs.housing_threshold;
          acc.persons += h.size[i];
          acc.households += 1;
          PassEvent ev;
          ev.slot = static_cast<std::uint32_t>(i);
          ev.zone = static_cast<std::uint8_t>(zone);

          float grievance = 0;
          bool special_risk = false;
          if (grievance_on) {
            const float load = h.unmet_load[i] * decay;
            h.unmet_load[i] = load;
            special_risk = h.special[i] != 0 && !own_assistance.bernoulli(id, assistance);
            rules::Pressures p;
            p.unmet_load = load;
            p.escalation = escalation;
            p.in_the_city_economy = economy && !rural;
            p.unemployed = h.workers[i] > 0 && h.sector[i] == Sector::none;
            p.burden = burden;
            p.income = income;
            p.mean_income = want_income ? here.mean_income : 0.0f;
            p.special_risk = special_risk;
            const double hardship =
                rules::hardship(gs.personal, u_hardship[i - b], rules::hardship_exponent(gs, cs, p));
            grievance = static_cast<float>(hardship) * not_legit[zone];
            acc.hardship += hardship;
            acc.grievance += grievance;
            acc.grievance_group[migrant ? 1 : 0] += grievance;
            acc.households_group[migrant ? 1 : 0] += 1;
            acc.legitimacy_group[migrant ? 1 : 0] += legit[zone];
            acc.grievance_zone[zone] += grievance;
            acc.households_zone[zone] += 1;
            if (h.shock[i] & shock_bits::kStepsMask) {
              const std::size_t kind = (h.shock[i] & shock_bits::kInjury) ? 1 : 0;
              acc.shock_hardship[kind] += hardship;
              acc.shock_households[kind] += 1;
            }
          }
          g_byte_[i] = static_cast<std::uint8_t>(std::clamp(grievance, 0.0f, 1.0f) * 255.0f + 0.5f);  // rounded

          std::uint8_t next = sequential ? state : static_cast<std::uint8_t>(state & ~social_bits::kActive);
          if (conflict_on) {
            double risk = u_risk[i - b];
            if (special_risk) risk *= cs.special_risk_factor;
            if (sequential) {  // decided after the pass, one household at a time
              g_float_[i] = grievance - offset[i - b];  // net of the household's threshold offset
              r_float_[i] = static_cast<float>(risk);
            }
            if (h.detained[i] > 0) {
              --h.detained[i];  // sits out this step
            } else if (!sequential) {
              if (grievance - offset[i - b] - risk * here.arrest > cs.threshold) {
                next |= social_bits::kActive;
                ev.active = true;
                std::atomic_ref<std::int32_t>(cell_active[cell]).fetch_add(1, std::memory_order_relaxed);
              }
            }
          }
          if (complaints_on && !(state & social_bits::kPending) && grievance > gs.complaint_threshold &&
              whether_complain.bernoulli(id, p_complain)) {
            ev.complaint = true;
            ev.channel = static_cast<std::uint8_t>(rules::complaint_channel(escalation, gs.hotline_share, seed, step, id));
            next |= social_bits::kPending;
          }
          h.social[i] = next;
          if (disputes_on) {
            const bool digital = h.digital[i] != 0;
            const rules::DisputeRow& row =
                table[rules::dispute_class(migrant, urban_work, burdened, digital, escalation)];
            if (u_dispute[i - b] < row.p_any) {
              CounterRng r(seed, Stream::dispute, step, id);
              const rules::DisputeDraw d = rules::draw_dispute(row, ds, internet_court, r);
              ev.dispute = true;
              ev.kind = static_cast<std::uint8_t>(d.kind);
              ev.path = static_cast<std::uint8_t>(d.path);
              ev.online = digital;
            }
          }
          if (ev.active || ev.complaint || ev.dispute) {
            *out++ = pack(ev);
            ++acc.events;
          }
        }
        return acc;
      },
      add_sums);
  residents_ = sums_.persons * s.population.scale;
  if (sums_.income > 0) city_rent_to_income_ = sums_.rent / sums_.income;
}

void Grievance::gather_events(World& w, const StepContext& ctx) {
  const auto& h = w.households;
  const std::size_t n = h.size_alive();
  actives_.clear();
  affected_complaints_ = 0;
  for (std::size_t blk = 0; blk < Executor::block_count(n); ++blk) {
    const std::uint32_t* in = events_.data() + blk * Executor::kBlock;
    const auto count = static_cast<std::size_t>(block_sums_[blk].events);
    for (std::size_t k = 0; k < count; ++k) {
      const PassEvent e = unpack(in[k], blk * Executor::kBlock);
      if (e.active) actives_.push_back(e.slot);
      if (e.complaint) {
        channels_.file(static_cast<Channel>(e.channel), h.id[e.slot], e.zone, ctx.step);
        affected_complaints_ += (h.social[e.slot] & social_bits::kAffected) != 0;
      }
      if (e.dispute)
        disputes_.file(static_cast<DisputeKind>(e.kind), static_cast<DisputePath>(e.path), e.online, ctx.step);
    }
  }
}

}  // namespace zhili
