#include "sample_run.hpp"

#include <filesystem>
#include <vector>

namespace zhili::test {

ResultLayout sample_layout() {
  ResultLayout l;
  l.observables = {
      {"population", "persons", "resident population", "", {}},
      {"employment_share", "1", "share of adults employed", "group",
       {"hukou_local", "hukou_migrant", "no_hukou"}, Better::higher},
      {"mean_rent", "yuan/month", "mean monthly rent", "", {}, Better::lower},
  };
  l.levers = {{"hukou.openness", "1", "openness of hukou registration"},
              {"housing.subsidy", "yuan/month", "monthly housing subsidy"}};
  l.maps = {{"density", "persons/km2", "population density"}, {"rent", "yuan/month", "rent", Better::lower}};
  l.map_width = 4;
  l.map_height = 3;
  l.entity_series = {{"outlets", "queue_length", "persons", "queue at each outlet", {"north", "south"}},
                     {"courts", "backlog", "cases", "open cases at each court", {"a", "b", "c"}}};
  l.event_tables = {{"incidents",
                     "public-order incidents",
                     {{"step", EventColumn::Type::int64, "step", "step of the incident"},
                      {"cell", EventColumn::Type::int64, "1", "cell index y * width + x"},
                      {"size", EventColumn::Type::float64, "persons", "people involved"}}}};
  return l;
}

RunMetadata sample_metadata() {
  RunMetadata m;
  m.program_version = "0.1.0";
  m.git_commit = "abc123def456";
  m.scenario_name = "baseline";
  m.scenario_path = "scenarios/baseline.yaml";
  m.scenario_text = "name: baseline\n# 汉字 and a long text\n" + std::string(100000, 'x') + "\n";
  m.resolved_scenario = "name: baseline\nseed: 42\n";
  m.overrides = "seed=42\nhukou.openness=0.5\n";
  m.seed = 18446744073709551557ULL;  // needs all 64 bits
  m.threads = 2;
  m.start_time = "2024-05-01T12:00:00Z";
  m.calendar_start = "2017-01-01";
  m.step_unit = "month";
  m.steps_planned = 120;
  m.cell_km = 0.5;
  return m;
}

Calendar sample_calendar() { return Calendar(Date{2017, 1, 1}, TimeStep::month); }

double observable_value(std::int64_t step, std::size_t column) {
  return static_cast<double>(step) + static_cast<double>(column) / 7.0;
}
double lever_value(std::int64_t step, std::size_t lever) {
  return 0.5 * static_cast<double>(lever) + static_cast<double>(step) / 100.0;
}
float map_value(std::int64_t step, std::size_t map, int y, int x) {
  return static_cast<float>(static_cast<double>(step) + 0.5 * static_cast<double>(map) + y / 3.0 + x / 9.0);
}
double entity_value(std::int64_t step, std::size_t series, std::size_t entity) {
  return 10.0 * static_cast<double>(step) + static_cast<double>(series) + static_cast<double>(entity) / 3.0;
}
bool entity_row_given(std::int64_t step, std::size_t series) { return !(series == 1 && step % 7 == 3); }
bool has_event(std::int64_t step) { return step % 4 == 1; }
double event_cell_raw(std::int64_t step) { return 3.0 * static_cast<double>(step) + 0.6; }

void write_steps(ResultWriter& w, std::int64_t first, std::int64_t count) {
  const ResultLayout layout = sample_layout();
  const Calendar cal = sample_calendar();
  std::vector<double> obs(layout.observable_row_width()), levers(layout.levers.size());
  std::vector<float> cells(static_cast<std::size_t>(layout.map_width * layout.map_height));
  for (std::int64_t step = first; step < first + count; ++step) {
    for (std::size_t c = 0; c < obs.size(); ++c) obs[c] = observable_value(step, c);
    for (std::size_t j = 0; j < levers.size(); ++j) levers[j] = lever_value(step, j);
    w.append_step(step, cal.decimal_year_of(step), cal.date_of(step), obs, levers);
    for (std::size_t s = 0; s < layout.entity_series.size(); ++s) {
      if (!entity_row_given(step, s)) continue;
      std::vector<double> row(layout.entity_series[s].entity_names.size());
      for (std::size_t e = 0; e < row.size(); ++e) row[e] = entity_value(step, s, e);
      w.append_entity_row(s, row);
    }
    if (step % kMapEvery == 0) {
      for (std::size_t m = 0; m < layout.maps.size(); ++m) {
        for (int y = 0; y < layout.map_height; ++y)
          for (int x = 0; x < layout.map_width; ++x)
            cells[static_cast<std::size_t>(y * layout.map_width + x)] = map_value(step, m, y, x);
        w.append_map(m, step, cal.decimal_year_of(step), cells);
      }
    }
    if (has_event(step)) {
      const double row[3] = {static_cast<double>(step), event_cell_raw(step), static_cast<double>(step) / 8.0};
      w.append_event(0, row);
    }
  }
}

std::string temp_path(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(ZHILI_BINARY_DIR) / "tests" / "io" / "tmp";
  std::filesystem::create_directories(dir);
  const auto p = dir / (name + ".h5");
  std::filesystem::remove(p);
  return p.string();
}

}  // namespace zhili::test
