// Schema entries of grievance, expression channels, disputes and conflict
// (issue "Grievance, expression channels, disputes and conflict";
// social_spec.hpp has the model each key feeds). Capacities, mediators,
// officers, assistance and legitimacy shocks are levers (policy.grievance.*,
// policy.disputes.*, policy.conflict.*), so the schedule can move them.
#include <limits>

#include "scenario/detail/schema_parts.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr NumRange kShare{0.0, 1.0};
constexpr NumRange kWeight{0.0, 100.0};
constexpr NumRange kRate{0.0, 100.0};

std::string spaced(const char* name) {
  std::string label = name;
  for (char& c : label)
    if (c == '_') c = ' ';
  return label;
}

void add_channel_rules(std::size_t c, std::vector<KeyRule>& rules) {
  const std::string p = "grievance.channels." + std::string(kChannelNames[c]) + ".";
  const std::string label = spaced(kChannelNames[c]);
  rules.push_back(number_key(
      p + "response_days", "days", {0.0, 3650.0, true},
      [c](auto& s) -> auto& { return s.grievance.channels[c].response_days; },
      "A complaint to the " + label + " not answered within this many days (times "
      "policy.grievance.response_factor) is ignored: the household's escalation level rises."));
  rules.push_back(number_key(
      p + "cost_per_case", "yuan", {0.0, 1e9},
      [c](auto& s) -> auto& { return s.grievance.channels[c].cost_per_case; },
      "Cost of answering one complaint at the " + label + "."));
}

void add_kind_rules(std::size_t k, std::vector<KeyRule>& rules) {
  const std::string p = "disputes.kinds." + std::string(kDisputeKindNames[k]) + ".";
  const std::string label = spaced(kDisputeKindNames[k]);
  rules.push_back(number_key(
      p + "rate", "1/year", kRate, [k](auto& s) -> auto& { return s.disputes.kinds[k].rate; },
      "Yearly " + label + " disputes per household where the kind applies (docs/MODEL.md 7.11)."));
  rules.push_back(number_key(
      p + "migrant_factor", "1", {0.0, 100.0},
      [k](auto& s) -> auto& { return s.disputes.kinds[k].migrant_factor; },
      "Multiplies the " + label + " rate for migrant households."));
  rules.push_back(number_key(
      p + "mediation_share", "1", kShare,
      [k](auto& s) -> auto& { return s.disputes.kinds[k].mediation_share; },
      "Share of " + label + " disputes taken to people's mediation (人民调解) first."));
  rules.push_back(bool_key(
      p + "internet", [k](auto& s) -> auto& { return s.disputes.kinds[k].internet; },
      "Whether the internet court may take " + label + " disputes."));
}

void add_path_rules(std::size_t k, std::vector<KeyRule>& rules) {
  const std::string p = "disputes.paths." + std::string(kDisputePathNames[k]) + ".";
  const std::string label = spaced(kDisputePathNames[k]);
  rules.push_back(number_key(
      p + "duration_days", "days", {0.0, 3650.0},
      [k](auto& s) -> auto& { return s.disputes.paths[k].duration_days; },
      "Processing time of a case at the " + label + " before it can conclude."));
  rules.push_back(number_key(
      p + "cost_per_case", "yuan", {0.0, 1e9},
      [k](auto& s) -> auto& { return s.disputes.paths[k].cost_per_case; },
      "Cost of one case concluded at the " + label + "."));
}

