#include "io/result_tree.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <system_error>

#include "io/h5_dataset.hpp"
#include "io/result_format.hpp"

namespace zhili::h5 {

namespace {

// Names become HDF5 link names verbatim ("hukou.openness" included: dots are
// legal); only '/' (a path separator) and "."/".." cannot be used.
void check_name(const std::string& kind, const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
    throw std::invalid_argument(kind + " name '" + name +
                                "' cannot be an HDF5 name (empty, '.', '..' or containing '/')");
}

void check_unique(std::set<std::string>& seen, const std::string& kind, const std::string& name) {
  if (!seen.insert(name).second) throw std::invalid_argument("duplicate " + kind + " name '" + name + "'");
}

void check_new_name(std::set<std::string>& seen, const std::string& kind, const std::string& name) {
  check_name(kind, name);
  check_unique(seen, kind, name);
}

void validate(const ResultLayout& layout) {
  std::set<std::string> seen;
  for (const auto& s : layout.observables) check_new_name(seen, "observable", s.name);
  seen.clear();
  for (const auto& s : layout.levers) check_new_name(seen, "lever", s.name);
  seen.clear();
  for (const auto& s : layout.maps) check_new_name(seen, "map", s.name);
  if (!layout.maps.empty() && (layout.map_width <= 0 || layout.map_height <= 0))
    throw std::invalid_argument("maps declared but map_width/map_height is not positive");
  seen.clear();
  for (const auto& s : layout.entity_series) {
    check_name("entity group", s.group);
    check_name("entity series", s.name);
    check_unique(seen, "entity series", s.group + "/" + s.name);
    if (s.entity_names.empty())
      throw std::invalid_argument("entity series '" + s.group + "/" + s.name + "' has no entities");
  }
  seen.clear();
  for (const auto& g : layout.entity_groups) {
    check_new_name(seen, "entity group", g.group);
    const auto sized = [&](std::size_t n) { return n == 0 || n == g.names.size(); };
    if (!sized(g.kinds.size()) || !sized(g.x.size()) || !sized(g.y.size()) || g.x.size() != g.y.size())
      throw std::invalid_argument("entity group '" + g.group + "': kinds, x and y need one value per entity");
    for (const auto& s : layout.entity_series)
      if (s.group == g.group && s.entity_names != g.names)
        throw std::invalid_argument("entity group '" + g.group + "': series '" + s.name +
                                    "' lists other entities than the group's names");
  }
  seen.clear();
  for (const auto& t : layout.event_tables) {
    check_new_name(seen, "event table", t.name);
    if (t.columns.empty()) throw std::invalid_argument("event table '" + t.name + "' has no columns");
    std::set<std::string> cols;
    for (const auto& c : t.columns) check_new_name(cols, "event column", c.name);
  }
}

// H5MD lets the elements of a group share one step/time: a hard link makes
// /observables/x/step *the same dataset* as /timeline/step, so each element
// reads like a self-contained H5MD time series while the timeline is stored
// (and appended) once.
void link_timeline(hid_t group) {
  check_status(H5Lcreate_hard(group, "/timeline/step", group, "step", H5P_DEFAULT, H5P_DEFAULT),
               "linking step to /timeline/step");
  check_status(H5Lcreate_hard(group, "/timeline/time", group, "time", H5P_DEFAULT, H5P_DEFAULT),
               "linking time to /timeline/time");
}

void write_run(hid_t file, const RunMetadata& m, WriterTree& t) {
  Handle run = create_group(file, "run");
  write_attr(run.get(), "description", "provenance and progress of the run");
  write_attr(run.get(), "program_version", m.program_version);
  write_attr(run.get(), "git_commit", m.git_commit);
  write_attr(run.get(), "scenario_name", m.scenario_name);
  write_attr(run.get(), "scenario_path", m.scenario_path);
  write_attr_uint64(run.get(), "seed", m.seed);
  write_attr_int32(run.get(), "threads", m.threads);
  write_attr(run.get(), "start_time", m.start_time);
  write_attr(run.get(), "calendar_start", m.calendar_start);
  write_attr(run.get(), "step_unit", m.step_unit);
  write_attr_int64(run.get(), "steps_planned", m.steps_planned);
  write_attr_double(run.get(), "cell_km", m.cell_km);
  if (!m.continued_from.empty()) {  // only a continued run has them (docs/FORMAT.md)
    write_attr(run.get(), "continued_from", m.continued_from);
    write_attr_int64(run.get(), "branch_step", m.branch_step);
    write_attr_int64(run.get(), "first_step", m.first_step);
  }
  // Texts can be long (a whole scenario): datasets, not size-limited attributes.
  create_text(run.get(), "scenario_text", m.scenario_text, "scenario file exactly as given");
  create_text(run.get(), "resolved_scenario", m.resolved_scenario,
              "scenario with every key, defaults filled in and overrides applied (YAML)");
  create_text(run.get(), "overrides", m.overrides, "--set overrides, one per line");
  // Progress lives in datasets, not attributes: under SWMR attributes cannot
  // change after the switch, dataset contents can.
  const std::int32_t status = static_cast<std::int32_t>(RunStatus::running);
  t.status = create_scalar(run.get(), "status", H5T_STD_I32LE, H5T_NATIVE_INT32, &status, "",
                           "run status code, see attribute `meaning`");
  write_attr(t.status.get(), "meaning", format::status_meaning);
  const std::int64_t zero = 0;
  t.steps_done = create_scalar(run.get(), "steps_done", H5T_STD_I64LE, H5T_NATIVE_INT64, &zero,
                               "step", "steps written to the file so far");
  const double no_time = 0.0;
  t.wall_seconds = create_scalar(run.get(), "wall_seconds", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                 &no_time, "s", "wall-clock time since the writer was created");
}

void write_timeline(hid_t file, int compression, WriterTree& t) {
  Handle g = create_group(file, "timeline");
  write_attr(g.get(), "description", "one row per step written, shared by every time series");
  const hsize_t rows = chunk_rows_for(8);
  t.step = create_growable(g.get(), "step", H5T_STD_I64LE, {}, rows, compression, "step",
                           "simulation step index");
  t.time = create_growable(g.get(), "time", H5T_IEEE_F64LE, {}, rows, compression, "year",
                           "decimal year of the start of the step");
  t.date_type = fixed_string_type(format::date_length);
  t.date = create_growable(g.get(), "date", t.date_type.get(), {}, chunk_rows_for(format::date_length),
                           compression, "", "calendar date of the start of the step (YYYY-MM-DD)");
}

struct Element {
  Handle group, value;
};

// A time series element: group with unit/description attrs, a `value`
// dataset of shape (T, row...), and step/time links to the timeline.
Element series_element(hid_t parent, const std::string& name, const std::string& unit,
                       const std::string& description, std::span<const hsize_t> row, int compression) {
  Element e;
  e.group = create_group(parent, name);
  write_unit_description(e.group.get(), unit, description);
  hsize_t row_bytes = 8;
  for (hsize_t n : row) row_bytes *= n;
  e.value = create_growable(e.group.get(), "value", H5T_IEEE_F64LE, row, chunk_rows_for(row_bytes),
                            compression, unit, description);
  link_timeline(e.group.get());
  return e;
}

void write_observables(hid_t file, const ResultLayout& layout, int compression, WriterTree& t) {
  Handle g = create_group(file, "observables");
  write_attr(g.get(), "description", "city-wide series, one row per step");
  for (const auto& s : layout.observables) {
    const hsize_t k = s.labels.size();
    const std::span<const hsize_t> row = s.labels.empty() ? std::span<const hsize_t>{} : std::span(&k, 1);
    Element e = series_element(g.get(), s.name, s.unit, s.description, row, compression);
    write_attr(e.group.get(), "breakdown", s.breakdown);
    if (!s.labels.empty()) write_attr(e.group.get(), "labels", s.labels);
    if (s.better != Better::neither) write_attr(e.group.get(), "better", better_text(s.better));
    t.observables.push_back(std::move(e.value));
  }
}

void write_levers(hid_t file, const ResultLayout& layout, int compression, WriterTree& t) {
  Handle g = create_group(file, "levers");
  write_attr(g.get(), "description", "policy lever settings in force at each step");
  for (const auto& s : layout.levers)
    t.levers.push_back(series_element(g.get(), s.name, s.unit, s.description, {}, compression).value);
}

void write_maps(hid_t file, const ResultLayout& layout, int compression, WriterTree& t) {
  Handle g = create_group(file, "maps");
  write_attr(g.get(), "description", "per-cell snapshots, row-major (y, x)");
  write_attr_int32(g.get(), "width", layout.map_width);
  write_attr_int32(g.get(), "height", layout.map_height);
  const hsize_t shape[2] = {static_cast<hsize_t>(layout.map_height),
                            static_cast<hsize_t>(layout.map_width)};
  for (const auto& s : layout.maps) {
    Handle m = create_group(g.get(), s.name);
    write_unit_description(m.get(), s.unit, s.description);
    if (s.better != Better::neither) write_attr(m.get(), "better", better_text(s.better));
    MapDatasets d;
    // One snapshot per chunk: a snapshot is written, compressed and read whole.
    d.value = create_growable(m.get(), "value", H5T_IEEE_F32LE, shape, 1, compression, s.unit,
                              s.description);
    d.step = create_growable(m.get(), "step", H5T_STD_I64LE, {}, 256, compression, "step",
                             "step at which each snapshot was taken");
    d.time = create_growable(m.get(), "time", H5T_IEEE_F64LE, {}, 256, compression, "year",
                             "decimal year at which each snapshot was taken");
    t.maps.push_back(std::move(d));
  }
}

void write_entities(hid_t file, const ResultLayout& layout, int compression, WriterTree& t) {
  Handle g = create_group(file, "entities");
  write_attr(g.get(), "description", "per-entity series: one column per entity, one row per step");
  std::map<std::string, Handle> groups;
  // Groups with metadata first: what the entities are (names, kinds, cells),
  // as attributes of the group so its children stay exactly its series.
  for (const auto& m : layout.entity_groups) {
    Handle group = create_group(g.get(), m.group);
    write_attr(group.get(), "description", m.description);
    write_attr(group.get(), "names", m.names);
    if (!m.kinds.empty()) write_attr(group.get(), "kinds", m.kinds);
    if (!m.x.empty()) {
      write_attr_int32s(group.get(), "x", m.x);
      write_attr_int32s(group.get(), "y", m.y);
    }
    groups.emplace(m.group, std::move(group));
  }
  for (const auto& s : layout.entity_series) {
    auto it = groups.find(s.group);
    if (it == groups.end()) it = groups.emplace(s.group, create_group(g.get(), s.group)).first;
    const hsize_t n = s.entity_names.size();
    Element e = series_element(it->second.get(), s.name, s.unit, s.description, std::span(&n, 1),
                               compression);
    write_attr(e.group.get(), "labels", s.entity_names);
    t.entities.push_back(std::move(e.value));
  }
}

void write_events(hid_t file, const ResultLayout& layout, int compression, WriterTree& t) {
  Handle g = create_group(file, "events");
  write_attr(g.get(), "description", "tables of events, one row per event");
  for (const auto& s : layout.event_tables) {
    const std::size_t row_bytes = 8 * s.columns.size();
    Handle file_type(H5Tcreate(H5T_COMPOUND, row_bytes), "creating an event row type");
    EventDatasets d;
    d.mem_type = Handle(H5Tcreate(H5T_COMPOUND, row_bytes), "creating an event row type");
    std::vector<std::string> units, descriptions;
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
      const auto& c = s.columns[i];
      const bool is_int = c.type == EventColumn::Type::int64;
      check_status(H5Tinsert(file_type.get(), c.name.c_str(), 8 * i, is_int ? H5T_STD_I64LE : H5T_IEEE_F64LE),
                   "adding event column '" + c.name + "'");
      check_status(H5Tinsert(d.mem_type.get(), c.name.c_str(), 8 * i,
                             is_int ? H5T_NATIVE_INT64 : H5T_NATIVE_DOUBLE),
                   "adding event column '" + c.name + "'");
      d.types.push_back(c.type);
      units.push_back(c.unit);
      descriptions.push_back(c.description);
    }
    d.dataset = create_growable(g.get(), s.name, file_type.get(), {}, chunk_rows_for(row_bytes, 1024),
                                compression, "", s.description);
    write_attr(d.dataset.get(), "column_units", units);
    write_attr(d.dataset.get(), "column_descriptions", descriptions);
    t.events.push_back(std::move(d));
  }
}

}  // namespace

