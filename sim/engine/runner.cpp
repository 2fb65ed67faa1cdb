#include "engine/runner.hpp"

#include <chrono>
#include <ctime>

#include <algorithm>
#include <memory>

#include "engine/checkpoint.hpp"
#include "engine/engine.hpp"
#include "engine/run_prefix.hpp"
#include "engine/live_control.hpp"
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

// The outlets as they stand, for a live viewer's controls.
std::vector<OutletState> outlet_states(const PublicServices& services) {
  std::vector<OutletState> out;
  out.reserve(services.outlets().size());
  for (std::size_t o = 0; o < services.outlets().size(); ++o)
    out.push_back({services.outlets()[o].name, services.outlet_open(o), services.outlet_listed_windows(o)});
  return out;
}

// A live outlet change as the scenario events a `schedule:` entry with
// `outlet:`, `open:` and `windows:` at `step` makes (open or close, then windows).
void schedule_outlet_change(PublicServices& services, std::int64_t step, const OutletChange& c) {
  const std::string& name = services.outlets()[static_cast<std::size_t>(c.outlet)].name;
  OutletEvent e;
  e.step = step;
  e.outlet = name;
  e.order = -1;  // made live, not from a file
  e.kind = c.open ? OutletEvent::Kind::open : OutletEvent::Kind::close;
  services.schedule_event(e);
  e.kind = OutletEvent::Kind::set_windows;
  e.windows = c.windows;
  services.schedule_event(e);
}

}  // namespace

std::string default_output_path(const Scenario& s) {
  return s.output.path.empty() ? s.run.name + ".h5" : s.output.path;
}

ResultLayout result_layout(const Scenario& s, const CellGrid& grid,
                           const std::vector<SeriesSpec>& series, const std::vector<MapSpec>& maps,
                           const std::vector<EntitySeriesSpec>& entities,
                           const std::vector<EntityGroupSpec>& entity_groups) {
  ResultLayout layout;
  layout.observables = series;
  layout.entity_series = entities;
  layout.entity_groups = entity_groups;
  if (s.output.map_every > 0) layout.maps = maps;
  layout.map_width = grid.width;
  layout.map_height = grid.height;
  for (const auto& l : kLeverTable)
    layout.levers.push_back({std::string(l.path), std::string(l.unit), std::string(l.description)});
  return layout;
}

EventTableSpec lever_changes_table() {
  return {"lever_changes",
          "lever changes made while the run was going (zhili-view --live); each is a `set` schedule "
          "entry at its step, after the scenario's own entries starting then",
          {{"step", EventColumn::Type::int64, "step", "first step run with the new value"},
           {"lever", EventColumn::Type::int64, "", "index of the lever in /levers (creation order)"},
           {"value", EventColumn::Type::float64, "", "value set, in the lever's unit"}}};
}

EventTableSpec outlet_changes_table() {
  return {"outlet_changes",
          "outlet changes made while the run was going (zhili-view --live); each is a `schedule:` entry "
          "with outlet, open and windows at its step, after the scenario's own entries starting then",
          {{"step", EventColumn::Type::int64, "step", "first step run with the change"},
           {"outlet", EventColumn::Type::int64, "", "index of the outlet in /entities/outlets"},
           {"open", EventColumn::Type::int64, "", "1: open from that step, 0: closed"},
           {"windows", EventColumn::Type::int64, "windows", "listed windows from that step (purchases come on top)"}}};
}

