// Policy levers: the named, time-varying parameters a planner pulls.
//
// Each lever has a key path (as written under `policy:` in a scenario and in
// schedule entries), a default, a range and a unit. The engine keeps the values
// in force in a dense array indexed by LeverId, so reading a lever in a step
// function is an array load. To add a lever: append to LeverId and kLeverTable.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace zhili {

enum class LeverId : std::uint8_t {
  hukou_openness,
  hukou_permit_coverage,
  hukou_points_threshold,
  services_integration,
  services_data_sharing,
  services_equalization,
  services_digital_growth,
  services_purchase_budget,
  // services.online.<need>, one per NeedType, in its order.
  services_online_registration,
  services_online_social_insurance,
  services_online_medical_insurance,
  services_online_school_enrolment,
  services_online_employment,
  services_online_business_licence,
  services_online_housing_assistance,
  services_online_elderly_care,
  // Grievance, disputes and conflict (social_spec.hpp).
  grievance_hotline_capacity,
  grievance_petition_capacity,
  grievance_meeting_capacity,
  grievance_response_factor,
  disputes_mediators,
  disputes_court_capacity,
  disputes_internet_court_capacity,
  conflict_grid_workers,
  conflict_police,
  conflict_assistance,
  conflict_legitimacy_shock,
  // Social insurance (family_spec.hpp).
  insurance_enforcement,
  count
};

inline constexpr std::size_t kLeverCount = static_cast<std::size_t>(LeverId::count);

struct LeverInfo {
  LeverId id;
  std::string_view path;  // "hukou.openness"
  double default_value;
  double min;
  double max;
  std::string_view unit;
  std::string_view description;
};

