// Schema entries of the urban economy and of rural-urban migration
// (Harris-Todaro). Kept apart from schema_table.cpp so each file stays one subject.
#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

namespace {
constexpr NumRange kShare{0.0, 1.0};
constexpr NumRange kRate{-0.5, 1.0};      // yearly growth rates: shrinking allowed
constexpr NumRange kMoney{0.0, 1.0e7};    // yuan/month
}  // namespace

std::vector<KeyRule> rural_migration_rules() {
  return {
      number_key("migration.points_per_year", "points/year", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.migration.points_per_year; },
                 "Settlement points per year lived in the city (points rule, hukou.points_threshold)."),
      number_key("migration.points_stable_job", "points", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.migration.points_stable_job; },
                 "Settlement points for holding a job (counted when economy.enabled)."),
      number_key("migration.points_housing", "points", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.migration.points_housing; },
                 "Settlement points for living in formal housing (outside an urban village)."),
      choice_key("population.placement", {"capacity", "urban_share"},
                 [](auto& s) -> auto& { return s.population.placement; },
                 "Where households start: capacity = cells drawn in proportion to their housing; "
                 "urban_share = a household is in the city's zones with probability "
                 "population.urban_share, then in a cell drawn by capacity there."),
      number_key("population.urban_share", "1", kShare,
                 [](auto& s) -> auto& { return s.population.urban_share; },
                 "Share of households starting in the city's zones (population.placement: urban_share)."),
      number_key("population.elderly_share", "1", kShare,
                 [](auto& s) -> auto& { return s.population.elderly_share; },
                 "Share of a household's non-working members who are elderly; the others are children."),
      number_key("population.digital_access", "1", kShare,
                 [](auto& s) -> auto& { return s.population.digital_access; },
                 "Share of households able to use online services at the start (digital access)."),
      number_key("population.special_share", "1", kShare,
                 [](auto& s) -> auto& { return s.population.special_share; },
                 "Share of households with a member in a special population (released prisoners, "
                 "drug users, idle youth: the targets of assistance programmes, 帮教)."),
      number_key("migration.ht_beta", "1/year", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.migration.ht_beta; },
                 "Responsiveness of rural households to the expected urban gain: the yearly hazard "
                 "of moving is ht_beta x max(0, p W_U - W_R - cost) / W_R, times the network pull "
                 "(Harris & Todaro 1970). Used when economy.enabled."),
      number_key("migration.ht_moving_cost", "yuan/month", kMoney,
                 [](auto& s) -> auto& { return s.migration.ht_moving_cost; },
                 "Cost of moving and settling in the city, as a monthly income equivalent."),
      number_key("migration.ht_hukou_barrier", "yuan/month", kMoney,
                 [](auto& s) -> auto& { return s.migration.ht_hukou_barrier; },
                 "Cost of living in the city without local registration, at hukou.openness = 0; "
                 "it falls linearly to 0 at openness 1."),
      number_key("migration.ht_network", "1", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.migration.ht_network; },
                 "Network effect: the moving chance is multiplied by 1 + ht_network x (share of "
                 "the household's origin area already living in the city as migrants)."),
      number_key("migration.ht_return_after_months", "months", {0.0, 1200.0},
                 [](auto& s) -> auto& { return s.migration.ht_return_after_months; },
                 "Months of unemployment after which a migrant from the map's countryside may return."),
      number_key("migration.ht_return_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.migration.ht_return_rate; },
                 "Yearly chance that a long-unemployed migrant returns to the countryside."),
      number_key("migration.rent_elasticity", "1", {0.0, 10.0},
                 [](auto& s) -> auto& { return s.migration.rent_elasticity; },
                 "Destination choice: a city cell's pull is its jobs per home over the city mean, "
                 "times (city mean rent / the cell's rent) to this power (0 = rent ignored)."),
  };
}

