#include "model/families.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/parallel.hpp"
#include "core/rng.hpp"
#include "model/grievance.hpp"
#include "model/labour_market.hpp"

namespace zhili {

namespace {

bool in_urban_job(Sector s) { return s == Sector::secondary || s == Sector::tertiary; }



// The employer's compliance for a worker of `r` with access `a`: a migrant's
// is the migrant compliance, closed towards the registered by access x weight.
double compliance(const InsuranceSpec& is, Scheme scheme, Registration r, double access) {
  const double reg[kSchemeCount] = {is.registered_pension, is.registered_medical, is.registered_work_injury};
  const double mig[kSchemeCount] = {is.migrant_pension, is.migrant_medical, is.migrant_work_injury};
  const auto k = static_cast<std::size_t>(scheme);
  // Villagers working off the farm nearby (本地农民工) are migrant workers in the statistics.
  if (!is_migrant(r) && r != Registration::registered_rural) return reg[k];
  return mig[k] + (reg[k] - mig[k]) * is.access_weight * access;
}

constexpr std::uint8_t kSchemeBit[kSchemeCount] = {insurance_bits::kPension, insurance_bits::kMedical,
                                                   insurance_bits::kWorkInjury};

// Counter key of a block's registration draws, apart from its reunification draws.
constexpr std::uint64_t kFlipKey = std::uint64_t{1} << 40;

// The slots in [first, end) that are candidates when each is one with chance
// p, in order, by geometric skips: the gap to the next is floor(log(1 - u) /
// log(1 - p)).
class Candidates {
 public:
  Candidates(CounterRng& rng, std::size_t first, std::size_t end, double p)
      : rng_(rng), end_(end), log_q_(p >= 1.0 ? -INFINITY : std::log1p(-p)), at_(end) {
    if (p > 0) at_ = skip(first);
  }
  bool valid() const { return at_ < end_; }
  std::size_t at() const { return at_; }
  void next() { at_ = skip(at_ + 1); }