std::vector<KeyRule> grievance_rules() {
  std::vector<KeyRule> rules{
      bool_key("grievance.enabled", [](auto& s) -> auto& { return s.grievance.enabled; },
               "Simulate hardship, legitimacy and grievance G = H (1 - L) (Epstein 2002), and "
               "complaints through the expression channels."),
      number_key("grievance.personal", "1", kShare, [](auto& s) -> auto& { return s.grievance.personal; },
                 "Scale of each household's own fixed hardship draw u ~ U(0,1): H = 1 - (1 - personal u) "
                 "exp(-x). 1 with every weight 0 gives Epstein's uniform hardship."),
      number_key("grievance.unemployment_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.unemployment_weight; },
                 "Hardship exponent added when the household has workers and no urban job."),
      number_key("grievance.unmet_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.unmet_weight; },
                 "Hardship exponent per unit of unmet-need load (importance of refused and expired "
                 "needs, plus importance-years cases stayed open)."),
      number_key("grievance.deprivation_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.deprivation_weight; },
                 "Hardship exponent per unit of relative deprivation, 1 - income / the mean income "
                 "within conflict.vision (Kim & Hanneman 2011), when positive."),
      number_key("grievance.housing_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.housing_weight; },
                 "Hardship exponent per unit of burden beyond grievance.housing_threshold (at most 1)."),
      number_key("grievance.housing_threshold", "1", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.grievance.housing_threshold; },
                 "Housing burden: a household's rent-to-income ratio over the city's (mean rent over "
                 "mean income); above this it adds hardship, and tenancy disputes apply."),
      number_key("grievance.escalation_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.escalation_weight; },
                 "Hardship exponent per escalation level (ignored complaints, at most 3)."),
      number_key("grievance.memory_months", "months", {0.0, 1200.0, true},
                 [](auto& s) -> auto& { return s.grievance.memory_months; },
                 "E-folding time of the unmet-need load: how long unmet needs are remembered."),
      number_key("grievance.wait_weight", "1/year", kWeight,
                 [](auto& s) -> auto& { return s.grievance.wait_weight; },
                 "Unmet-need load per importance-year a case stayed open before it closed."),
      number_key("grievance.legitimacy", "1", kShare,
                 [](auto& s) -> auto& { return s.grievance.legitimacy; },
                 "Legitimacy L at the start and with no service or channel experience (Epstein's L)."),
      number_key("grievance.grid_relief", "1/year", {0.0, 100.0},
                 [](auto& s) -> auto& { return s.grievance.grid_relief; },
                 "Grievances that grid workers find and settle (排查化解): each grid worker per 10,000 "
                 "residents (policy.conflict.grid_workers) removes unmet-need load at this yearly rate, "
                 "on top of the forgetting of grievance.memory_months (0 = grid workers only deter)."),
      number_key("grievance.legitimacy_memory_months", "months", {0.0, 1200.0},
                 [](auto& s) -> auto& { return s.grievance.legitimacy_memory_months; },
                 "E-folding time of legitimacy toward its target; 0 = it follows at once."),
      number_key("grievance.coverage_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.coverage_weight; },
                 "Legitimacy gained per unit of the zone's service coverage above coverage_reference."),
      number_key("grievance.coverage_reference", "1", kShare,
                 [](auto& s) -> auto& { return s.grievance.coverage_reference; },
                 "Service coverage at which services neither raise nor lower legitimacy."),
      number_key("grievance.response_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.response_weight; },
                 "Legitimacy gained per unit of the zone's answered share of complaints above "
                 "response_reference."),
      number_key("grievance.response_reference", "1", kShare,
                 [](auto& s) -> auto& { return s.grievance.response_reference; },
                 "Answered share of complaints at which channels neither raise nor lower legitimacy."),
      number_key("grievance.trips_weight", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.trips_weight; },
                 "Legitimacy lost per trip per completed case beyond one."),
      number_key("grievance.wait_months_weight", "1/month", kWeight,
                 [](auto& s) -> auto& { return s.grievance.wait_months_weight; },
                 "Legitimacy lost per month that completed cases took, on average, from the need "
                 "arising (waits at outlets and return trips)."),
      bool_key("grievance.channels_enabled", [](auto& s) -> auto& { return s.grievance.channels_enabled; },
               "Whether aggrieved households file complaints with the expression channels."),
      number_key("grievance.complaint_threshold", "1", kShare,
                 [](auto& s) -> auto& { return s.grievance.complaint_threshold; },
                 "Grievance above which a household may file a complaint."),
      number_key("grievance.complaint_rate", "1/year", kRate,
                 [](auto& s) -> auto& { return s.grievance.complaint_rate; },
                 "Yearly rate at which an aggrieved household without a pending complaint files one."),
      number_key("grievance.hotline_share", "1", kShare,
                 [](auto& s) -> auto& { return s.grievance.hotline_share; },
                 "Share of first complaints made to the hotline; the rest go to community meetings. "
                 "Escalated households petition (信访)."),
      number_key("grievance.relief", "1", kShare, [](auto& s) -> auto& { return s.grievance.relief; },
                 "Share of the household's unmet-need load an answered complaint removes."),
      number_key("grievance.ignored_load", "1", kWeight,
                 [](auto& s) -> auto& { return s.grievance.ignored_load; },
                 "Unmet-need load an ignored complaint adds."),
  };
  for (std::size_t c = 0; c < kChannelCount; ++c) add_channel_rules(c, rules);
  return rules;
}

std::vector<KeyRule> dispute_rules() {
  std::vector<KeyRule> rules{
      bool_key("disputes.enabled", [](auto& s) -> auto& { return s.disputes.enabled; },
               "Simulate disputes (矛盾调处): people's mediation, the basic court and the internet court."),
      number_key("disputes.inapplicable", "1", kShare,
                 [](auto& s) -> auto& { return s.disputes.inapplicable; },
                 "Rate multiplier of a dispute kind for households it does not apply to (labour "
                 "without urban work, tenancy for registered households not burdened by rent, online "
                 "commerce without digital access)."),
      number_key("disputes.growth", "1/year", {-1.0, 10.0},
                 [](auto& s) -> auto& { return s.disputes.growth; },
                 "Yearly growth of every dispute rate (caseloads grow with the economy)."),
      number_key("disputes.mediation_success", "1", kShare,
                 [](auto& s) -> auto& { return s.disputes.mediation_success; },
                 "Share of mediations that settle the dispute; the others go to court."),
      number_key("disputes.cases_per_mediator_month", "cases", {0.0, 1e6},
                 [](auto& s) -> auto& { return s.disputes.cases_per_mediator_month; },
                 "Mediations one mediator concludes a month."),
      number_key("disputes.internet_take_share", "1", kShare,
                 [](auto& s) -> auto& { return s.disputes.internet_take_share; },
                 "Share of internet-eligible disputes taken to the internet court when there is one "
                 "(policy.disputes.internet_court_capacity above 0)."),
      integer_key("disputes.clearance_window_months", "months", {1, 120},
                  [](auto& s) -> auto& { return s.disputes.clearance_window_months; },
                  "Clearance rate = cases concluded / cases filed over this many trailing months."),
  };
  for (std::size_t k = 0; k < kDisputeKindCount; ++k) add_kind_rules(k, rules);
  for (std::size_t k = 0; k < kDisputePathCount; ++k) add_path_rules(k, rules);
  return rules;
}

