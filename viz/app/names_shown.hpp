// Names, units and values as the interface shows them, in its language: the
// readable names of data/names.hpp instead of the file's keys, units in the
// runs' step ("complaints/month", "件/月"). Every panel goes through these, so
// zh mode leaves no key of a file untranslated that the catalogue knows.
#pragma once

#include <string>
#include <string_view>

#include "data/names.hpp"
#include "io/result_layout.hpp"

namespace zhili::view {

// The step of the runs shown ("month" or "week"), for units per step; the
// first run's (ViewerState::add_run).
void set_step_unit(std::string_view step_unit);

// The readable name of `key`, or the key where the catalogue has none.
std::string name_of(NameKind kind, std::string_view key);
// The description in the interface's language: the file's (English) or the
// catalogue's Chinese; the file's where the catalogue has none.
std::string description_of(NameKind kind, std::string_view key, const std::string& file_description);
// Column `c` of a series as a legend names it: its label's name, or the
// series' name for a scalar.
std::string column_name(const SeriesSpec& spec, std::size_t c);
// "Coverage by group · Migrants": a series or one column of it, for tables.
std::string outcome_name(const std::string& observable, const std::string& column_label);

// A sweep factor, a scenario key: "policy.hukou.openness" by its lever's name,
// other keys by the catalogue's parameters.
std::string factor_name(std::string_view key);
// "factor = value, ..." (a design point, a line of an effect plot) with the
// factors named.
std::string assignments_shown(std::string_view assignments);
// A sweep outcome column, "coverage_by_group/migrant:final", named:
// "Coverage by group · Migrants (at the end)".
std::string sweep_outcome_name(std::string_view column);

std::string unit_shown(std::string_view unit);
// A value with its unit: "76.20 %", "1,204 件/月"; "n/a" (or "无") for NaN.
std::string value_shown(double value, std::string_view unit);
// A difference with its sign: "+1.20 pp", "-3.5 件/月".
std::string difference_shown(double diff, std::string_view unit);

}  // namespace zhili::view
