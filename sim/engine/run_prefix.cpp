#include "engine/run_prefix.hpp"

#include <algorithm>
#include <exception>

#include "io/result_reader.hpp"

namespace zhili {

namespace {

// The same series, maps, entity series and event tables, in the same order.
std::string layout_difference(const ResultReader& r, const ResultLayout& layout) {
  const auto names = r.observable_names();
  if (names.size() != layout.observables.size()) return "its observables differ";
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] != layout.observables[i].name || r.observable_info(names[i]).spec.width() != layout.observables[i].width())
      return "its observable " + names[i] + " differs";
  const auto maps = r.maps();
  if (maps.size() != layout.maps.size()) return "its maps differ";
  for (std::size_t i = 0; i < maps.size(); ++i)
    if (maps[i].name != layout.maps[i].name) return "its map " + maps[i].name + " differs";
  const auto entities = r.entity_series();
  if (entities.size() != layout.entity_series.size()) return "its entity series (outlets, household panel) differ";
  for (std::size_t i = 0; i < entities.size(); ++i)
    if (entities[i].name != layout.entity_series[i].name ||
        entities[i].entity_names != layout.entity_series[i].entity_names)
      return "its entity series " + entities[i].group + "/" + entities[i].name + " differ";
  const auto tables = r.event_table_names();
  for (const auto& t : layout.event_tables)
    if (std::find(tables.begin(), tables.end(), t.name) == tables.end()) return "it has no event table " + t.name;
  return "";
}

}  // namespace

std::string prefix_problem(const Checkpoint& c, const ResultLayout& layout) {
  const std::string& source = c.run_file;
  const std::int64_t step = c.step;
  try {
    const ResultReader r(source);
    if (r.metadata().start_time != c.run_started || r.metadata().seed != c.seed ||
        text_hash(r.metadata().resolved_scenario) != c.run_scenario)
      return source + " is another run than the one that wrote the checkpoint (started " + r.metadata().start_time +
             ", not " + c.run_started + ")";
    if (r.metadata().first_step != 0) return source + " is itself continued from a checkpoint";
    if (r.steps_done() < step) return source + " holds fewer steps than the checkpoint's";
    const auto names = r.event_table_names();
    for (std::size_t t = 0; t < layout.event_tables.size() && t < c.event_rows.size(); ++t) {
      if (std::find(names.begin(), names.end(), layout.event_tables[t].name) == names.end()) continue;
      const EventTable table = r.read_events(layout.event_tables[t].name);
      if (!table.columns.empty() && table.columns.front().size() < c.event_rows[t])
        return source + " holds fewer " + layout.event_tables[t].name + " rows than the checkpoint counted";
    }
    for (const auto& l : layout.levers)
      if (static_cast<std::int64_t>(r.read_lever(l.name).size()) < step) return source + ": lever " + l.name + " is short";
    if (const std::string why = layout_difference(r, layout); !why.empty()) return source + ": " + why;
  } catch (const std::exception& e) {
    return source + ": " + e.what();
  }
  return "";
}

void copy_rows_before(const Checkpoint& c, const ResultLayout& layout, const Calendar& calendar, ResultWriter& writer) {
  const ResultReader r(c.run_file);
  const std::int64_t step = c.step;
  const auto& event_rows = c.event_rows;
  {
    // Observables and levers, a row per step.
    std::vector<std::vector<double>> series;
    for (const auto& s : layout.observables) series.push_back(r.read_observable(s.name, 0, step));
    std::vector<std::vector<double>> levers;
    for (const auto& l : layout.levers) levers.push_back(r.read_lever(l.name));
    std::vector<std::vector<std::int64_t>> map_steps;
    for (const auto& m : layout.maps) map_steps.push_back(r.map_steps(m.name));
    std::vector<std::vector<double>> entities;
    for (const auto& e : layout.entity_series) entities.push_back(r.read_entity_series(e.group, e.name));
    std::vector<double> row(layout.observable_row_width()), lever_row(layout.levers.size());
    for (std::int64_t k = 0; k < step; ++k) {
      const auto sk = static_cast<std::size_t>(k);
      std::size_t at = 0;
      for (std::size_t i = 0; i < series.size(); ++i) {
        const std::size_t w = layout.observables[i].width();
        std::copy_n(series[i].begin() + static_cast<std::ptrdiff_t>(sk * w), w, row.begin() + static_cast<std::ptrdiff_t>(at));
        at += w;
      }
      for (std::size_t l = 0; l < levers.size(); ++l) lever_row[l] = levers[l][sk];
      // A step's maps and events before its rows, as the run writes them.
      for (std::size_t m = 0; m < layout.maps.size(); ++m)
        for (std::size_t j = 0; j < map_steps[m].size(); ++j)
          if (map_steps[m][j] == k)
            writer.append_map(m, k, calendar.decimal_year_of(k), r.read_map(layout.maps[m].name, static_cast<std::int64_t>(j)));
      writer.append_step(k, calendar.decimal_year_of(k), calendar.date_of(k), row, lever_row);
      for (std::size_t e = 0; e < entities.size(); ++e) {
        const std::size_t w = layout.entity_series[e].entity_names.size();
        writer.append_entity_row(e, std::span<const double>(entities[e].data() + sk * w, w));
      }
    }
    // Event rows written before the checkpoint, in their order.
    for (std::size_t t = 0; t < layout.event_tables.size() && t < event_rows.size(); ++t) {
      const EventTable table = r.read_events(layout.event_tables[t].name);
      std::vector<double> event(table.columns.size());
      for (std::uint64_t i = 0; i < event_rows[t]; ++i) {
        for (std::size_t col = 0; col < table.columns.size(); ++col) event[col] = table.columns[col].at(i);
        writer.append_event(t, event);
      }
    }
  }
}

}  // namespace zhili