 private:
  std::size_t skip(std::size_t from) {
    if (from >= end_) return end_;
    const double gap = std::floor(std::log1p(-rng_.uniform()) / log_q_);
    return gap >= static_cast<double>(end_ - from) ? end_ : from + static_cast<std::size_t>(gap);
  }
  CounterRng& rng_;
  std::size_t end_;
  double log_q_;
  std::size_t at_;
};

}  // namespace

double group_access(Registration r, double equalization, double permit_access) {
  if (r == Registration::migrant) return equalization;
  if (r == Registration::migrant_permit) return equalization + permit_access * (1.0 - equalization);
  return 1.0;
}

void split_on_move(HouseholdStore& h, std::size_t slot, const FamilySpec& f, std::uint64_t seed,
                   std::int64_t step) {
  if (!f.enabled) return;
  const std::uint8_t children = h.children[slot], elderly = h.elderly[slot], workers = h.workers[slot];
  // The first worker goes: one who stays is no migrant. Nothing to split
  // without another member.
  if (workers == 0 || children + elderly + workers < 2) return;
  CounterRng rng(seed, Stream::family_split, static_cast<std::uint64_t>(step), h.id[slot]);
  if (rng.bernoulli(f.whole_family_share)) return;
  int kids = 0, old = 0, farmers = 0;
  for (int k = 0; k < children; ++k) kids += rng.bernoulli(f.children_left_share);
  for (int k = 0; k < elderly; ++k) old += rng.bernoulli(f.elderly_left_share);
  for (int k = 1; k < workers; ++k) farmers += rng.bernoulli(f.workers_left_share);
  const auto add = [](std::uint8_t& to, int n) { to = static_cast<std::uint8_t>(std::min(255, to + n)); };
  add(h.left_children[slot], kids);
  add(h.left_elderly[slot], old);
  add(h.left_workers[slot], farmers);
  h.children[slot] = static_cast<std::uint8_t>(children - kids);
  h.elderly[slot] = static_cast<std::uint8_t>(elderly - old);
  h.workers[slot] = static_cast<std::uint8_t>(workers - farmers);
  h.size[slot] = static_cast<std::uint8_t>(h.size[slot] - kids - old - farmers);
}

namespace {
// The members left at the origin join the household: its workers too when
// `workers` (back home), else its children and elderly only (in the city: the
// workers left there keep the farm).
void bring_members(HouseholdStore& h, std::size_t slot, bool workers) {
  int room = 255 - h.size[slot];  // a u8 count: a household of 255 is the most there is
  int joined = 0;
  const auto take = [&](std::uint8_t& left, std::uint8_t& present) {
    const int n = std::min<int>(left, room);
    present = static_cast<std::uint8_t>(present + n);
    room -= n;
    joined += n;
    left = 0;
  };
  if (workers) take(h.left_workers[slot], h.workers[slot]);
  take(h.left_children[slot], h.children[slot]);
  take(h.left_elderly[slot], h.elderly[slot]);
  h.size[slot] = static_cast<std::uint8_t>(h.size[slot] + joined);
}
}  // namespace

void rejoin_at_origin(HouseholdStore& h, std::size_t slot) {
  if (h.left_at_origin(slot) != 0) bring_members(h, slot, true);
}

void reunite_in_city(HouseholdStore& h, std::size_t slot) { bring_members(h, slot, false); }

void Families::setup(World& w, const Scenario& s) {
  block_counts_.reserve(Executor::block_count(w.households.capacity()) + 1);
  block_tallies_.reserve(Executor::block_count(w.households.capacity()) + 1);
  // The migrants the world starts with left members behind as newcomers do
  // (key step -1: before the first step's draws).
  auto& h = w.households;
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    if (is_migrant(h.registration[i])) split_on_move(h, i, s.family, s.run.seed, -1);
}

void Families::step(World& w, const StepContext& ctx) {
  auto& h = w.households;
  const auto& g = w.grid;
  const Scenario& s = ctx.scenario;
  const FamilySpec& fs = s.family;
  const InsuranceSpec& is = s.insurance;
  const bool family = family_on(s), insurance = insurance_on(s);
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const double e = ctx.lever(LeverId::services_equalization);
  const double permit_access = s.services.permit_access;
  const double enforcement = ctx.lever(LeverId::insurance_enforcement);
  const double y = ctx.years_per_step;
  const auto hazard = [y](double rate) { return -std::expm1(-rate * y); };
  const double p_separate = hazard(fs.separation_rate), p_reregister = hazard(fs.reregister_rate);
  const double p_catch_up = hazard(is.catch_up_rate * enforcement);
  const bool catching_up = p_catch_up > 0;
  const double p_ill = hazard(is.illness_rate);
  // Per worker: a household's chance is this times its workers (the rates are small).
  const double p_injury_sector[2] = {hazard(is.injury_rate_secondary), hazard(is.injury_rate_tertiary)};
  // Reunification chance by access group (registered, migrant, with permit),
  // whether children are among those left, and whether home is an urban village.
  double p_join[3][2][2];
  const double access[3] = {1.0, e, e + permit_access * (1.0 - e)};
  for (int a = 0; a < 3; ++a)
    for (int kids = 0; kids < 2; ++kids)
      for (int village = 0; village < 2; ++village)
        p_join[a][kids][village] =
            hazard(fs.reunify_rate * (kids ? access[a] : 1.0) * (village ? fs.urban_village_factor : 1.0));
  const auto recent_steps = static_cast<std::uint8_t>(
      std::clamp(std::lround(is.shock_months / (12.0 * y)), 1L, static_cast<long>(shock_bits::kStepsMask)));

  // Events strike few households a step (a few in a thousand): each pass
  // below visits only candidates, drawn by geometric skips at the largest
  // chance any household has, and accepts each with its own chance over that
  // largest. A pass over every household would stream nine arrays for them
  // (bench/README.md). The draws are keyed by block: fixed blocks of slots,
  // the same for any thread count.
  const double p_join_max = p_join[0][0][0];  // full access, no urban village: the largest
  const double p_flip_max = std::max(p_separate, p_reregister);
  constexpr int kMaxWorkersAtRisk = 8;       // a household's injury chance stops growing here
  const double p_injury_max = std::max(p_injury_sector[0], p_injury_sector[1]);

  counts_ = deterministic_reduce(
      ctx.exec, h.size_alive(), block_counts_, StepCounts{},
      [&](std::size_t b, std::size_t end) {
        StepCounts k;
        const auto blk = static_cast<std::uint64_t>(b / Executor::kBlock);
        if (family) {
          CounterRng rng(seed, Stream::family, step, blk);
          for (Candidates c(rng, b, end, p_join_max); c.valid(); c.next()) {
            const std::size_t i = c.at();
            const double u = rng.uniform() * p_join_max;
            if ((h.left_children[i] | h.left_elderly[i]) == 0 || !in_urban_job(h.sector[i])) continue;
            const Registration r = h.registration[i];
            const Zone zone = g.zone[static_cast<std::size_t>(h.cell[i])];
            if (zone == Zone::rural) continue;
            const int a = r == Registration::migrant ? 1 : r == Registration::migrant_permit ? 2 : 0;
            if (u < p_join[a][h.left_children[i] > 0][zone == Zone::urban_village]) {
              reunite_in_city(h, i);
              ++k.reunified;
            }
          }
          // Urban registration goes with a city home (villagers converted by a
          // requisition move to the city), so no zone is needed here.
          CounterRng flips(seed, Stream::family, step, kFlipKey | blk);
          for (Candidates c(flips, b, end, p_flip_max); c.valid(); c.next()) {
            const std::size_t i = c.at();
            const double u = flips.uniform() * p_flip_max;
            if (!is_urban_registered(h.registration[i])) continue;
            if (u < (h.away[i] ? p_reregister : p_separate)) h.away[i] ^= 1;
          }
        }
        if (!insurance) return k;
        // Every household once, over three byte arrays, in loops the compiler
        // vectorises: schemes go with the job, and a recent shock counts down.
        // Then the few with something to draw: a new job draws its schemes,
        // enforcement catches up on the missing ones.
        std::uint8_t* const sector = reinterpret_cast<std::uint8_t*>(&h.sector[b]);
        std::uint8_t* const insured = &h.insured[b];
        std::uint8_t* const shocks = &h.shock[b];
        const std::size_t n = end - b;
        constexpr auto kSecondary = static_cast<std::uint8_t>(Sector::secondary);
        constexpr auto kTertiary = static_cast<std::uint8_t>(Sector::tertiary);
        const std::uint8_t* const workers = &h.workers[b];
        std::uint8_t pending = 0, most_workers = 0;
        for (std::size_t j = 0; j < n; ++j) {
          most_workers = std::max(most_workers, workers[j]);
          const std::uint8_t job = static_cast<std::uint8_t>(-static_cast<int>((sector[j] == kSecondary) | (sector[j] == kTertiary)));
          const std::uint8_t ins = insured[j] & job;
          insured[j] = ins;
          const std::uint8_t undecided = job & static_cast<std::uint8_t>(~ins) & insurance_bits::kDecided;
          const std::uint8_t missing = catching_up ? static_cast<std::uint8_t>(job & (ins ^ insurance_bits::kAll) & insurance_bits::kAll) : 0;
          pending |= undecided | missing;
          shocks[j] = static_cast<std::uint8_t>(shocks[j] - ((shocks[j] & shock_bits::kStepsMask) != 0));
        }
        if (pending) {
          for (std::size_t j = 0; j < n; ++j) {
            // The test without a branch on the job (mixed at random): the one
            // branch left is taken seldom, and so predicted.
            const std::uint8_t ins = insured[j];
            const std::uint8_t job = static_cast<std::uint8_t>(-static_cast<int>((sector[j] == kSecondary) | (sector[j] == kTertiary)));
            const std::uint8_t undecided = job & static_cast<std::uint8_t>(~ins) & insurance_bits::kDecided;
            const std::uint8_t missing = catching_up ? static_cast<std::uint8_t>(job & (ins ^ insurance_bits::kAll) & insurance_bits::kAll) : 0;
            if ((undecided | missing) == 0) continue;
            const std::size_t i = b + j;
            if (!(ins & insurance_bits::kDecided)) {
              const Registration r = h.registration[i];
              CounterRng rng(seed, Stream::insurance, step, h.id[i]);
              const double access = group_access(r, e, permit_access);
              std::uint8_t drawn = insurance_bits::kDecided;
              for (std::size_t sc = 0; sc < kSchemeCount; ++sc) {
                const double c = compliance(is, static_cast<Scheme>(sc), r, access);
                if (rng.bernoulli(c + enforcement * (1.0 - c))) drawn |= kSchemeBit[sc];
              }
              insured[j] = drawn;
            } else if (catching_up && (ins & insurance_bits::kAll) != insurance_bits::kAll) {
              CounterRng rng(seed, Stream::insurance, step, h.id[i]);
              std::uint8_t more = ins;
              for (std::size_t sc = 0; sc < kSchemeCount; ++sc)
                if (!(more & kSchemeBit[sc]) && rng.bernoulli(p_catch_up)) more |= kSchemeBit[sc];
              insured[j] = more;
            }
          }
        }
        // New shocks: illness for any household, work injury per worker in an
        // urban job; one draw decides which, another whether an injury
        // becomes a dispute.
        // The block's largest chance: households have two or three workers, so
        // this keeps the candidates near the events.
        const double p_shock_max = p_ill + std::min<int>(most_workers, kMaxWorkersAtRisk) * p_injury_max;
        CounterRng rng(seed, Stream::health, step, blk);
        for (Candidates c(rng, b, end, p_shock_max); c.valid(); c.next()) {
          const std::size_t i = c.at();
          const double u = rng.uniform() * p_shock_max;
          const double u_dispute = rng.uniform();
          const Sector sector = h.sector[i];
          const double p_injury =
              in_urban_job(sector)
                  ? p_injury_sector[sector == Sector::secondary ? 0 : 1] * std::min<int>(h.workers[i], kMaxWorkersAtRisk)
                  : 0.0;
          const bool injury = u < p_injury;
          if (!injury && u >= p_injury + p_ill) continue;
          const std::uint8_t ins = h.insured[i];
          const bool covered = ins & (injury ? insurance_bits::kWorkInjury : insurance_bits::kMedical);
          const double load = (injury ? is.injury_load : is.illness_load) * (covered ? is.insured_share : 1.0);
          h.unmet_load[i] += static_cast<float>(load);
          h.shock[i] = static_cast<std::uint8_t>((injury ? shock_bits::kInjury : 0) | recent_steps);
          ++k.shocks[injury ? 1 : 0];
          if (injury && u_dispute < (covered ? is.injury_dispute_insured : is.injury_dispute)) ++k.injury_disputes;
        }
        return k;
      },
      [](StepCounts a, const StepCounts& b) {
        a.reunified += b.reunified;
        a.shocks[0] += b.shocks[0];
        a.shocks[1] += b.shocks[1];
        a.injury_disputes += b.injury_disputes;
        return a;
      });
}

void Families::file_disputes(Disputes& d, const StepContext& ctx) {
  const DisputeSpec& ds = ctx.scenario.disputes;
  const double mediated = ds.kinds[static_cast<std::size_t>(DisputeKind::labour)].mediation_share;
  for (std::int64_t n = 0; n < counts_.injury_disputes; ++n) {
    CounterRng r(ctx.seed(), Stream::health, static_cast<std::uint64_t>(ctx.step), (1ULL << 62) + static_cast<std::uint64_t>(n));
    d.file(DisputeKind::labour, r.bernoulli(mediated) ? DisputePath::mediation : DisputePath::court, false, ctx.step);
  }
}

void Families::measure(const World& w, const StepContext& ctx, const GrievanceSums* grievance,
                       const FamilyTally* counted, const LabourState* labour) {
  const auto& h = w.households;
  const Scenario& s = ctx.scenario;
  const double scale = s.population.scale;
  FamilyTally t;
  if (counted) {
    t = *counted;
  } else {
    t = deterministic_reduce(
        ctx.exec, h.size_alive(), block_tallies_, FamilyTally{},
        [&](std::size_t b, std::size_t end) {
          FamilyTally k;
          k.add_block(h, b, end);
          return k;
        },
        [](FamilyTally a, const FamilyTally& b) {
          a.merge(b);
          return a;
        });
  }
  FamilyMeasures& m = at_;
  m = FamilyMeasures{};
  const auto real = [scale](std::int64_t n) { return static_cast<double>(n) * scale; };
  m.left_behind = {real(t.left_children), real(t.left_elderly), real(t.left_workers)};
  // Local migrant workers: villagers in an urban job, and the workers left on
  // the map's farms beyond farming's room.
  const double left_off_farm = labour ? 1.0 - labour->left_farming_share : 0.0;
  m.migrant_workers = {real(t.away_workers), real(t.local) + real(t.left_workers_on_map) * left_off_farm};
  m.employed = {real(t.employed - t.employed_migrant), real(t.employed_migrant)};
  for (std::size_t sc = 0; sc < kSchemeCount; ++sc)
    m.insured[sc] = {real(t.insured[sc] - t.insured_migrant[sc]), real(t.insured_migrant[sc])};
  for (std::size_t j = 0; j < 2; ++j) m.shocks[j] = real(counts_.shocks[j]);
  // A migrant household's children in the city are at a public school in the share of its access.
  const double e = ctx.lever(LeverId::services_equalization);
  const double public_school =
      real(t.children_migrant) * group_access(Registration::migrant, e, s.services.permit_access) +
      real(t.children_permit) * group_access(Registration::migrant_permit, e, s.services.permit_access);
  m.migrant_children = {public_school, real(t.children_migrant + t.children_permit) - public_school,
                        real(t.left_migrant_children)};
  m.away_workers_whole = real(t.whole);
  m.migrant_households = real(t.migrants);
  m.split_households = real(t.split);
  m.floating = real(t.floating);
  m.away_within_city = real(t.away);
  // Income is yuan/month.
  m.remittances = s.family.remittance_share * t.remitted * scale * 12.0 * ctx.years_per_step;
  m.reunified = static_cast<double>(counts_.reunified) * scale;
  for (std::size_t j = 0; j < 2; ++j)
    m.shock_hardship[j] = grievance && grievance->shock_households[j] > 0
                              ? grievance->shock_hardship[j] / grievance->shock_households[j]
                              : std::numeric_limits<double>::quiet_NaN();
}

namespace {
double share(double a, double b) { return b > 0 ? a / b : std::numeric_limits<double>::quiet_NaN(); }
bool family_enabled(const Scenario& s) { return Families::family_on(s); }
bool insurance_enabled(const Scenario& s) { return Families::insurance_on(s); }
bool shock_hardship_enabled(const Scenario& s) { return Families::insurance_on(s) && s.grievance.enabled; }
}  // namespace

const std::vector<SeriesEntry<Families>>& Families::series_entries() {
  using F = Families;
  using W = SeriesWriter;
  static const std::vector<SeriesEntry<F>> entries{
      {{"left_behind", "persons",
        "Members of the district's households left at their origin (留守): children, elderly, and workers "
        "who farm there, real persons",
        "age", {"children", "elderly", "workers"}, Better::lower},
       [](const F& f, W& out) { out.put_each(f.at_.left_behind); }, family_enabled},
      {{"migrant_children", "persons",
        "Children of migrant households: in the city at a public school (their share is the household's "
        "access: equalization, residence permit), at another school, and left behind at the origin",
        "schooling", {"public_school", "other_school", "left_behind"}},
       [](const F& f, W& out) { out.put_each(f.at_.migrant_children); }, family_enabled},
      {{"split_share", "1", "Share of migrant households with members left at the origin", "", {}, Better::lower},
       [](const F& f, W& out) { out.put(share(f.at_.split_households, f.at_.migrant_households)); }, family_enabled},
      {{"reunifications", "households/step",
        "Households whose members left behind joined them in the city during the step", "", {}, Better::higher},
       [](const F& f, W& out) { out.put(f.at_.reunified); }, family_enabled},
      {{"remittances", "yuan/step",
        "Income split households send to their members left behind (family.remittance_share), during the step",
        "", {}},
       [](const F& f, W& out) { out.put(f.at_.remittances); }, family_enabled},
      {{"migrant_workers", "persons",
        "Migrant workers (农民工): away (workers of migrant households in the city, 外出) and local (villagers "
        "working off the farm nearby, 本地), real persons",
        "where", {"away", "local"}},
       [](const F& f, W& out) { out.put_each(f.at_.migrant_workers); }, family_enabled},
      {{"whole_family_share", "1",
        "Share of migrant workers away whose household moved whole (举家外出): nobody left at the origin", "", {}},
       [](const F& f, W& out) { out.put(share(f.at_.away_workers_whole, f.at_.migrant_workers[0])); },
       family_enabled},
      {{"away_from_registration", "persons",
        "Persons living away from their place of registration (人户分离): the floating population and the "
        "registered living elsewhere in the city (市辖区内人户分离), real persons",
        "separation", {"floating", "within_city"}},
       [](const F& f, W& out) {
         out.put(f.at_.floating);
         out.put(f.at_.away_within_city);
       },
       family_enabled},
      {{"away_from_registration_total", "persons",
        "Persons living away from their place of registration, both kinds together (人户分离), real persons",
        "", {}},
       [](const F& f, W& out) { out.put(f.at_.floating + f.at_.away_within_city); }, family_enabled},
      {{"pension_coverage_by_group", "1",
        "Share of workers in urban jobs whose job comes with pension insurance, registered and migrants",
        "group", {"registered", "migrant"}, Better::higher},
       [](const F& f, W& out) {
         for (std::size_t j = 0; j < 2; ++j) out.put(share(f.at_.insured[0][j], f.at_.employed[j]));
       },
       insurance_enabled},
      {{"medical_coverage_by_group", "1",
        "Share of workers in urban jobs with employee medical insurance, registered and migrants", "group",
        {"registered", "migrant"}, Better::higher},
       [](const F& f, W& out) {
         for (std::size_t j = 0; j < 2; ++j) out.put(share(f.at_.insured[1][j], f.at_.employed[j]));
       },
       insurance_enabled},
      {{"work_injury_coverage_by_group", "1",
        "Share of workers in urban jobs with work-injury insurance, registered and migrants", "group",
        {"registered", "migrant"}, Better::higher},
       [](const F& f, W& out) {
         for (std::size_t j = 0; j < 2; ++j) out.put(share(f.at_.insured[2][j], f.at_.employed[j]));
       },
       insurance_enabled},
      {{"insurance_gap", "1", "Coverage of registered workers minus that of migrants, by scheme", "scheme",
        {"pension", "medical", "work_injury"}, Better::lower},
       [](const F& f, W& out) {
         for (std::size_t sc = 0; sc < kSchemeCount; ++sc)
           out.put(share(f.at_.insured[sc][0], f.at_.employed[0]) - share(f.at_.insured[sc][1], f.at_.employed[1]));
       },
       insurance_enabled},
      {{"health_shocks", "households/step", "Households struck by a serious illness or a work injury during the step",
        "shock", {"illness", "work_injury"}, Better::lower},
       [](const F& f, W& out) { out.put_each(f.at_.shocks); }, insurance_enabled},
      {{"hardship_after_shock", "1",
        "Mean hardship H of the households struck by an illness or a work injury within insurance.shock_months",
        "shock", {"illness", "work_injury"}, Better::lower},
       [](const F& f, W& out) { out.put_each(f.at_.shock_hardship); }, shock_hardship_enabled},
  };
  return entries;
}

void Families::declare(ObservableTable& table, const Scenario& s) const { table.add(series_entries(), s, *this); }

}  // namespace zhili