std::vector<KeyRule> conflict_only_rules() {
  return {
      bool_key("conflict.enabled", [](auto& s) -> auto& { return s.conflict.enabled; },
               "Simulate Epstein's activation rule on the map, officers (grid workers, police) and "
               "collective incidents. Needs grievance.enabled."),
      choice_key("conflict.activation", {"synchronous", "sequential"},
                 [](auto& s) -> auto& { return s.conflict.activation; },
                 "synchronous = every household decides from the actives of the step before "
                 "(parallel); sequential = one at a time in a random order drawn each step, each "
                 "change seen at once by the next (NetLogo's Rebellion; serial)."),
      choice_key("conflict.incident_extent", {"patch", "gathering"},
                 [](auto& s) -> auto& { return s.conflict.incident_extent; },
                 "patch = every 8-connected patch of hot cells is one incident (Epstein's bursts); "
                 "gathering = hot cells, most active first, join the most active gathering whose peak "
                 "is within conflict.vision cells or start one, so a wide area of unrest holds many "
                 "incidents (a gathering draws people from within walking distance)."),
      integer_key("conflict.vision", "cells", {0, 50}, [](auto& s) -> auto& { return s.conflict.vision; },
                  "Radius of the disc of cells a household (and an officer) sees."),
      bool_key("conflict.torus", [](auto& s) -> auto& { return s.conflict.torus; },
               "Whether vision wraps around the map's edges (Epstein's torus)."),
      number_key("conflict.threshold", "1", kShare, [](auto& s) -> auto& { return s.conflict.threshold; },
                 "T: a household turns active when G - R P > T."),
      number_key("conflict.surge", "1", kShare, [](auto& s) -> auto& { return s.conflict.surge; },
                 "Share of the district's officers that can be sent to where households are active: "
                 "the estimated arrest probability uses the larger of the local ratio C / A and surge x "
                 "the district's officers over its active households (a district's police is deployed "
                 "to an incident, not only the officers who see it); 0 = officers in vision only, as "
                 "on Epstein's lattice."),
      number_key("conflict.threshold_spread", "1", {0.0, 1.0},
                 [](auto& s) -> auto& { return s.conflict.threshold_spread; },
                 "Standard deviation of the households' own thresholds around conflict.threshold: "
                 "household i turns active when G - R P > T + threshold_spread z_i, z_i a fixed normal "
                 "rank (Granovetter 1978: spread thresholds make cascades partial); 0 = one T for all."),
      number_key("conflict.arrest_k", "1", {0.0, 100.0}, [](auto& s) -> auto& { return s.conflict.arrest_k; },
                 "k of the estimated arrest probability P = 1 - exp(-k C / A)."),
      bool_key("conflict.arrest_floor", [](auto& s) -> auto& { return s.conflict.arrest_floor; },
               "Round C / A down to an integer, as NetLogo's Rebellion model does."),
      integer_key("conflict.max_detention_steps", "steps", {1, 255},
                  [](auto& s) -> auto& { return s.conflict.max_detention_steps; },
                  "A detained household sits out between 1 and this many steps (uniform)."),
      bool_key("conflict.officers_wander", [](auto& s) -> auto& { return s.conflict.officers_wander; },
               "Officers move within their vision of where they stand (Epstein's cops); false: of "
               "their post, drawn where people live."),
      bool_key("conflict.movement", [](auto& s) -> auto& { return s.conflict.movement; },
               "Households move each step to a random cell within their vision that has room and no "
               "officer, as Epstein's agents do (for lattice experiments; needs relocation.enabled: "
               "false)."),
      number_key("conflict.special_risk_factor", "1", kShare,
                 [](auto& s) -> auto& { return s.conflict.special_risk_factor; },
                 "Risk aversion multiplier of special populations not covered by assistance (帮教)."),
      number_key("conflict.special_hardship", "1", kWeight,
                 [](auto& s) -> auto& { return s.conflict.special_hardship; },
                 "Hardship exponent added for special populations not covered by assistance."),
      number_key("conflict.incident_threshold", "households", {0.0, kInf, true},
                 [](auto& s) -> auto& { return s.conflict.incident_threshold; },
                 "Real active households within vision that make a cell part of a collective incident."),
  };
}

}  // namespace

std::vector<KeyRule> social_rules() {
  std::vector<KeyRule> rules = grievance_rules();
  for (auto& r : dispute_rules()) rules.push_back(std::move(r));
  for (auto& r : conflict_only_rules()) rules.push_back(std::move(r));
  return rules;
}

}  // namespace zhili::scenario_detail
