#include "engine/runner.hpp"

#include <chrono>
#include <ctime>

#include "engine/engine.hpp"
#include "io/result_writer.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

std::string utc_now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

RunMetadata metadata_for(const Scenario& s, int threads) {
  RunMetadata m;
  m.program_version = ZHILI_VERSION;
  m.git_commit = ZHILI_GIT_COMMIT;
  m.scenario_name = s.run.name;
  m.scenario_path = s.source_path;
  m.scenario_text = s.source_text;
  m.resolved_scenario = resolved_yaml(s);
  for (const auto& o : s.overrides) m.overrides += o + "\n";
  m.seed = s.run.seed;
  m.threads = threads;
  m.start_time = utc_now_iso();
  m.calendar_start = format_date(s.run.start);
  m.step_unit = std::string(to_string(s.run.step_unit));
  m.steps_planned = s.run.steps;
  m.cell_km = s.world.cell_km;
  return m;
}

}  // namespace

std::string default_output_path(const Scenario& s) {
  return s.output.path.empty() ? s.run.name + ".h5" : s.output.path;
}

ResultLayout result_layout(const Scenario& s, const CellGrid& grid,
                           const std::vector<SeriesSpec>& series, const std::vector<MapSpec>& maps,
                           const std::vector<EntitySeriesSpec>& entities) {
  ResultLayout layout;
  layout.observables = series;
  layout.entity_series = entities;
  if (s.output.map_every > 0) layout.maps = maps;
  layout.map_width = grid.width;
  layout.map_height = grid.height;
  for (const auto& l : kLeverTable)
    layout.levers.push_back({std::string(l.path), std::string(l.unit), std::string(l.description)});
  return layout;
}

RunOutcome run_scenario(const Scenario& s, const RunRequest& req) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  Engine engine(s);
  const auto series = engine.model().series_specs();
  const auto maps = engine.model().map_specs();
  const CellGrid& grid = engine.world().grid;
  const ResultLayout layout = result_layout(s, grid, series, maps, engine.model().entity_specs());

  ResultWriter writer(req.output_path, layout, metadata_for(s, engine.executor().threads()),
                      WriterSettings{s.output.flush_every, s.output.compression});
  std::vector<float> map_buffer(grid.size());
  std::vector<double> entity_buffer;
  const auto& cal = engine.calendar();
  const std::int64_t total = engine.steps_planned();

  RunOutcome out;
  out.setup_s = std::chrono::duration<double>(clock::now() - t0).count();
  out.output_path = req.output_path;
  out.series = series;
  while (!engine.done()) {
    const std::int64_t k = engine.step_index();
    engine.step();
    // Row k: levers in force and flows during step k, state at its end, dated by its start.
    writer.append_step(k, cal.decimal_year_of(k), cal.date_of(k), engine.observables(),
                       engine.levers());
    for (std::size_t e = 0; e < layout.entity_series.size(); ++e) {
      entity_buffer.resize(layout.entity_series[e].entity_names.size());
      engine.model().fill_entities(e, entity_buffer);
      writer.append_entity_row(e, entity_buffer);
    }
    const bool last = engine.done();
    if (!layout.maps.empty() && (k % s.output.map_every == 0 || last)) {
      for (std::size_t m = 0; m < layout.maps.size(); ++m) {
        engine.model().fill_map(m, map_buffer);
        writer.append_map(m, k, cal.decimal_year_of(k), map_buffer);
      }
    }
    if (req.progress) {
      Progress p;
      p.steps_done = k + 1;
      p.steps_total = total;
      p.date = cal.date_of(k + 1);
      p.elapsed_s = std::chrono::duration<double>(clock::now() - t0).count();
      p.steps_per_s = p.elapsed_s > 0 ? p.steps_done / p.elapsed_s : 0.0;
      p.eta_s = p.steps_per_s > 0 ? (total - p.steps_done) / p.steps_per_s : 0.0;
      req.progress(p);
    }
    if (req.stop && req.stop->load() != 0 && !last) {
      out.status = RunStatus::interrupted;
      break;
    }
  }
  out.steps_done = engine.step_index();
  out.final_row.assign(engine.observables().begin(), engine.observables().end());
  out.wall_s = std::chrono::duration<double>(clock::now() - t0).count();
  writer.finish(out.status, out.wall_s);
  return out;
}

}  // namespace zhili
