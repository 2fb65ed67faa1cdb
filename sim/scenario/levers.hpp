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
}};

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
