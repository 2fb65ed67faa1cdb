// Schema entries of `renewal:` (renewal_spec.hpp): how households, owners
// and the rental market respond to renewal projects. The projects
// themselves are schedule entries (renewal_yaml.cpp). Sources of the
// defaults in docs/MODEL.md 7.14 and docs/VALIDATION.md, "Renewal".
#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

std::vector<KeyRule> renewal_rules() {
  constexpr NumRange kShare{0.0, 1.0};
  constexpr NumRange kLoad{0.0, 100.0};
  constexpr NumRange kMonths{0.0, 600.0};
  return {
      number_key("renewal.home_value_years", "years", {0.0, 1000.0},
                 [](auto& s) -> auto& { return s.renewal.home_value_years; },
                 "Market value of a home in years of its rent (the price-to-rent ratio): what "
                 "compensation is a share of, and what the budget pays (renewal_compensation)."),
      number_key("renewal.notice_load", "1", kLoad, [](auto& s) -> auto& { return s.renewal.notice_load; },
                 "Unmet-need load every household of a project's area takes at its notice (the "
                 "loss of a home; grievance.unmet_weight turns load into hardship)."),
      number_key("renewal.shortfall_load", "1", kLoad, [](auto& s) -> auto& { return s.renewal.shortfall_load; },
                 "Load an owner takes at the notice per unit of compensation below market value "
                 "(compensation 0.6: 0.4 units)."),
      number_key("renewal.eviction_load", "1", kLoad, [](auto& s) -> auto& { return s.renewal.eviction_load; },
                 "Load at displacement of a household that did not agree to go: tenants, and owners "
                 "who had not agreed when their cell was cleared."),
      number_key("renewal.consultation_relief", "1", kShare,
                 [](auto& s) -> auto& { return s.renewal.consultation_relief; },
                 "Share of the notice load, of tenants' eviction load and of tenancy disputes that full "
                 "consultation removes (procedural fairness); in proportion below full. Owners who had not "
                 "agreed when their cell was cleared take the whole eviction load."),
      number_key("renewal.consultation_full_months", "months", {0.0, 600.0, true},
                 [](auto& s) -> auto& { return s.renewal.consultation_full_months; },
                 "Months of consultation that count as full."),
      number_key("renewal.agree_rate", "1/month", kShare, [](auto& s) -> auto& { return s.renewal.agree_rate; },
                 "Monthly chance that an owner who has not agreed agrees during consultation, at "
                 "compensation 1 (times the compensation share, at most 1)."),
      number_key("renewal.max_wait_months", "months", kMonths,
                 [](auto& s) -> auto& { return s.renewal.max_wait_months; },
                 "Months past the end of consultation that demolition waits for consent; then it starts."),
      number_key("renewal.compensation_dispute", "1", kShare,
                 [](auto& s) -> auto& { return s.renewal.compensation_dispute; },
                 "Chance that an owner displaced without having agreed files a compensation dispute "
                 "(an administrative dispute), at full compensation ..."),
      number_key("renewal.shortfall_dispute", "1", kShare,
                 [](auto& s) -> auto& { return s.renewal.shortfall_dispute; },
                 "... plus this per unit of compensation below market value (at most 1 in all)."),
      number_key("renewal.tenancy_dispute", "1", kShare,
                 [](auto& s) -> auto& { return s.renewal.tenancy_dispute; },
                 "Chance that a displaced tenant files a tenancy dispute (deposit, notice), before the "
                 "relief of consultation."),
      number_key("renewal.tenant_rent_tolerance", "1", {1.0, 100.0},
                 [](auto& s) -> auto& { return s.renewal.tenant_rent_tolerance; },
                 "A displaced tenant takes no home whose rent exceeds this times its old rent; finding "
                 "none, it leaves the district."),
      number_key("renewal.rent_elasticity", "1", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.renewal.rent_elasticity; },
                 "Rents of a zone head for (1 + this x the share of its vacant homes at run.start since "
                 "taken up) times their level then (vacancy against its natural rate, Rosen & Smith "
                 "1983)."),
      number_key("renewal.rent_adjustment", "1/year", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.renewal.rent_adjustment; },
                 "Speed at which rents move to that level: the gap closes as exp(-this x years); 0 = "
                 "fixed rents (the world.rent of each zone, as the whole district is calibrated). The "
                 "market starts at run.start, each zone's occupancy then its reference."),
      number_key("renewal.near_km", "km", {0.0, 1000.0},
                 [](auto& s) -> auto& { return s.renewal.near_km; },
                 "Cells within this distance of a project's area are \"near\" it (renewal_rent, "
                 "renewal_incidents)."),
      number_key("renewal.affected_months", "months", kMonths,
                 [](auto& s) -> auto& { return s.renewal.affected_months; },
                 "Complaints of a household displaced or notified by a project count as the project's "
                 "(renewal_complaints) until this long after its demolition ends."),
  };
}

}  // namespace zhili::scenario_detail
