// What a scenario says about grievance, expression channels, disputes and
// conflict (issue "Grievance, expression channels, disputes and conflict";
// docs/MODEL.md 7.10-7.12).
//
// The policy levers of these submodels (channel capacities and response time,
// mediators, court capacities, grid workers and police, assistance coverage,
// legitimacy shocks) are in levers.hpp, so the schedule can move them.
#pragma once

#include <array>
#include <cstdint>

namespace zhili {

// Expression channels (诉求表达), after essay 4: the 12345-style hotline and
// online complaint channel, the petition office (信访), community meetings.
enum class Channel : std::uint8_t { hotline, petition, meeting, count };
inline constexpr std::size_t kChannelCount = static_cast<std::size_t>(Channel::count);
inline constexpr std::array<const char*, kChannelCount> kChannelNames{"hotline", "petition", "meeting"};

struct ChannelSpec {
  double response_days = 15.0;  // a complaint not answered within this is ignored (escalates)
  double cost_per_case = 100.0; // yuan per complaint answered
};

// Hardship, legitimacy and grievance G = H (1 - L) (Epstein 2002), and who files complaints.
struct GrievanceSpec {
  bool enabled = false;
  // Hardship H = 1 - (1 - personal u) exp(-(w_u U + w_n N + w_d D + w_b B + w_e E)),
  // u ~ U(0,1) a household's own, fixed draw (what the model does not
  // explain); U unemployed, N the unmet-need load, D relative deprivation,
  // B housing-cost burden, E escalations of ignored complaints. With
  // personal = 1 and every weight 0, H = u: Epstein's uniform hardship.
  double personal = 0.3;
  double unemployment_weight = 0.5;
  double unmet_weight = 0.3;        // per unit of unmet-need load (importance-weighted)
  double deprivation_weight = 0.5;  // Kim & Hanneman 2011: income below the neighbours' mean
  // Housing burden compares a household's rent-to-income ratio with the
  // city's (mean rent over mean income of the city's households, the step
  // before): unit-free, so relative incomes (the calibrated economy's) work too.
  double housing_weight = 1.0;      // per unit of that ratio beyond housing_threshold
  double housing_threshold = 1.5;
  double escalation_weight = 0.3;   // per escalation level (0..3)
  double memory_months = 12.0;      // e-folding time of the unmet-need load
  // Grid workers find and settle grievances before they become complaints or
  // protest (网格化管理, 排查化解): each grid worker per 10,000 residents
  // removes this share of every household's unmet-need load a year (as a rate).
  double grid_relief = 0.0;
  double wait_weight = 1.0;         // load per importance-year a case stayed open before closing
  // Legitimacy L per zone moves toward L* = initial + coverage_weight (coverage -
  // coverage_reference) + response_weight (answered share - response_reference)
  // - trips_weight (trips per case - 1) - wait_months_weight (months a case
  // takes) - policy.conflict.legitimacy_shock,
  // with e-folding time legitimacy_memory_months; terms without data are 0.
  double legitimacy = 0.85;
  double legitimacy_memory_months = 6.0;
  double coverage_weight = 0.3;
  double coverage_reference = 0.8;
  double response_weight = 0.2;
  double response_reference = 0.8;
  double trips_weight = 0.05;
  double wait_months_weight = 0.05;  // per month from a need arising to its case's completion
  // Complaints: a household whose grievance exceeds complaint_threshold and
  // has none pending files one with yearly chance complaint_rate; escalated
  // households go to the petition office, others to the hotline or a
  // community meeting by hotline_share.
  bool channels_enabled = true;
  double complaint_threshold = 0.06;
  double complaint_rate = 0.5;
  double hotline_share = 0.7;
  double relief = 0.5;           // share of the unmet-need load an answer removes
  double ignored_load = 0.5;     // unmet-need load an ignored complaint adds
  std::array<ChannelSpec, kChannelCount> channels{{{15.0, 60.0}, {60.0, 400.0}, {30.0, 150.0}}};
};

// Disputes (矛盾调处) by kind, and the paths that settle them.
enum class DisputeKind : std::uint8_t { labour, tenancy, neighbour, online_commerce, administrative, count };
inline constexpr std::size_t kDisputeKindCount = static_cast<std::size_t>(DisputeKind::count);
inline constexpr std::array<const char*, kDisputeKindCount> kDisputeKindNames{
    "labour", "tenancy", "neighbour", "online_commerce", "administrative"};

enum class DisputePath : std::uint8_t { mediation, court, internet_court, count };
inline constexpr std::size_t kDisputePathCount = static_cast<std::size_t>(DisputePath::count);
inline constexpr std::array<const char*, kDisputePathCount> kDisputePathNames{"mediation", "court",
                                                                              "internet_court"};

struct DisputeKindSpec {
  double rate = 0.01;            // yearly disputes per household where the kind applies fully
  double migrant_factor = 1.0;   // multiplies the rate for migrant households
  double mediation_share = 0.5;  // share taken to people's mediation first
  bool internet = false;         // the internet court may take it (online disputes)
};

struct DisputePathSpec {
  double duration_days = 30.0;  // processing time before a case can conclude
  double cost_per_case = 1000.0;
};

struct DisputeSpec {
  bool enabled = false;
  // Where a kind applies: labour to households with a worker in urban work
  // (others at `inapplicable`), tenancy to migrants and to households whose
  // rent-to-income ratio exceeds grievance.housing_threshold times the city's, online commerce to
  // households with digital access, administrative disputes grow with
  // escalated complaints (x (1 + level)); neighbour disputes everywhere.
  std::array<DisputeKindSpec, kDisputeKindCount> kinds{{
      {0.010, 2.0, 0.6, false},  // labour: wage arrears (欠薪), dismissals
      {0.008, 1.5, 0.7, false},  // tenancy
      {0.006, 1.0, 0.9, false},  // neighbour
      {0.006, 1.0, 0.2, true},   // online commerce
      {0.003, 1.0, 0.2, false},  // administrative
  }};
  double inapplicable = 0.2;   // rate multiplier where a kind does not apply
  double growth = 0.0;         // yearly growth of every rate (litigation grows with the economy)
  double mediation_success = 0.7;
  double cases_per_mediator_month = 8.0;
  double internet_take_share = 0.8;  // of internet-eligible disputes, taken to the internet court when it exists
  int clearance_window_months = 6;   // clearance = concluded / filed over this many months
  std::array<DisputePathSpec, kDisputePathCount> paths{{{20.0, 300.0}, {75.0, 3000.0}, {30.0, 800.0}}};
};

// Epstein's activation rule on the map (Epstein 2002; references.md).
// synchronous: every household decides from the actives of the step before
// (parallel); sequential: one at a time in a random order drawn each step,
// each change seen at once by the next (NetLogo "Rebellion"; serial).
enum class ConflictActivation : std::uint8_t { synchronous, sequential };
// What one collective incident is on the map: an 8-connected patch of hot
// cells, or a gathering around one local peak of the actives (model/incidents.hpp).
enum class IncidentExtent : std::uint8_t { patch, gathering };

struct ConflictSpec {
  bool enabled = false;
  ConflictActivation activation = ConflictActivation::synchronous;
  int vision = 2;              // cells: a household sees the disc of this radius (Euclidean)
  bool torus = false;          // the map wraps around (Epstein's lattice); a city does not
  double threshold = 0.15;     // T: active when G - R P > T (Epstein: 0.1; 0.15 keeps a city calm by default)
  double threshold_spread = 0; // sd of households' own thresholds around T (Granovetter 1978); 0 = one T for all
  double arrest_k = 2.3;       // P = 1 - exp(-k C / A), C and A in real persons and households
  bool arrest_floor = false;   // true: floor(C / A) as NetLogo "Rebellion"; false: C / A (Epstein 2002)
  int max_detention_steps = 6; // a detained household sits out a uniform 1..max steps
  bool officers_wander = false;// officers patrol around their post (false) or drift (Epstein's cops)
  bool movement = false;       // households move to a random free cell in vision each step (Epstein's agents)
  double special_risk_factor = 0.5;  // special populations' risk aversion multiplier (without assistance)
  double special_hardship = 0.3;     // hardship added to the exponent for special populations (without assistance)
  double surge = 0;             // share of the district's officers that can be sent where actives are (0 = none)
  IncidentExtent incident_extent = IncidentExtent::patch;
  double incident_threshold = 50;    // real active households within vision that make a cell part of an incident
};

}  // namespace zhili