void WriterTree::close_objects() noexcept {
  std::vector<Handle*> objects{&status, &steps_done, &wall_seconds, &step, &time, &date, &date_type};
  for (auto& h : observables) objects.push_back(&h);
  for (auto& h : levers) objects.push_back(&h);
  for (auto& h : entities) objects.push_back(&h);
  for (auto& m : maps) objects.insert(objects.end(), {&m.value, &m.step, &m.time});
  for (auto& e : events) objects.insert(objects.end(), {&e.dataset, &e.mem_type});
  for (Handle* h : objects) (void)h->close();
}

void WriterTree::close() {
  close_objects();
  check_status(file.close(), "closing the file");
}

void WriterTree::close_quietly() noexcept {
  close_objects();
  (void)file.close();
}

WriterTree create_tree(const std::string& path, const ResultLayout& layout, const RunMetadata& meta,
                       int compression) {
  validate(layout);
  WriterTree t;
  // SWMR needs the latest file format (version 3 superblock, extensible-array
  // chunk indexes); LATEST/LATEST keeps every object in that format.
  Handle fapl = file_access(true);
  // Laid out under a temporary name and renamed when complete: a run killed
  // while the file is being laid out leaves no stub that no reader can open
  // (HDF5 writes the superblock last), and an earlier result of the same name
  // stays whole until the new file replaces it.
  const std::string part = path + ".part";
  t.file = Handle(H5Fcreate(part.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()), "creating the file");
  try {
    const hid_t file = t.file.get();
    write_attr(file, "creator", format::creator);
    write_attr(file, "format", format::name);
    write_attr_int32(file, "format_version", format::version);
    write_run(file, meta, t);
    write_timeline(file, compression, t);
    write_observables(file, layout, compression, t);
    write_levers(file, layout, compression, t);
    write_maps(file, layout, compression, t);
    write_entities(file, layout, compression, t);
    write_events(file, layout, compression, t);
    // From here on only dataset extents and contents change; readers may attach.
    check_status(H5Fstart_swmr_write(file), "starting SWMR writing");
    std::error_code renamed;
    std::filesystem::rename(part, path, renamed);
    if (renamed) throw Error("renaming '" + part + "' to the result file failed: " + renamed.message());
  } catch (...) {
    // A file this call created but could not lay out (a full disk) holds no
    // step of the run and no reader could open it: it goes.
    t.close_quietly();
    std::error_code ignored;
    if (std::filesystem::is_regular_file(part, ignored)) std::filesystem::remove(part, ignored);
    throw;
  }
  return t;
}

}  // namespace zhili::h5
