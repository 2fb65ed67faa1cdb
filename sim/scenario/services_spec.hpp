// What a scenario says about public services: the need types households
// have, the outlets that handle them, the online platform and changes to the
// outlet network over time (issue "Public services"; docs/MODEL.md 7.9).
//
// The policy levers of the services (integration, data sharing, online share
// per need type, digital access growth, equalization, purchase of services)
// are in levers.hpp, so the schedule can move them like any other lever.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace zhili {

// Need types, after the essays' list of services at community and township
// level (essay 5; domain brief "public services").
enum class NeedType : std::uint8_t {
  registration,        // 户籍 and residence permit (居住证) business
  social_insurance,    // 社会保险: enrolment, transfer of accounts
  medical_insurance,   // 医疗保险: enrolment, reimbursement
  school_enrolment,    // 入学: a child's school place
  employment,          // 就业服务: job registration, training
  business_licence,    // 营业执照: starting a small business
  housing_assistance,  // 住房保障: public rental housing, subsidies
  elderly_care,        // 养老与残疾人服务: elderly and disability care
  count
};
inline constexpr std::size_t kNeedCount = static_cast<std::size_t>(NeedType::count);
inline constexpr std::array<const char*, kNeedCount> kNeedNames{
    "registration", "social_insurance", "medical_insurance", "school_enrolment",
    "employment",   "business_licence", "housing_assistance", "elderly_care"};

// A set of need types, bit i = NeedType i.
using NeedMask = std::uint16_t;
inline constexpr NeedMask kAllNeeds = (1u << kNeedCount) - 1;
inline constexpr NeedMask need_bit(NeedType n) { return static_cast<NeedMask>(1u << static_cast<unsigned>(n)); }

struct NeedSpec {
  // Yearly rate per household: base + per_child x children + per_elderly x
  // elderly + per_worker x workers, times migrant_factor for migrant households.
  double base_rate = 0.1;
  double per_child = 0.0;
  double per_elderly = 0.0;
  double per_worker = 0.0;
  double migrant_factor = 1.0;
  int departments = 1;          // approvals/departments a case goes through (1..8)
  double deadline_days = 30.0;  // a case not completed within this counts as unmet
  double importance = 1.0;      // weight in hardship (grievance issue) and weighted coverage
  double service_minutes = 20.0;  // mean minutes at a window per department
  double missing_document = 0.2;  // chance a visit finds a document missing, before data sharing
  bool restricted = true;       // migrants' access depends on equalization and permit
  // The online share of each need type is a lever: policy.services.online.<need>.
};

// Kinds of outlet named in the source essays (essay 5).
enum class OutletKindSpec : std::uint8_t { district_centre, street_station, department_window, social_organisation, count };
inline constexpr std::array<const char*, 4> kOutletKindNames{
    "district_centre", "street_station", "department_window", "social_organisation"};

enum class OutletOperator : std::uint8_t { government, social_organisation };

struct OutletSpec {
  std::string name;
  int x = 0, y = 0;  // cell
  OutletKindSpec kind = OutletKindSpec::street_station;
  NeedMask needs = kAllNeeds;  // need types it can handle
  int windows = 2;             // staffed windows
  double service_cv = 0.5;     // coefficient of variation of service times (lognormal)
  double speed = 1.0;          // service time multiplier (1 = the need's service_minutes)
  int days_per_week = 5;       // working days
  double open_hour = 9.0, close_hour = 17.0;
  OutletOperator operated_by = OutletOperator::government;
  double cost_per_window = 120000.0;  // yuan per window per year
  double error_rate = 0.02;    // chance a served case is processed wrongly (a return trip)
  bool open_at_start = true;   // false: opened by a schedule event
};

// The online platform's own settings, written `services.platform.*` in a
// scenario (`services.online.<need>` would read like the levers
// policy.services.online.<need>, the share of each need type done online).
struct OnlinePlatformSpec {
  bool enabled = true;
  double capacity_per_day = 1000.0;  // simulated cases the platform can take a day
  double failure_rate = 0.1;   // chance an online case fails and must be finished in person
  double cost_per_year = 2.0e6;  // yuan
};

// A change to the outlet network at a step (from `schedule:` entries with
// `outlet:`). One entry may make several events (open or close, windows,
// add_needs, in that order), all with its `order`.
struct OutletEvent {
  enum class Kind : std::uint8_t { open, close, set_windows, add_needs };
  Kind kind = Kind::open;
  std::int64_t step = 0;
  std::string outlet;       // OutletSpec::name
  int windows = 0;          // set_windows
  NeedMask needs = 0;       // add_needs
  int order = 0;            // position in the file
};

struct ServicesSpec {
  bool enabled = false;
  std::array<NeedSpec, kNeedCount> needs = default_needs();
  std::vector<OutletSpec> outlets;  // empty: a default layout is generated
  OnlinePlatformSpec online;        // services.platform.* in a scenario
  std::vector<OutletEvent> events;  // sorted by step, then file order
  double travel_speed_kmh = 15.0;   // door-to-door speed to an outlet
  double service_radius_km = 2.0;   // accessibility: share of people within this of an outlet
  double permit_access = 0.5;       // extra eligibility a residence permit gives, share of the gap
  double trip_cost_minutes = 30.0;  // fixed time of a trip beyond travel (utility)
  double patience_minutes = 120.0;  // mean longest wait a visitor accepts (exponential)
  int online_days = 2;              // days the platform takes to process a case
  int return_days = 5;              // mean days before an unfinished case comes back to an outlet

  static std::array<NeedSpec, kNeedCount> default_needs();
};

// Defaults: rates per household and year, and case make-up, of an ordinary
// district (orders of magnitude from the essays' accounts of service
// centres; a scenario sets its own). Fields: base, per child, per elderly,
// per worker, migrant factor, departments, deadline days, importance,
// minutes per department, missing-document chance, restricted.
inline std::array<NeedSpec, kNeedCount> ServicesSpec::default_needs() {
  return {{
      {0.05, 0.00, 0.00, 0.00, 4.0, 2, 30, 1.0, 20, 0.25, false},  // registration
      {0.10, 0.00, 0.00, 0.08, 1.0, 2, 30, 1.0, 15, 0.20, true},   // social_insurance
      {0.15, 0.00, 0.20, 0.00, 1.0, 1, 30, 1.2, 15, 0.15, true},   // medical_insurance
      {0.00, 0.12, 0.00, 0.00, 1.0, 3, 60, 1.5, 25, 0.30, true},   // school_enrolment
      {0.02, 0.00, 0.00, 0.08, 1.0, 1, 30, 1.0, 20, 0.10, false},  // employment
      {0.02, 0.00, 0.00, 0.00, 1.0, 4, 30, 0.8, 30, 0.30, false},  // business_licence
      {0.03, 0.00, 0.00, 0.00, 1.5, 3, 90, 1.2, 30, 0.30, true},   // housing_assistance
      {0.00, 0.00, 0.30, 0.00, 1.0, 2, 45, 1.3, 25, 0.20, true},   // elderly_care
  }};
}

}  // namespace zhili