inline constexpr std::array<LeverInfo, kLeverCount> kLeverTable{{
    {LeverId::hukou_openness, "hukou.openness", 0.3, 0.0, 1.0, "1",
     "Openness of household registration (户籍) to migrants: scales the yearly rate at which "
     "migrants settle as registered residents (市民化); 0 = closed, 1 = fully open."},
    {LeverId::hukou_permit_coverage, "hukou.permit_coverage", 0.4, 0.0, 1.0, "1",
     "Share of arriving migrants who obtain a residence permit (居住证)."},
    {LeverId::hukou_points_threshold, "hukou.points_threshold", 0.0, 0.0, 100.0, "points",
     "Points a migrant needs to apply for settlement (积分落户): points_per_year per year in the "
     "city, points_stable_job when employed, points_housing when living outside an urban village."},
    {LeverId::services_integration, "services.integration", 0.3, 0.0, 1.0, "1",
     "Share of functions handled at comprehensive windows (一窗多能): the chance that a visit to a "
     "district centre, street station or social-organisation outlet completes every department "
     "of a case at once; department windows never do."},
    {LeverId::services_data_sharing, "services.data_sharing", 0.0, 0.0, 1.0, "1",
     "Data sharing between departments (数据共享): removes this share of the missing-document "
     "return trips."},
    {LeverId::services_equalization, "services.equalization", 0.5, 0.0, 1.0, "1",
     "Equalization of basic public services (基本公共服务均等化): the share of restricted "
     "services a migrant without residence permit is entitled to; permit holders get "
     "services.permit_access of the rest on top."},
    {LeverId::services_digital_growth, "services.digital_growth", 0.0, 0.0, 1.0, "1/year",
     "Yearly chance that a household without digital access gains it."},
    {LeverId::services_purchase_budget, "services.purchase_budget", 0.0, 0.0, 1.0e10, "yuan/year",
     "Purchase of services (政府购买服务): the budget buys windows at social-organisation "
     "outlets at their cost_per_window, on top of the windows they list."},
    {LeverId::services_online_registration, "services.online.registration", 0.3, 0.0, 1.0, "1",
     "Share of registration cases that can be done online."},
    {LeverId::services_online_social_insurance, "services.online.social_insurance", 0.4, 0.0, 1.0, "1",
     "Share of social insurance cases that can be done online."},
    {LeverId::services_online_medical_insurance, "services.online.medical_insurance", 0.4, 0.0, 1.0, "1",
     "Share of medical insurance cases that can be done online."},
    {LeverId::services_online_school_enrolment, "services.online.school_enrolment", 0.2, 0.0, 1.0, "1",
     "Share of school enrolment cases that can be done online."},
    {LeverId::services_online_employment, "services.online.employment", 0.3, 0.0, 1.0, "1",
     "Share of employment service cases that can be done online."},
    {LeverId::services_online_business_licence, "services.online.business_licence", 0.2, 0.0, 1.0, "1",
     "Share of business licence cases that can be done online."},
    {LeverId::services_online_housing_assistance, "services.online.housing_assistance", 0.1, 0.0, 1.0, "1",
     "Share of housing assistance cases that can be done online."},
    {LeverId::services_online_elderly_care, "services.online.elderly_care", 0.1, 0.0, 1.0, "1",
     "Share of elderly and disability care cases that can be done online."},
    {LeverId::grievance_hotline_capacity, "grievance.hotline_capacity", 40.0, 0.0, 1.0e6, "1/month/10k",
     "Complaints the 12345-style hotline and online channel answers a month, per 10,000 residents."},
    {LeverId::grievance_petition_capacity, "grievance.petition_capacity", 5.0, 0.0, 1.0e6, "1/month/10k",
     "Petitions (信访) the petition office answers a month, per 10,000 residents."},
    {LeverId::grievance_meeting_capacity, "grievance.meeting_capacity", 10.0, 0.0, 1.0e6, "1/month/10k",
     "Complaints community meetings settle a month, per 10,000 residents."},
    {LeverId::grievance_response_factor, "grievance.response_factor", 1.0, 0.05, 20.0, "1",
     "Multiplies every channel's response time (grievance.channels.<channel>.response_days): "
     "complaints waiting longer are ignored and escalate."},
    {LeverId::disputes_mediators, "disputes.mediators", 2.0, 0.0, 1.0e4, "1/10k",
     "People's mediators (community and social-organisation) per 10,000 residents."},
    {LeverId::disputes_court_capacity, "disputes.court_capacity", 1000.0, 0.0, 1.0e8, "cases/month",
     "Cases the basic court can conclude a month."},
    {LeverId::disputes_internet_court_capacity, "disputes.internet_court_capacity", 0.0, 0.0, 1.0e8,
     "cases/month", "Cases the internet court (互联网法院) can conclude a month; 0 = no internet court."},
    {LeverId::conflict_grid_workers, "conflict.grid_workers", 10.0, 0.0, 1.0e4, "1/10k",
     "Grid workers (网格员) per 10,000 residents: officers in Epstein's sense, they deter and detain "
     "active households in their vision."},
    {LeverId::conflict_police, "conflict.police", 10.0, 0.0, 1.0e4, "1/10k",
     "Community police per 10,000 residents, officers like the grid workers."},
    {LeverId::conflict_assistance, "conflict.assistance", 0.5, 0.0, 1.0, "1",
     "Coverage of assistance programmes (帮教) for special populations: the share of them whose "
     "extra risk is removed."},
    {LeverId::conflict_legitimacy_shock, "conflict.legitimacy_shock", 0.0, -1.0, 1.0, "1",
     "Drop in legitimacy in every zone (Epstein's legitimacy shocks); negative values raise it."},
    {LeverId::insurance_enforcement, "insurance.enforcement", 0.0, 0.0, 1.0, "1",
     "Enforcement of employers' social insurance duty (labour inspection, 劳动保障监察): a new job "
     "comes with each scheme with chance c + e (1 - c), c the employer's compliance; a job without "
     "one gains it at insurance.catch_up_rate x e a year."},
}};

// The lever of need type `need`'s online share.
inline LeverId online_lever(std::size_t need) {
  return static_cast<LeverId>(static_cast<std::size_t>(LeverId::services_online_registration) + need);
}

inline const LeverInfo& lever_info(LeverId id) { return kLeverTable[static_cast<std::size_t>(id)]; }

inline std::optional<LeverId> find_lever(std::string_view path) {
  for (const auto& l : kLeverTable)
    if (l.path == path) return l.id;
  return std::nullopt;
}

using LeverValues = std::array<double, kLeverCount>;

inline LeverValues default_levers() {
  LeverValues v{};
  for (const auto& l : kLeverTable) v[static_cast<std::size_t>(l.id)] = l.default_value;
  return v;
}

}  // namespace zhili
