// Families split between city and village (人户分离, left-behind members) and
// social insurance as a state of a household's workers: docs/MODEL.md 7.15,
// sources of the defaults in docs/VALIDATION.md, "Split families and social
// insurance".
#pragma once

namespace zhili {

struct FamilySpec {
  bool enabled = true;
  // A migrant household moves whole (举家外出) with this chance; otherwise its
  // children and elderly stay at the origin (NBS 2014: 35.78 of 168.21
  // million migrant workers away had moved with the whole family).
  double whole_family_share = 0.213;
  // When it does not, each child stays behind with this chance (ACWF 2013,
  // from the 2010 census: 61.0 of 96.8 million children of migrants were left
  // behind, 0.63 = (1 - 0.213) x 0.80), and each elderly member with this one.
  double children_left_share = 0.80;
  double elderly_left_share = 1.0;
  // Yearly chance that the members left behind join a household in urban
  // work, at full schooling access (registered, or equalization 1); times the
  // household's access (equalization, residence permit) when children are
  // among them, and times urban_village_factor in an urban village.
  double reunify_rate = 0.12;
  double urban_village_factor = 0.5;
  // Share of a split household's income sent to the members left behind.
  double remittance_share = 0.25;
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
