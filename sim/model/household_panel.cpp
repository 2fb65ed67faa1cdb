#include "model/household_panel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/splitmix.hpp"

namespace zhili {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum Field : std::size_t { f_registration, f_zone, f_cell, f_income, f_employed, f_unmet, f_active, f_escalation, f_detained, f_count };

struct FieldInfo {
  const char* name;
  const char* unit;
  const char* description;
};
constexpr FieldInfo kFields[f_count] = {
    {"registration", "", "0 registered urban, 1 villager, 2 migrant, 3 migrant with permit, 4 settled"},
    {"zone", "", "zone of the home: 0 urban core, 1 fringe, 2 urban village, 3 suburb, 4 rural"},
    {"cell", "cell", "home cell, y * width + x"},
    {"income", "yuan/month", "household income"},
    {"employed", "", "1: the main worker has work (with the economy on), 0: unemployed"},
    {"unmet_load", "1", "remembered unmet needs, importance-weighted (grievance's N)"},
    {"active", "", "1: active in protest (Epstein), 0: quiet"},
    {"escalation", "", "escalation level from ignored complaints, 0-3"},
    {"detained", "steps", "steps left in detention, 0: free"},
};

}  // namespace

void HouseholdPanel::setup(const World& w, const Scenario& s) {
  ids_.clear();
  const auto& h = w.households;
  const auto n = std::min<std::size_t>(static_cast<std::size_t>(s.output.panel), h.size_alive());
  if (n == 0) return;
  std::vector<std::pair<std::uint64_t, HouseholdId>> ranked;
  ranked.reserve(h.size_alive());
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    ranked.push_back({splitmix64_mix(s.run.seed ^ splitmix64_mix(h.id[i] + kSplitMixGolden)), h.id[i]});
  std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n - 1), ranked.end());
  for (std::size_t k = 0; k < n; ++k) ids_.push_back(ranked[k].second);
  std::sort(ids_.begin(), ids_.end());
}

std::vector<EntitySeriesSpec> HouseholdPanel::entity_specs() const {
  if (ids_.empty()) return {};
  std::vector<std::string> names;
  for (const auto id : ids_) names.push_back(std::to_string(id));
  std::vector<EntitySeriesSpec> out;
  for (const auto& f : kFields) out.push_back({"households", f.name, f.unit, f.description, names});
  return out;
}

EntityGroupSpec HouseholdPanel::group() const {
  EntityGroupSpec g;
  g.group = "households";
  g.description = "the household panel (output.panel): households followed one by one, named by their id";
  for (const auto id : ids_) g.names.push_back(std::to_string(id));
  return g;
}

void HouseholdPanel::fill(const World& w, std::size_t series, std::span<double> values) const {
  const auto& h = w.households;
  for (std::size_t k = 0; k < ids_.size(); ++k) {
    const std::int32_t i = h.slot_of(ids_[k]);
    if (i == kNoSlot) {
      values[k] = kNaN;  // left the map
      continue;
    }
    const auto slot = static_cast<std::size_t>(i);
    double v = kNaN;
    switch (static_cast<Field>(series)) {
      case f_registration: v = static_cast<double>(h.registration[slot]); break;
      case f_zone: v = static_cast<double>(w.grid.zone[static_cast<std::size_t>(h.cell[slot])]); break;
      case f_cell: v = h.cell[slot]; break;
      case f_income: v = h.income[slot]; break;
      case f_employed: v = h.sector[slot] != Sector::none ? 1.0 : 0.0; break;
      case f_unmet: v = h.unmet_load[slot]; break;
      case f_active: v = h.social[slot] & 1u; break;
      case f_escalation: v = (h.social[slot] >> 2) & 3u; break;
      case f_detained: v = h.detained[slot]; break;
      case f_count: break;
    }
    values[k] = v;
  }
}

}  // namespace zhili
