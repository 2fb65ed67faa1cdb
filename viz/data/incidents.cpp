#include "data/incidents.hpp"

#include <algorithm>
#include <cmath>

namespace zhili::view {

namespace {

std::int64_t as_int(double v) { return std::isfinite(v) ? static_cast<std::int64_t>(std::llround(v)) : 0; }

// Where an incidents table keeps each field (-1: not there). Tables without
// id, start_step, duration_steps, x and y are not ones this viewer knows.
struct IncidentColumns {
  int id = -1, start = -1, duration = -1, x = -1, y = -1, peak = -1, cells = -1, ongoing = -1;

  explicit IncidentColumns(const std::vector<EventColumn>& columns) {
    const auto find = [&](const char* name) {
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return static_cast<int>(i);
      return -1;
    };
    id = find("id");
    start = find("start_step");
    duration = find("duration_steps");
    x = find("x");
    y = find("y");
    peak = find("peak_active");
    cells = find("peak_cells");
    ongoing = find("ongoing");
  }
  bool known() const { return id >= 0 && start >= 0 && duration >= 0 && x >= 0 && y >= 0; }
  // One row; at(c) is the value in column c.
  template <class At>
  Incident incident(At at) const {
    Incident i;
    i.id = as_int(at(id));
    i.start_step = as_int(at(start));
    i.duration_steps = as_int(at(duration));
    i.x = static_cast<int>(as_int(at(x)));
    i.y = static_cast<int>(as_int(at(y)));
    if (peak >= 0) i.peak_active = at(peak);
    if (cells >= 0) i.peak_cells = as_int(at(cells));
    if (ongoing >= 0) i.ongoing = as_int(at(ongoing)) != 0;
    return i;
  }
};

void add(IncidentTable& table, const Incident& i) {
  if (std::isfinite(i.peak_active)) table.max_peak_active = std::max(table.max_peak_active, i.peak_active);
  table.incidents.push_back(i);
}

template <class Keep>
std::vector<Incident> select(const IncidentTable& table, Keep keep) {
  std::vector<Incident> out;
  for (const auto& i : table.incidents)
    if (keep(i)) out.push_back(i);
  return out;
}

}  // namespace

std::int64_t IncidentTable::step_of_row(std::int64_t row) const {
  if (row < 0) return -1;
  if (steps.empty()) return row;
  const auto n = static_cast<std::int64_t>(steps.size());
  // A row past the timeline read with the table (the run grew since): steps go on one by one.
  return row < n ? steps[static_cast<std::size_t>(row)] : steps.back() + (row - n + 1);
}

std::int64_t IncidentTable::row_of_step(std::int64_t step) const {
  const auto it = std::lower_bound(steps.begin(), steps.end(), step);
  return it != steps.end() && *it == step ? static_cast<std::int64_t>(it - steps.begin()) : -1;
}

IncidentTable read_incidents(const ResultReader& reader) {
  IncidentTable out;
  const auto names = reader.event_table_names();
  if (std::find(names.begin(), names.end(), kIncidentTable) == names.end()) return out;
  const EventTable t = reader.read_events(kIncidentTable);
  const IncidentColumns c(t.spec.columns);
  if (!c.known()) return out;
  out.columns = t.spec.columns;
  const std::size_t n = t.columns.empty() ? 0 : t.columns[0].size();
  out.incidents.reserve(n);
  for (std::size_t r = 0; r < n; ++r)
    add(out, c.incident([&](int col) { return t.columns[static_cast<std::size_t>(col)][r]; }));
  out.steps = reader.steps();
  return out;
}

IncidentTable with_open_incidents(const IncidentTable& file, const std::vector<std::vector<double>>& rows) {
  IncidentTable out = file;
  const IncidentColumns c(file.columns);
  if (!c.known()) return out;
  for (const auto& row : rows) {
    if (row.size() != file.columns.size()) continue;
    const Incident i = c.incident([&](int col) { return row[static_cast<std::size_t>(col)]; });
    const bool in_file = std::any_of(file.incidents.begin(), file.incidents.end(),
                                     [&](const Incident& f) { return f.id == i.id; });
    if (!in_file) add(out, i);
  }
  return out;
}

IncidentTable read_incidents(const std::string& path) {
  ResultReader reader(path);
  // The file may be open already (RunData's reader, or a live run's writer in
  // this process): HDF5 then shares it, and only a refresh re-reads extents
  // that grew since.
  reader.refresh();
  return read_incidents(reader);
}

std::int64_t incident_step_at(const IncidentTable& table, const RunData& run, double t) {
  return table.step_of_row(run.row_at(t));
}

std::vector<Incident> incidents_in_progress(const IncidentTable& table, std::int64_t step) {
  if (step < 0) return {};
  return select(table, [step](const Incident& i) { return i.in_progress_at(step); });
}

std::vector<Incident> incidents_started_by(const IncidentTable& table, std::int64_t step) {
  if (step < 0) return {};
  return select(table, [step](const Incident& i) { return i.started_by(step); });
}

std::vector<Incident> incidents_ended_by(const IncidentTable& table, std::int64_t step) {
  if (step < 0) return {};
  return select(table, [step](const Incident& i) { return i.started_by(step) && !i.in_progress_at(step); });
}

float incident_radius(const Incident& incident, double max_peak_active, float min_px, float max_px) {
  double share = max_peak_active > 0.0 ? incident.peak_active / max_peak_active : 0.0;
  if (!std::isfinite(share)) share = 0.0;
  share = std::clamp(share, 0.0, 1.0);
  // Area, not radius, proportional to the value, as for the outlet markers.
  return min_px + (max_px - min_px) * static_cast<float>(std::sqrt(share));
}

const IncidentTable& IncidentCache::of(const RunData& run) {
  Entry& e = entries_[run.path()];
  if (e.rows != run.rows() || e.status != run.status()) {
    e.rows = run.rows();
    e.status = run.status();
    try {
      if (!e.reader) e.reader = std::make_unique<ResultReader>(run.path());
      e.reader->refresh();
      e.table = read_incidents(*e.reader);
    } catch (const std::exception&) {
      // The run itself opened, so this is a table caught half-written: try again when the run grows.
      e.table = {};
    }
  }
  return e.table;
}

}  // namespace zhili::view