std::vector<KeyRule> demography_rules() {
  return {
      bool_key("demography.enabled", [](auto& s) -> auto& { return s.demography.enabled; },
               "Simulate natural change: births, deaths, ageing and household formation."),
      number_key("demography.birth_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.demography.birth_rate; },
                 "Births per person of working age per year."),
      number_key("demography.death_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.demography.death_rate; },
                 "Deaths per child or person of working age per year."),
      number_key("demography.elderly_death_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.demography.elderly_death_rate; },
                 "Deaths per elderly person per year."),
      number_key("demography.childhood_years", "years", {1.0, 100.0},
                 [](auto& s) -> auto& { return s.demography.childhood_years; },
                 "Mean years a child stays a child (ageing: 1/this a year)."),
      number_key("demography.working_years", "years", {1.0, 100.0},
                 [](auto& s) -> auto& { return s.demography.working_years; },
                 "Mean years of working age before a person becomes elderly."),
      number_key("demography.formation_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.demography.formation_rate; },
                 "Yearly chance that a household of four or more with two or more workers splits "
                 "off a new household of two workers, in a vacant home of the same kind of area."),
  };
}

std::vector<KeyRule> economy_rules() {
  std::vector<KeyRule> rules{
      bool_key("economy.enabled", [](auto& s) -> auto& { return s.economy.enabled; },
               "Simulate the urban labour market, incomes and rural-urban migration."),
      number_key("economy.jobs_per_worker", "1", {0.0, 10.0},
                 [](auto& s) -> auto& { return s.economy.jobs_per_worker; },
                 "Urban jobs (secondary and tertiary) per urban worker at the start."),
      number_key("economy.job_growth", "1/year", kRate,
                 [](auto& s) -> auto& { return s.economy.job_growth; },
                 "Yearly growth of the number of urban jobs (exogenous labour demand)."),
      number_key("economy.tertiary_share", "1", kShare,
                 [](auto& s) -> auto& { return s.economy.tertiary_share; },
                 "Tertiary sector's share of urban jobs at the start."),
      number_key("economy.tertiary_shift", "1/year", {-1.0, 1.0},
                 [](auto& s) -> auto& { return s.economy.tertiary_shift; },
                 "Yearly change of the tertiary share (structural change), kept within [0, 1]."),
      number_key("economy.wage_secondary", "yuan/month", kMoney,
                 [](auto& s) -> auto& { return s.economy.wage_secondary; },
                 "Monthly wage of a secondary-sector worker at the start."),
      number_key("economy.wage_tertiary", "yuan/month", kMoney,
                 [](auto& s) -> auto& { return s.economy.wage_tertiary; },
                 "Monthly wage of a tertiary-sector worker at the start."),
      number_key("economy.rural_income", "yuan/month", kMoney,
                 [](auto& s) -> auto& { return s.economy.rural_income; },
                 "Monthly income of a farm worker (W_R) at the start."),
      number_key("economy.wage_growth", "1/year", kRate,
                 [](auto& s) -> auto& { return s.economy.wage_growth; },
                 "Yearly growth of urban wages."),
      number_key("economy.rural_income_growth", "1/year", kRate,
                 [](auto& s) -> auto& { return s.economy.rural_income_growth; },
                 "Yearly growth of rural income."),
      number_key("economy.separation_rate", "1/year", kShare,
                 [](auto& s) -> auto& { return s.economy.separation_rate; },
                 "Yearly chance that an employed urban worker loses the job (turnover)."),
      number_key("economy.unemployment_benefit", "1", kShare,
                 [](auto& s) -> auto& { return s.economy.unemployment_benefit; },
                 "Income of an unemployed urban worker, as a share of the secondary wage."),
      choice_key("economy.demand", {"growth", "logistic"},
                 [](auto& s) -> auto& { return s.economy.demand; },
                 "Path of urban labour demand: growth = jobs_per_worker x the initial urban workers, "
                 "growing at job_growth a year; logistic = urban jobs as a share of all workers "
                 "follow 1 / (1 + exp(-(a + b y + c y^2))), y = years since run.start."),
      number_key("economy.logit_intercept", "1", {-50.0, 50.0},
                 [](auto& s) -> auto& { return s.economy.logit_intercept; },
                 "a of the logistic demand path (logit of the urban job share at the start)."),
      number_key("economy.logit_slope", "1/year", {-10.0, 10.0},
                 [](auto& s) -> auto& { return s.economy.logit_slope; },
                 "b of the logistic demand path."),
      number_key("economy.logit_curvature", "1/year^2", {-1.0, 1.0},
                 [](auto& s) -> auto& { return s.economy.logit_curvature; },
                 "c of the logistic demand path (0 = a plain logistic curve)."),
      number_key("economy.primary_share", "1", kShare,
                 [](auto& s) -> auto& { return s.economy.primary_share; },
                 "Most workers farming can employ, as a share of all workers, at the start; "
                 "villagers' workers beyond it work off the farm locally."),
      number_key("economy.primary_shift", "1/year", {-1.0, 1.0},
                 [](auto& s) -> auto& { return s.economy.primary_shift; },
                 "Yearly change of primary_share (structural change), kept within [0, 1]."),
      number_key("economy.rural_nonfarm_wage", "1", {0.0, 10.0},
                 [](auto& s) -> auto& { return s.economy.rural_nonfarm_wage; },
                 "Wage of villagers working off the farm, as a share of the secondary wage."),
      number_key("economy.wage_dispersion", "1", {0.0, 3.0},
                 [](auto& s) -> auto& { return s.economy.wage_dispersion; },
                 "Spread of urban earnings: a household earns its sector's wage times X, ln X normal "
                 "with this standard deviation and E[X] = 1, its rank fixed for life "
                 "(0 = every worker earns the sector's wage)."),
      number_key("economy.rural_income_dispersion", "1", {0.0, 3.0},
                 [](auto& s) -> auto& { return s.economy.rural_income_dispersion; },
                 "Spread of villagers' incomes (farming and local off-farm work), as "
                 "economy.wage_dispersion for urban wages, with the same fixed rank."),
      number_key("economy.matching_efficiency", "1/month", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.economy.matching_efficiency; },
                 "Search frictions: at most this x min(U, sqrt(U V)) workers are hired a month, U the "
                 "job-seekers' workers and V the open jobs (Cobb-Douglas matching, elasticity 0.5; a "
                 "seeker finds a job with chance at most this a month); 0 = no friction, every seeker "
                 "is hired while jobs are open."),
      number_key("economy.workers_per_person", "1", {0.0, 1.0, true},
                 [](auto& s) -> auto& { return s.economy.workers_per_person; },
                 "Workers in a household = round(size x this), at least one."),
      number_key("economy.commute_acceptance", "1", kShare,
                 [](auto& s) -> auto& { return s.economy.commute_acceptance; },
                 "Chance per step that a job-seeker who finds no open job in the zone it lives "
                 "in takes one in another zone (1 = one city-wide labour market)."),
      number_key("economy.max_rent_share", "1", kShare,
                 [](auto& s) -> auto& { return s.economy.max_rent_share; },
                 "Affordability: city households neither take a home whose rent exceeds this "
                 "share of their income nor stay content in one (0 = no affordability rule, "
                 "for scenarios whose incomes are relative units)."),
  };
  // Labour demand by zone (the city's zones; rural jobs are farming and local work).
  for (std::size_t z = 0; z + 1 < kZoneCount; ++z) {
    const std::string zone = kZoneNames[z];
    rules.push_back(number_key(
        "economy.job_weight." + zone, "1", {0.0, 1000.0},
        [z](auto& s) -> auto& { return s.economy.job_weight[z]; },
        "Jobs per home in zone " + zone + ", relative to the other zones: a cell's share of "
        "the urban jobs is proportional to its homes x this."));
  }
  for (std::size_t z = 0; z + 1 < kZoneCount; ++z) {
    const std::string zone = kZoneNames[z];
    rules.push_back(number_key(
        "economy.zone_job_growth." + zone, "1/year", kRate,
        [z](auto& s) -> auto& { return s.economy.zone_job_growth[z]; },
        "Extra yearly growth of zone " + zone + "'s job weight (shifts jobs between zones "
        "over time; the city's total follows economy.demand)."));
  }
  for (std::size_t z = 0; z + 1 < kZoneCount; ++z) {
    const std::string zone = kZoneNames[z];
    rules.push_back(number_key(
        "economy.zone_tertiary." + zone, "1", {-1.0, 1.0},
        [z](auto& s) -> auto& { return s.economy.zone_tertiary[z]; },
        "Tertiary share of zone " + zone + "'s jobs above (or below) the city's, before "
        "re-centring so the city total keeps economy.tertiary_share."));
  }
  return rules;
}

}  // namespace zhili::scenario_detail