RunOutcome run_scenario(const Scenario& s, const RunRequest& req) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  std::unique_ptr<Engine> built;
  if (req.resume != nullptr) {
    Archive state = Archive::loading(req.resume->state);
    try {
      built = std::make_unique<Engine>(s, state, [&](const Engine& e) {
        const std::string why = checkpoint_mismatch(*req.resume, s, e);
        if (!why.empty()) throw CheckpointError("this scenario cannot continue it:\n" + why);
      });
    } catch (const CheckpointError& e) {
      throw CheckpointError(req.resume->path + ": " + e.what());
    }
  } else {
    built = std::make_unique<Engine>(s);
  }
  Engine& engine = *built;
  const auto series = engine.model().series_specs();
  const auto maps = engine.model().map_specs();
  const CellGrid& grid = engine.world().grid;
  ResultLayout layout =
      result_layout(s, grid, series, maps, engine.model().entity_specs(), engine.model().entity_groups());
  layout.event_tables = engine.model().event_specs();  // the model's tables first: their index is the model's
  PublicServices* services = engine.model().services();
  std::size_t lever_table = 0, outlet_table = 0;  // used only with req.live
  if (req.live) {
    layout.event_tables.push_back(lever_changes_table());
    lever_table = layout.event_tables.size() - 1;
    if (services != nullptr) {
      layout.event_tables.push_back(outlet_changes_table());
      outlet_table = layout.event_tables.size() - 1;
      req.live->publish_outlets(outlet_states(*services));
    }
  }

  // A live run is watched step by step: flushing each one costs a few ms and
  // changes no dataset's contents, only when they reach the disk.
  RunMetadata metadata = metadata_for(s, engine.executor().threads());
  RunOutcome out;
  // A branch's file starts with the rows before the branch from the run
  // that wrote the checkpoint, when that file is there and laid out alike.
  bool prefix = false;
  if (req.resume != nullptr) {
    metadata.continued_from = req.resume->path;
    metadata.branch_step = req.resume->step;
    out.note = req.resume->step == 0 ? "" : prefix_problem(*req.resume, layout);
    prefix = req.resume->step > 0 && out.note.empty();
    metadata.first_step = prefix ? 0 : req.resume->step;
  }
  ResultWriter writer(req.output_path, layout, metadata,
                      WriterSettings{req.live ? 1 : s.output.flush_every, s.output.compression});
  // Rows written to each event table, for a checkpoint to say which are before it.
  std::vector<std::uint64_t> event_rows(layout.event_tables.size(), 0);
  if (prefix) {
    copy_rows_before(*req.resume, layout, engine.calendar(), writer);
    for (std::size_t t = 0; t < event_rows.size() && t < req.resume->event_rows.size(); ++t)
      event_rows[t] = req.resume->event_rows[t];
  }
  const auto append_event = [&](std::size_t t, std::span<const double> row) {
    writer.append_event(t, row);
    ++event_rows[t];
  };
  LiveChanges changes;
  std::vector<float> map_buffer(grid.size());
  std::vector<double> entity_buffer;
  const auto& cal = engine.calendar();
  const std::int64_t total = engine.steps_planned();

  out.setup_s = std::chrono::duration<double>(clock::now() - t0).count();
  out.output_path = req.output_path;
  out.series = series;
  out.first_step = engine.step_index();
  // The state at the start of step k, before anything of step k happens.
  const auto checkpoint_at = [&](std::int64_t k) {
    if (std::find(req.checkpoint_steps.begin(), req.checkpoint_steps.end(), k) == req.checkpoint_steps.end()) return;
    out.checkpoints.push_back(checkpoint_path(req.output_path, cal.date_of(k)));
    write_checkpoint(out.checkpoints.back(), engine, metadata, req.output_path, event_rows);
  };
  while (!engine.done()) {
    const std::int64_t k = engine.step_index();
    checkpoint_at(k);
    if (req.live) {
      LiveControl::Turn turn;
      while ((turn = req.live->next_turn(k, changes)) == LiveControl::Turn::flush) writer.flush();
      if (turn == LiveControl::Turn::stop) {
        // Stopped between steps: what the last step left in progress ends here.
        if (k > 0)
          engine.model().drain_events(true, append_event);
        out.status = RunStatus::interrupted;
        break;
      }
      for (const LeverChange& c : changes.levers) {
        engine.schedule_lever(c.lever, c.value);
        const double row[3] = {static_cast<double>(k), static_cast<double>(c.lever), c.value};
        append_event(lever_table, row);
      }
      for (const OutletChange& c : changes.outlets) {
        // The viewer offers only the run's outlets; anything else is not a change.
        if (services == nullptr || c.outlet < 0 || static_cast<std::size_t>(c.outlet) >= services->outlets().size())
          continue;
        schedule_outlet_change(*services, k, c);
        const double row[4] = {static_cast<double>(k), static_cast<double>(c.outlet), c.open ? 1.0 : 0.0,
                               static_cast<double>(c.windows)};
        append_event(outlet_table, row);
      }
    }
    engine.step();
    // Step k's events and maps first, its rows last: the last entity row of
    // a flush interval flushes it, and the flush then holds all of step k.
    const bool last = engine.done();
    // Events still in progress are written when the run ends here (last
    // step, or a stop request honoured below), so the file holds them all.
    const bool ends = last || (req.stop && req.stop->load() != 0);
    engine.model().drain_events(ends, append_event);
    if (!layout.maps.empty() && (k % s.output.map_every == 0 || last)) {
      for (std::size_t m = 0; m < layout.maps.size(); ++m) {
        engine.model().fill_map(m, map_buffer);
        writer.append_map(m, k, cal.decimal_year_of(k), map_buffer);
      }
    }
    // Row k: levers in force and flows during step k, state at its end, dated by its start.
    writer.append_step(k, cal.decimal_year_of(k), cal.date_of(k), engine.observables(),
                       engine.levers());
    for (std::size_t e = 0; e < layout.entity_series.size(); ++e) {
      entity_buffer.resize(layout.entity_series[e].entity_names.size());
      engine.model().fill_entities(e, entity_buffer);
      writer.append_entity_row(e, entity_buffer);
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
    if (req.live) {
      // What is in progress, for the viewer: the file gets it when it ends.
      std::vector<OpenEventRow> open;
      engine.model().peek_open_events([&](std::size_t t, std::span<const double> row) {
        open.push_back({layout.event_tables[t].name, std::vector<double>(row.begin(), row.end())});
      });
      req.live->publish_open_events(std::move(open));
      if (services != nullptr) req.live->publish_outlets(outlet_states(*services));
      req.live->step_done(k + 1);
    }
    if (req.stop && req.stop->load() != 0 && !last) {
      out.status = RunStatus::interrupted;
      break;
    }
  }
  if (out.status == RunStatus::finished) checkpoint_at(engine.step_index());  // one at the very end
  out.steps_done = engine.step_index();
  out.final_row.assign(engine.observables().begin(), engine.observables().end());
  out.wall_s = std::chrono::duration<double>(clock::now() - t0).count();
  writer.finish(out.status, out.wall_s);
  return out;
}

}  // namespace zhili
