// Families split between city and village (人户分离, left-behind members) and
// social insurance as a state of a household's workers: docs/MODEL.md 7.15,
// sources of the defaults in docs/VALIDATION.md, "Split families and social
// insurance".
#pragma once

namespace zhili {

struct FamilySpec {
  bool enabled = true;
  // The defaults of the four shares below are the China 1978-2014 fit's,
  // rounded (docs/VALIDATION.md): how migrants leave home is national.
  //
  // A migrant household moves whole (举家外出) with this chance; otherwise
  // some of its members stay at the origin. The fit puts it near 0: the stock
  // share of migrant workers away with the whole family (NBS 2014: 35.78 of
  // 168.21 million) comes from one-worker households, which leave no one,
  // and from reunification.
  double whole_family_share = 0.003;
  // When it does not, each child stays behind with this chance (fitted to
  // ACWF 2013, from the 2010 census: 61.0 million children left behind), and
  // each elderly member with this one.
  double children_left_share = 0.50;
  double elderly_left_share = 1.0;
  // ... and each worker but the first stays and farms (a spouse, a parent
  // still of working age: 住户中外出), with this chance. Fitted to the local
  // migrant workers (本地农民工), who are the villagers farming cannot employ.
  double workers_left_share = 0.70;
  // Yearly chance that the children and elderly left behind join a household in urban
  // work, at full schooling access (registered, or equalization 1); times the
  // household's access (equalization, residence permit) when children are
  // among them, and times urban_village_factor in an urban village.
  double reunify_rate = 0.12;
  double urban_village_factor = 0.5;
  // Share of a split household's income sent to the members left behind
  // (fitted to the urban-rural income ratio of 2014, with the farm income of
  // the workers left behind counted at home).
  double remittance_share = 0.095;
  // Registered city households living away from their registration within
  // the city (市辖区内人户分离): yearly chance of becoming so, and of
  // re-registering where they live. The stock tends to
  // separation_rate / (separation_rate + reregister_rate).
  double separation_rate = 0.01;
  double reregister_rate = 0.1;
};

struct InsuranceSpec {
  bool enabled = true;
  // Employer compliance: the chance a job comes with each scheme, at no
  // enforcement, for registered workers and for migrants without access.
  double registered_pension = 0.75;
  double registered_medical = 0.80;
  double registered_work_injury = 0.65;
  double migrant_pension = 0.11;
  double migrant_medical = 0.13;
  double migrant_work_injury = 0.20;
  // How much of the gap to registered workers a migrant's access closes
  // (access: equalization, and with a residence permit services.permit_access
  // of the rest, as for restricted services).
  double access_weight = 0.1;
  // Enforcement (the insurance.enforcement lever e): a new job is insured
  // with chance c + e (1 - c); a job without a scheme gains it at this
  // yearly rate times e.
  double catch_up_rate = 0.5;
  // Health shocks: yearly chance of a serious illness per household, of a
  // work injury per worker in industry and in services.
  double illness_rate = 0.04;
  double injury_rate_secondary = 0.012;
  double injury_rate_tertiary = 0.004;
  // Unmet-need load of a shock (grievance.unmet_weight turns it into
  // hardship), uninsured; an insured household bears insured_share of it.
  double illness_load = 1.0;
  double injury_load = 2.0;
  double insured_share = 0.3;
  // Chance that a work injury becomes a labour dispute, uninsured and insured.
  double injury_dispute = 0.3;
  double injury_dispute_insured = 0.05;
  // Months a shock counts as recent (hardship_after_shock).
  double shock_months = 6.0;
};

}  // namespace zhili
