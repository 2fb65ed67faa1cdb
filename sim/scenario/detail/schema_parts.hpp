// The parts of the scenario schema that live in their own files; build_rules()
// in schema_table.cpp strings them together in document order.
#pragma once

#include <vector>

#include "scenario/detail/key_rules.hpp"

namespace zhili::scenario_detail {

std::vector<KeyRule> rural_migration_rules();  // schema_economy.cpp
std::vector<KeyRule> economy_rules();          // schema_economy.cpp
std::vector<KeyRule> demography_rules();       // schema_economy.cpp
std::vector<KeyRule> services_rules();         // schema_services.cpp
std::vector<KeyRule> social_rules();           // schema_social.cpp
std::vector<KeyRule> costs_rules();            // schema_costs.cpp
std::vector<KeyRule> renewal_rules();          // schema_renewal.cpp
std::vector<KeyRule> family_rules();           // schema_family.cpp
std::vector<KeyRule> insurance_rules();        // schema_family.cpp

}  // namespace zhili::scenario_detail
