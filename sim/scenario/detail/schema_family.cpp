// Schema entries of `family:` and `insurance:` (family_spec.hpp): split
// households and social insurance. Sources of the defaults in
// docs/VALIDATION.md, "Split families and social insurance".
#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

std::vector<KeyRule> family_rules() {
  constexpr NumRange kShare{0.0, 1.0};
  constexpr NumRange kRate{0.0, 100.0};
  return {
      bool_key("family.enabled", [](auto& s) -> auto& { return s.family.enabled; },
               "Split households: a migrant household's children, elderly and some workers may stay at the origin, "
               "join it in the city later, and receive part of its income (docs/MODEL.md 7.15)."),
      number_key("family.whole_family_share", "1", kShare,
                 [](auto& s) -> auto& { return s.family.whole_family_share; },
                 "Chance that a migrant household moves whole (举家外出); otherwise some of its members may "
                 "stay behind. Fitted to the stock share (NBS 2014: 35.78 of 168.21 million migrant workers "
                 "away), which reunification raises."),
      number_key("family.children_left_share", "1", kShare,
                 [](auto& s) -> auto& { return s.family.children_left_share; },
                 "When a household does not move whole, the chance that each of its children stays behind "
                 "(fitted to ACWF 2013: 61.0 million children left behind in 2010)."),
      number_key("family.elderly_left_share", "1", kShare,
                 [](auto& s) -> auto& { return s.family.elderly_left_share; },
                 "... and that each of its elderly stays behind."),
      number_key("family.workers_left_share", "1", kShare,
                 [](auto& s) -> auto& { return s.family.workers_left_share; },
                 "... and that each of its workers but the first stays and farms at the origin (住户中外出)."),
      number_key("family.reunify_rate", "1/year", kRate, [](auto& s) -> auto& { return s.family.reunify_rate; },
                 "Yearly chance that the children and elderly left behind join a household in urban work (the "
                 "workers left there keep the farm), at full "
                 "schooling access; times the household's access (equalization, residence permit) when "
                 "children are among them."),
      number_key("family.urban_village_factor", "1", kShare,
                 [](auto& s) -> auto& { return s.family.urban_village_factor; },
                 "Reunification in an urban village (crowded rooms) happens at this fraction of the rate."),
      number_key("family.remittance_share", "1", kShare,
                 [](auto& s) -> auto& { return s.family.remittance_share; },
                 "Share of a split household's income sent to the members left behind (remittances; fitted "
                 "to the urban-rural income ratio of 2014)."),
      number_key("family.separation_rate", "1/year", kRate,
                 [](auto& s) -> auto& { return s.family.separation_rate; },
                 "Yearly chance that a registered city household comes to live away from its "
                 "registration within the city (市辖区内人户分离)."),
      number_key("family.reregister_rate", "1/year", kRate,
                 [](auto& s) -> auto& { return s.family.reregister_rate; },
                 "Yearly chance that such a household registers where it lives."),
  };
}

std::vector<KeyRule> insurance_rules() {
  constexpr NumRange kShare{0.0, 1.0};
  constexpr NumRange kRate{0.0, 100.0};
  constexpr NumRange kLoad{0.0, 100.0};
  const auto share = [&](const char* path, double InsuranceSpec::*field, const char* what) {
    return number_key(path, "1", kShare, [field](auto& s) -> auto& { return s.insurance.*field; }, what);
  };
  return {
      bool_key("insurance.enabled", [](auto& s) -> auto& { return s.insurance.enabled; },
               "Social insurance of workers in urban jobs (pension, medical, work injury) and health "
               "shocks (illness, work injury); needs economy.enabled (docs/MODEL.md 7.15)."),
      share("insurance.registered_pension", &InsuranceSpec::registered_pension,
            "Chance a registered worker's job comes with pension insurance, at no enforcement."),
      share("insurance.registered_medical", &InsuranceSpec::registered_medical,
            "... with employee medical insurance."),
      share("insurance.registered_work_injury", &InsuranceSpec::registered_work_injury,
            "... with work-injury insurance."),
      share("insurance.migrant_pension", &InsuranceSpec::migrant_pension,
            "Chance a migrant's job comes with pension insurance, without access and enforcement."),
      share("insurance.migrant_medical", &InsuranceSpec::migrant_medical, "... with medical insurance."),
      share("insurance.migrant_work_injury", &InsuranceSpec::migrant_work_injury,
            "... with work-injury insurance."),
      share("insurance.access_weight", &InsuranceSpec::access_weight,
            "Share of the gap to registered workers that a migrant's full access closes (access: "
            "services.equalization, and with a residence permit services.permit_access of the rest)."),
      number_key("insurance.catch_up_rate", "1/year", kRate,
                 [](auto& s) -> auto& { return s.insurance.catch_up_rate; },
                 "Yearly chance, at insurance.enforcement 1, that a job without a scheme gains it."),
      number_key("insurance.illness_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.insurance.illness_rate; },
                 "Yearly chance of a serious illness in a household."),
      number_key("insurance.injury_rate_secondary", "1/year", kShare,
                 [](auto& s) -> auto& { return s.insurance.injury_rate_secondary; },
                 "Yearly chance of a work injury per worker in industry (secondary sector)."),
      number_key("insurance.injury_rate_tertiary", "1/year", kShare,
                 [](auto& s) -> auto& { return s.insurance.injury_rate_tertiary; },
                 "... per worker in services (tertiary sector)."),
      number_key("insurance.illness_load", "1", kLoad, [](auto& s) -> auto& { return s.insurance.illness_load; },
                 "Unmet-need load of an illness without medical insurance (grievance.unmet_weight turns "
                 "load into hardship)."),
      number_key("insurance.injury_load", "1", kLoad, [](auto& s) -> auto& { return s.insurance.injury_load; },
                 "Load of a work injury without work-injury insurance."),
      share("insurance.insured_share", &InsuranceSpec::insured_share,
            "Share of a shock's load an insured household still bears."),
      share("insurance.injury_dispute", &InsuranceSpec::injury_dispute,
            "Chance that a work injury without work-injury insurance becomes a labour dispute "
            "(needs disputes.enabled)."),
      share("insurance.injury_dispute_insured", &InsuranceSpec::injury_dispute_insured,
            "... with work-injury insurance."),
      number_key("insurance.shock_months", "months", {0.0, 600.0},
                 [](auto& s) -> auto& { return s.insurance.shock_months; },
                 "Months after a shock that it counts as recent (hardship_after_shock)."),
  };
}

}  // namespace zhili::scenario_detail
