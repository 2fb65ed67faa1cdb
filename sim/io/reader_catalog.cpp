#include "io/reader_catalog.hpp"

#include "io/h5_dataset.hpp"
#include "io/result_format.hpp"

namespace zhili::h5 {

namespace {

LiveDataset open_live(hid_t loc, const std::string& name) { return LiveDataset{open_dataset(loc, name)}; }

std::string unit_of(hid_t obj) { return read_attr_string_or(obj, "unit", ""); }
std::string description_of(hid_t obj) { return read_attr_string_or(obj, "description", ""); }

std::vector<std::string> labels_of(hid_t obj) {
  return has_attr(obj, "labels") ? read_attr_strings(obj, "labels") : std::vector<std::string>{};
}

// Children of an optional top-level group (a file may have no maps, ...).
std::vector<std::string> children_of(hid_t file, const std::string& group) {
  if (!link_exists(file, group)) return {};
  Handle g = open_group(file, group);
  return child_names(g.get());
}

EventTableSpec event_spec(hid_t table, const std::string& name) {
  EventTableSpec spec;
  spec.name = name;
  spec.description = description_of(table);
  Handle type(H5Dget_type(table), "reading event table '" + name + "'");
  if (H5Tget_class(type.get()) != H5T_COMPOUND) throw Error("event table '" + name + "' is not a compound dataset");
  const int n = H5Tget_nmembers(type.get());
  const auto units = has_attr(table, "column_units") ? read_attr_strings(table, "column_units")
                                                     : std::vector<std::string>{};
  const auto descriptions = has_attr(table, "column_descriptions")
                                ? read_attr_strings(table, "column_descriptions")
                                : std::vector<std::string>{};
  for (int i = 0; i < n; ++i) {
    EventColumn c;
    char* member = H5Tget_member_name(type.get(), static_cast<unsigned>(i));
    if (member == nullptr) throw Error("reading event table '" + name + "': column name");
    c.name = member;
    H5free_memory(member);
    c.type = H5Tget_member_class(type.get(), static_cast<unsigned>(i)) == H5T_INTEGER
                 ? EventColumn::Type::int64
                 : EventColumn::Type::float64;
    if (static_cast<std::size_t>(i) < units.size()) c.unit = units[i];
    if (static_cast<std::size_t>(i) < descriptions.size()) c.description = descriptions[i];
    spec.columns.push_back(std::move(c));
  }
  return spec;
}

// Metadata of an entity group. Files written before it existed have none;
// kinds and cells are each optional.
EntityGroupSpec entity_group_spec(hid_t group, const std::string& name) {
  EntityGroupSpec g;
  g.group = name;
  g.description = description_of(group);
  g.names = read_attr_strings(group, "names");
  if (has_attr(group, "kinds")) g.kinds = read_attr_strings(group, "kinds");
  if (has_attr(group, "x") && has_attr(group, "y")) {
    g.x = read_attr_int32s(group, "x");
    g.y = read_attr_int32s(group, "y");
  }
  return g;
}

}  // namespace

void check_format(hid_t file) {
  bool ok = false;
  try {
    ok = has_attr(file, "format") && read_attr_string(file, "format") == format::name;
  } catch (const Error&) {
    ok = false;  // a `format` attribute of another type: someone else's file
  }
  if (!ok) throw Error("not a zhili result file (no root attribute format=\"zhili-trajectory\")");
  const std::int64_t version = read_attr_int64(file, "format_version");
  if (version > format::version)
    throw Error("format_version " + std::to_string(version) + " is newer than this program reads (" +
                std::to_string(format::version) + ")");
}

RunMetadata read_metadata(hid_t file) {
  Handle run = open_group(file, "run");
  const hid_t r = run.get();
  RunMetadata m;
  m.program_version = read_attr_string(r, "program_version");
  m.git_commit = read_attr_string(r, "git_commit");
  m.scenario_name = read_attr_string(r, "scenario_name");
  m.scenario_path = read_attr_string(r, "scenario_path");
  m.seed = read_attr_uint64(r, "seed");
  m.threads = static_cast<int>(read_attr_int64(r, "threads"));
  m.start_time = read_attr_string(r, "start_time");
  m.calendar_start = read_attr_string(r, "calendar_start");
  m.step_unit = read_attr_string(r, "step_unit");
  m.steps_planned = read_attr_int64(r, "steps_planned");
  m.cell_km = read_attr_double(r, "cell_km");
  if (has_attr(r, "continued_from")) {
    m.continued_from = read_attr_string(r, "continued_from");
    m.branch_step = read_attr_int64(r, "branch_step");
    m.first_step = read_attr_int64(r, "first_step");
  }
  m.scenario_text = read_text(r, "scenario_text");
  m.resolved_scenario = read_text(r, "resolved_scenario");
  m.overrides = read_text(r, "overrides");
  return m;
}

Catalog read_catalog(hid_t file) {
  Catalog c;
  {
    Handle run = open_group(file, "run");
    c.status = open_live(run.get(), "status");
    c.steps_done = open_live(run.get(), "steps_done");
    c.wall_seconds = open_live(run.get(), "wall_seconds");
    Handle timeline = open_group(file, "timeline");
    c.step = open_live(timeline.get(), "step");
    c.time = open_live(timeline.get(), "time");
    c.date = open_live(timeline.get(), "date");
  }
  for (const auto& name : children_of(file, "observables")) {
    Handle g = open_group(file, "observables/" + name);
    ObservableEntry e;
    e.spec = SeriesSpec{name, unit_of(g.get()), description_of(g.get()),
                        read_attr_string_or(g.get(), "breakdown", ""), labels_of(g.get()),
                        better_from(read_attr_string_or(g.get(), "better", ""))};
    e.value = open_live(g.get(), "value");
    c.observables.push_back(std::move(e));
  }
  for (const auto& name : children_of(file, "levers")) {
    Handle g = open_group(file, "levers/" + name);
    c.levers.push_back(LeverEntry{LeverSpec{name, unit_of(g.get()), description_of(g.get())},
                                  open_live(g.get(), "value")});
  }
  if (link_exists(file, "maps")) {
    Handle maps = open_group(file, "maps");
    c.map_width = static_cast<int>(read_attr_int64(maps.get(), "width"));
    c.map_height = static_cast<int>(read_attr_int64(maps.get(), "height"));
    for (const auto& name : child_names(maps.get())) {
      Handle g = open_group(maps.get(), name);
      c.maps.push_back(MapEntry{MapSpec{name, unit_of(g.get()), description_of(g.get()),
                                        better_from(read_attr_string_or(g.get(), "better", ""))},
                                open_live(g.get(), "value"), open_live(g.get(), "step"),
                                open_live(g.get(), "time")});
    }
  }
  for (const auto& group : children_of(file, "entities")) {
    Handle eg = open_group(file, "entities/" + group);
    if (has_attr(eg.get(), "names")) c.entity_groups.push_back(entity_group_spec(eg.get(), group));
    for (const auto& name : child_names(eg.get())) {
      Handle g = open_group(eg.get(), name);
      EntityEntry e;
      e.spec = EntitySeriesSpec{group, name, unit_of(g.get()), description_of(g.get()), labels_of(g.get())};
      e.value = open_live(g.get(), "value");
      c.entities.push_back(std::move(e));
    }
  }
  for (const auto& name : children_of(file, "events")) {
    Handle g = open_group(file, "events");
    EventEntry e;
    e.table = open_live(g.get(), name);
    e.spec = event_spec(e.table.id.get(), name);
    c.events.push_back(std::move(e));
  }
  return c;
}

}  // namespace zhili::h5
