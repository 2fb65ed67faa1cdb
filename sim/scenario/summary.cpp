#include <cstdio>

#include "scenario/detail/scalar_read.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {
std::string whole(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", x);
  return buf;
}

std::string map_summary(const WorldSpec& w) {
  using scenario_detail::number_text;
  if (!w.raster.path.empty()) {
    const char* format = w.raster.format == RasterFormat::pgm ? "PGM" : "CSV";
    // The size is the raster's unless given (0), known once the raster is read.
    const std::string size = w.width > 0 && w.height > 0
                                 ? std::to_string(w.width) + " x " + std::to_string(w.height) + " cells"
                                 : "cells";
    return std::string("drawn: ") + format + " raster " + w.raster.path + ", " + size + " x " +
           number_text(w.cell_km) + " km";
  }
  std::string out = std::to_string(w.width) + " x " + std::to_string(w.height) + " cells x " +
                    number_text(w.cell_km) + " km (" + number_text(w.width * w.cell_km) + " x " +
                    number_text(w.height * w.cell_km) + " km), ";
  if (w.generator.kind == MapKind::polycentric)
    return out + "polycentric, " + std::to_string(w.generator.centres.size()) + " centres";
  return out + "centre [" + std::to_string(w.generator.centre.x) + ", " +
         std::to_string(w.generator.centre.y) + "]";
}

}  // namespace

std::string summary(const Scenario& s) {
  using scenario_detail::number_text;
  const Calendar calendar(s.run.start, s.run.step_unit);
  const WorldSpec& w = s.world;
  const PopulationSpec& p = s.population;
  std::string out = "scenario " + s.run.name + "\n";
  if (!s.run.description.empty()) out += "  " + s.run.description + "\n";
  out += "  period:     " + format_date(s.run.start) + " -> " +
         format_date(calendar.date_of(s.run.steps)) + ", " + std::to_string(s.run.steps) +
         " steps x 1 " + std::string(to_string(s.run.step_unit)) + ", seed " +
         std::to_string(s.run.seed) + "\n";
  out += "  map:        " + map_summary(w) + "\n";
  out += "  households: " + std::to_string(p.households) + " simulated x " + number_text(p.scale) +
         " = " + whole(static_cast<double>(p.households) * p.scale) + " real, " +
         whole(100.0 * p.migrant_share) + "% migrants\n";
  out += "  levers at start:";
  for (const auto& l : kLeverTable) {
    out.append(" ").append(l.path).append(" = ");
    out.append(number_text(s.policy[static_cast<std::size_t>(l.id)])).append(";");
  }
  out.back() = '\n';
  if (s.services.enabled) {
    out += "  services:   ";
    out += s.services.outlets.empty() ? std::string("default outlet layout")
                                      : std::to_string(s.services.outlets.size()) + " outlet(s) listed";
    out += s.services.online.enabled ? ", online platform\n" : ", no online platform\n";
  }
  out += "  schedule:   " + std::to_string(s.schedule.size()) + " lever change(s)";
  if (!s.services.events.empty())
    out += ", " + std::to_string(s.services.events.size()) + " outlet change(s)";
  if (!s.renewal.projects.empty())
    out += ", " + std::to_string(s.renewal.projects.size()) + " renewal project(s)";
  std::string named;
  for (const auto& name : s.schedule_names)
    if (!name.empty()) named += (named.empty() ? "" : ", ") + name;
  if (!named.empty()) out += "; named entries: " + named;
  out += "\n";
  return out;
}

}  // namespace zhili
