// The rules of grievance's household pass (docs/MODEL.md 7.10-7.12), one
// small function each, called from the pass's fused loop over the
// households (Grievance::household_pass): the loop reads each household's
// fields once and applies every rule to them, which is faster than a pass
// per rule; the rules themselves live here.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/rng.hpp"
#include "scenario/social_spec.hpp"
#include "world/households.hpp"

namespace zhili::grievance_rules {

// Housing-cost burden: the household's rent-to-income ratio over the
// city's; with no income, the most burdened (above the threshold) when it
// pays any rent.
inline double rent_burden(float rent, float income, double city_ratio, double threshold) {
  return income > 0 ? rent / income / city_ratio : (rent > 0 ? threshold + 1.0 : 0.0);
}

// What pushes a household's hardship up: the exponent x of
// H = 1 - (1 - personal u) exp(-x) (social_spec.hpp, GrievanceSpec).
struct Pressures {
  float unmet_load = 0;
  int escalation = 0;
  bool in_the_city_economy = false;  // the economy is on and the household is not a villager
  bool unemployed = false;           // has workers, none of them in work
  double burden = 0;                 // rent_burden(); counts above the threshold
  float income = 0, mean_income = 0; // relative deprivation; mean_income 0: not measured
  bool special_risk = false;         // a special population without assistance
};
inline double hardship_exponent(const GrievanceSpec& gs, const ConflictSpec& cs, const Pressures& p) {
  double x = gs.unmet_weight * p.unmet_load + gs.escalation_weight * p.escalation;
  if (p.in_the_city_economy) {
    if (p.unemployed) x += gs.unemployment_weight;
    if (p.burden > gs.housing_threshold) x += gs.housing_weight * std::min(p.burden - gs.housing_threshold, 1.0);
    if (p.mean_income > 0 && p.income < p.mean_income) x += gs.deprivation_weight * (1.0 - p.income / p.mean_income);
  }
  if (p.special_risk) x += cs.special_hardship;
  return x;
}
// H from the exponent and the household's own draw u; exp(-0) = 1 exactly:
// most households have no hardship term at all.
inline double hardship(double personal, double u, double x) {
  return 1.0 - (1.0 - personal * u) * (x > 0 ? std::exp(-x) : 1.0);
}

// The channel of a new complaint: one escalated by ignored complaints goes
// to the petition office; a first one to the hotline (chance hotline_share)
// or a leaders' reception day.
inline Channel complaint_channel(int escalation, double hotline_share, std::uint64_t seed, std::uint64_t step,
                                 std::uint64_t id) {
  if (escalation != 0) return Channel::petition;
  return CounterRng(seed, Stream::complaint, step, id).uniform() < hotline_share ? Channel::hotline
                                                                                  : Channel::meeting;
}

// Dispute rates by household class: migrant, in urban work, burdened by rent,
// digital access, escalation level (0..3).
inline constexpr std::size_t kDisputeClasses = 2 * 2 * 2 * 2 * 4;
inline std::size_t dispute_class(bool migrant, bool urban_work, bool burdened, bool digital, int escalation) {
  return (((static_cast<std::size_t>(escalation) * 2 + (digital ? 1 : 0)) * 2 + (burdened ? 1 : 0)) * 2 +
          (urban_work ? 1 : 0)) * 2 + (migrant ? 1 : 0);
}
// A class's chance of any dispute this step and the kinds' cumulative shares.
struct DisputeRow {
  double p_any = 0;
  std::array<double, kDisputeKindCount> cumulative{};
};
using DisputeTable = std::array<DisputeRow, kDisputeClasses>;

// The table for this step: each kind's rate where it applies (labour
// disputes to those in urban work, tenancy to migrants and the burdened,
// online commerce to the digital; administrative ones grow with
// escalation), `inapplicable` times it elsewhere, migrants' factor, grown by
// disputes.growth over `years` since the start.
inline DisputeTable dispute_table(const DisputeSpec& ds, double years, double years_per_step) {
  DisputeTable table{};
  const double growth = std::exp(std::log1p(ds.growth) * years);
  for (int m = 0; m < 2; ++m)
    for (int u = 0; u < 2; ++u)
      for (int b = 0; b < 2; ++b)
        for (int d = 0; d < 2; ++d)
          for (int e = 0; e < 4; ++e) {
            DisputeRow& row = table[dispute_class(m == 1, u == 1, b == 1, d == 1, e)];
            double total = 0;
            for (std::size_t k = 0; k < kDisputeKindCount; ++k) {
              double applies = 1.0;
              switch (static_cast<DisputeKind>(k)) {
                case DisputeKind::labour: applies = u == 1 ? 1.0 : ds.inapplicable; break;
                case DisputeKind::tenancy: applies = (m == 1 || b == 1) ? 1.0 : ds.inapplicable; break;
                case DisputeKind::online_commerce: applies = d == 1 ? 1.0 : ds.inapplicable; break;
                case DisputeKind::administrative: applies = 1.0 + e; break;
                default: break;
              }
              const DisputeKindSpec& kind = ds.kinds[k];
              total += kind.rate * applies * (m == 1 ? kind.migrant_factor : 1.0) * growth;
              row.cumulative[k] = total;
            }
            row.p_any = -std::expm1(-total * years_per_step);
            for (auto& v : row.cumulative) v = total > 0 ? v / total : 1.0;
          }
  return table;
}

// A dispute that arose: its kind (by the class's shares) and the path it
// takes: the internet court for kinds it hears (when it has capacity, chance
// internet_take_share), else mediation (the kind's mediation_share) or court.
struct DisputeDraw {
  std::size_t kind = 0;
  DisputePath path = DisputePath::court;
};
inline DisputeDraw draw_dispute(const DisputeRow& row, const DisputeSpec& ds, bool internet_court, CounterRng& r) {
  DisputeDraw out;
  const double v = r.uniform();
  while (out.kind + 1 < kDisputeKindCount && v >= row.cumulative[out.kind]) ++out.kind;
  const DisputeKindSpec& ks = ds.kinds[out.kind];
  if (ks.internet && internet_court && r.uniform() < ds.internet_take_share)
    out.path = DisputePath::internet_court;
  else if (r.uniform() < ks.mediation_share)
    out.path = DisputePath::mediation;
  return out;
}

}  // namespace zhili::grievance_rules
