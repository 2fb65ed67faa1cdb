#include "app/names_shown.hpp"

#include <cmath>
#include <cstdio>

#include "app/i18n.hpp"
#include "data/format.hpp"

namespace zhili::view {

namespace {
std::string g_step_unit = "month";  // one process, one set of runs: as the language, global
bool chinese() { return language() == Lang::zh; }
bool is_share(std::string_view unit) { return unit == "1"; }

std::string with_unit(std::string number, std::string_view unit) {
  const std::string u = unit_shown(unit);
  return u.empty() ? number : number + " " + u;
}
}  // namespace

void set_step_unit(std::string_view step_unit) { g_step_unit = std::string(step_unit); }

std::string name_of(NameKind kind, std::string_view key) {
  const NameEntry* e = find_name(kind, key);
  return e ? tr(e->name) : std::string(key);
}

std::string description_of(NameKind kind, std::string_view key, const std::string& file_description) {
  if (!chinese()) return file_description;
  const NameEntry* e = find_name(kind, key);
  return e && e->zh_description ? e->zh_description : file_description;
}

std::string column_name(const SeriesSpec& spec, std::size_t c) {
  return spec.labels.empty() ? name_of(NameKind::observable, spec.name) : name_of(NameKind::label, spec.labels[c]);
}

std::string outcome_name(const std::string& observable, const std::string& column_label) {
  std::string out = name_of(NameKind::observable, observable);
  if (!column_label.empty()) out += " · " + name_of(NameKind::label, column_label);
  return out;
}

std::string factor_name(std::string_view key) {
  constexpr std::string_view kPolicy = "policy.";
  if (key.starts_with(kPolicy)) {
    if (find_name(NameKind::lever, key.substr(kPolicy.size()))) return name_of(NameKind::lever, key.substr(kPolicy.size()));
  }
  return name_of(NameKind::parameter, key);
}

std::string assignments_shown(std::string_view assignments) {
  std::string out;
  while (!assignments.empty()) {
    const std::size_t comma = assignments.find(", ");
    const std::string_view part = assignments.substr(0, comma);
    const std::size_t eq = part.find(" = ");
    if (!out.empty()) out += chinese() ? "，" : ", ";
    if (eq == std::string_view::npos) out += part;
    else out += factor_name(part.substr(0, eq)) + " = " + std::string(part.substr(eq + 3));
    if (comma == std::string_view::npos) break;
    assignments.remove_prefix(comma + 2);
  }
  return out;
}

std::string sweep_outcome_name(std::string_view column) {
  const std::size_t colon = column.rfind(':');
  const std::string_view stat = colon == std::string_view::npos ? "" : column.substr(colon + 1);
  const std::string_view series = column.substr(0, colon);
  const std::size_t slash = series.find('/');
  std::string out = outcome_name(std::string(series.substr(0, slash)),
                                 slash == std::string_view::npos ? "" : std::string(series.substr(slash + 1)));
  if (stat == "final") out += std::string(chinese() ? "（" : " (") + tr(txt::stat_final) + (chinese() ? "）" : ")");
  else if (stat == "mean") out += std::string(chinese() ? "（" : " (") + tr(txt::stat_mean) + (chinese() ? "）" : ")");
  return out;
}

std::string unit_shown(std::string_view unit) {
  if (unit.empty()) return "";
  return unit_text(unit, g_step_unit, chinese());
}

std::string value_shown(double value, std::string_view unit) {
  if (std::isnan(value)) return tr(txt::not_available);
  if (is_share(unit)) return format_value(value, "1");
  return with_unit(format_value(value, ""), unit);
}

std::string difference_shown(double diff, std::string_view unit) {
  if (std::isnan(diff)) return tr(txt::not_available);
  if (is_share(unit)) {
    if (diff == 0.0) return chinese() ? "0 个百分点" : "0 pp";  // no sign: nothing changed
    char buf[64];
    std::snprintf(buf, sizeof buf, tr(txt::pp_format_2), diff * 100.0);
    return buf;
  }
  return with_unit(format_difference(diff, ""), unit);
}

}  // namespace zhili::view
