// ResultReader: opens a result file in SWMR-read mode and reads slices of it
// on demand (hyperslabs), never the whole file.
#include "io/result_reader.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "core/read_file.hpp"
#include "io/child_probe.hpp"
#include "io/h5_dataset.hpp"
#include "io/reader_catalog.hpp"

namespace zhili {

namespace {

constexpr unsigned kMetadataReadAttempts = 24;
// Longest a file's opening may take (metadata only: milliseconds when sound).
constexpr std::chrono::milliseconds kOpenLimit(20000);

// SWMR_READ lets us open a file that a writer still has open, and one left by
// a killed writer (its superblock still says "open for SWMR writing", which a
// plain open refuses). A cleanly closed file opens with it too; the plain
// open is only a fallback should some file refuse SWMR reading.
h5::Handle open_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw h5::Error("no such file");
  // A FIFO or device would block the open or be read without end.
  if (const std::string why = not_a_regular_file(path); !why.empty()) throw h5::Error(why);
  const h5::Handle fapl = h5::file_access(false);
  // A metadata block whose checksum fails is read again, in SWMR mode up to
  // 100 times with a sleep that doubles each time (1 ns, 2 ns, ...): on a
  // corrupted file that is hours. A writer's half-written block is whole again
  // within microseconds; 24 attempts wait at most 2^24 ns (17 ms) in all.
  h5::check_status(H5Pset_metadata_read_attempts(fapl.get(), kMetadataReadAttempts), "bounding metadata retries");
  if (hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, fapl.get()); f >= 0)
    return h5::Handle(f);
  H5Eclear2(H5E_DEFAULT);
  try {
    return h5::Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get()), "opening the file");
  } catch (const h5::Error& e) {
    if (std::string_view(e.what()).find("signature") != std::string_view::npos)
      throw h5::Error("not a zhili result file (not an HDF5 file)");
    throw;
  }
}

// Rows [first, first + count) of a series with `rows` rows; count -1 = to the end.
std::int64_t checked_count(std::int64_t rows, std::int64_t first, std::int64_t count) {
  if (first < 0 || first > rows || count < -1 || (count >= 0 && first + count > rows))
    throw std::out_of_range("rows [" + std::to_string(first) + ", +" + std::to_string(count) +
                            ") outside a series of " + std::to_string(rows) + " rows");
  return count < 0 ? rows - first : count;
}

template <class Entry>
const Entry& find(const std::vector<Entry>& entries, const std::string& name, const char* kind,
                  const std::string& path) {
  auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.spec.name == name; });
  if (it == entries.end())
    throw std::out_of_range(std::string("result file '") + path + "': no " + kind + " '" + name + "'");
  return *it;
}

}  // namespace

struct ResultReader::Impl {
  std::string path;
  h5::Handle file;  // declared first: closed after the datasets below
  h5::Catalog catalog;
  RunMetadata meta;
  std::uint64_t generation = 0;  // bumped by refresh()
  RunStatus status = RunStatus::running;
  double wall = 0.0;
  std::int64_t timeline_rows = 0;

  // Opens `file_path` and reads its metadata, catalog and progress.
  void open(const std::string& file_path);

  // The dataset's id, its metadata re-read first if refresh() ran since last use.
  hid_t fresh(const h5::LiveDataset& d) const {
    if (d.generation != generation) {
      h5::check_status(H5Drefresh(d.id.get()), "refreshing a dataset");
      d.generation = generation;
    }
    return d.id.get();
  }

  std::int64_t rows(const h5::LiveDataset& d) const {
    return static_cast<std::int64_t>(h5::shape_of(fresh(d)).at(0));
  }
  // Rows of a per-step series that a reader may trust: /run/steps_done is
  // written only after a flush of every series has reached the file, and a
  // run killed (or read) half-way through a flush may show some series
  // already longer.
  std::int64_t step_rows(const h5::LiveDataset& d) const { return std::min(rows(d), timeline_rows); }

  void read_progress() {
    std::int32_t code = 0;
    h5::read_scalar(fresh(catalog.status), H5T_NATIVE_INT32, &code);
    status = static_cast<RunStatus>(code);
    h5::read_scalar(fresh(catalog.wall_seconds), H5T_NATIVE_DOUBLE, &wall);
    std::int64_t committed = 0;
    h5::read_scalar(fresh(catalog.steps_done), H5T_NATIVE_INT64, &committed);
    // A reader may catch a flush half-way: trust the steps the writer has
    // committed, and (files of any writer) only rows all three timeline datasets have.
    timeline_rows = std::min({committed, rows(catalog.step), rows(catalog.time), rows(catalog.date)});
    timeline_rows = std::max<std::int64_t>(timeline_rows, 0);
  }

  template <class T>
  std::vector<T> read_all(const h5::LiveDataset& d, hid_t mem_type, std::int64_t n) const {
    const hid_t id = fresh(d);
    std::vector<T> out(static_cast<std::size_t>(n) * h5::row_size(h5::shape_of(id)));
    h5::read_rows(id, mem_type, 0, static_cast<hsize_t>(n), out.data());
    return out;
  }
};

void ResultReader::Impl::open(const std::string& file_path) {
  path = file_path;
  file = open_file(path);
  h5::check_format(file.get());
  meta = h5::read_metadata(file.get());
  catalog = h5::read_catalog(file.get());
  read_progress();
}

ResultReader::ResultReader(const std::string& path, OpenCheck check) : impl_(std::make_unique<Impl>()) {
  h5::init_library();
  h5::with_path(path, [&] {
    if (check == OpenCheck::none) return impl_->open(path);
    // Opening reads every attribute and index of the file. HDF5 1.10 can
    // crash on a corrupted one (a string's length read from a damaged global
    // heap, which carries no checksum), so a child process opens it first.
    const h5::ProbeResult probe = h5::run_in_child([&] { Impl().open(path); }, kOpenLimit);
    if (probe.end == h5::ProbeEnd::crashed)
      throw h5::Error("the file is corrupted: reading its metadata crashed HDF5" +
                      (probe.signal != 0 ? " (signal " + std::to_string(probe.signal) + ")" : std::string()));
    if (probe.end == h5::ProbeEnd::timed_out)
      throw h5::Error("reading its metadata took longer than " + std::to_string(kOpenLimit.count() / 1000) +
                      " s (a corrupted file, or a file system that does not answer)");
    impl_->open(path);
  });
}

ResultReader::~ResultReader() = default;
ResultReader::ResultReader(ResultReader&&) noexcept = default;
ResultReader& ResultReader::operator=(ResultReader&&) noexcept = default;

void ResultReader::refresh() {
  ++impl_->generation;
  h5::with_path(impl_->path, [&] { impl_->read_progress(); });
}

const RunMetadata& ResultReader::metadata() const { return impl_->meta; }
RunStatus ResultReader::status() const { return impl_->status; }
std::int64_t ResultReader::steps_done() const { return impl_->timeline_rows; }
double ResultReader::wall_seconds() const { return impl_->wall; }

std::vector<std::int64_t> ResultReader::steps() const {
  return h5::with_path(impl_->path, [&] {
    return impl_->read_all<std::int64_t>(impl_->catalog.step, H5T_NATIVE_INT64, impl_->timeline_rows);
  });
}

std::vector<double> ResultReader::times() const {
  return h5::with_path(impl_->path, [&] {
    return impl_->read_all<double>(impl_->catalog.time, H5T_NATIVE_DOUBLE, impl_->timeline_rows);
  });
}

std::vector<std::string> ResultReader::dates() const {
  return h5::with_path(impl_->path, [&] {
    return h5::read_fixed_strings(impl_->fresh(impl_->catalog.date), 0,
                                  static_cast<hsize_t>(impl_->timeline_rows));
  });
}

std::vector<std::string> ResultReader::observable_names() const {
  std::vector<std::string> names;
  for (const auto& e : impl_->catalog.observables) names.push_back(e.spec.name);
  return names;
}

SeriesInfo ResultReader::observable_info(const std::string& name) const {
  const auto& e = find(impl_->catalog.observables, name, "observable", impl_->path);
  return h5::with_path(impl_->path, [&] { return SeriesInfo{e.spec, impl_->step_rows(e.value)}; });
}

std::vector<double> ResultReader::read_observable(const std::string& name, std::int64_t first,
                                                  std::int64_t count) const {
  const auto& e = find(impl_->catalog.observables, name, "observable", impl_->path);
  return h5::with_path(impl_->path, [&] {
    const hid_t id = impl_->fresh(e.value);
    const auto shape = h5::shape_of(id);
    const std::int64_t n =
        checked_count(std::min(static_cast<std::int64_t>(shape.at(0)), impl_->timeline_rows), first, count);
    std::vector<double> out(static_cast<std::size_t>(n) * h5::row_size(shape));
    h5::read_rows(id, H5T_NATIVE_DOUBLE, static_cast<hsize_t>(first), static_cast<hsize_t>(n), out.data());
    return out;
  });
}

std::vector<std::string> ResultReader::lever_names() const {
  std::vector<std::string> names;
  for (const auto& e : impl_->catalog.levers) names.push_back(e.spec.name);
  return names;
}

std::vector<double> ResultReader::read_lever(const std::string& name) const {
  const auto& e = find(impl_->catalog.levers, name, "lever", impl_->path);
  return h5::with_path(impl_->path,
                       [&] { return impl_->read_all<double>(e.value, H5T_NATIVE_DOUBLE, impl_->step_rows(e.value)); });
}

std::vector<MapSpec> ResultReader::maps() const {
  std::vector<MapSpec> specs;
  for (const auto& e : impl_->catalog.maps) specs.push_back(e.spec);
  return specs;
}
int ResultReader::map_width() const { return impl_->catalog.map_width; }
int ResultReader::map_height() const { return impl_->catalog.map_height; }

std::vector<std::int64_t> ResultReader::map_steps(const std::string& name) const {
  const auto& e = find(impl_->catalog.maps, name, "map", impl_->path);
  return h5::with_path(impl_->path, [&] {
    // Snapshots of committed steps only (a killed run may show a later one).
    const std::int64_t n = std::min(impl_->rows(e.step), impl_->rows(e.value));
    auto steps = impl_->read_all<std::int64_t>(e.step, H5T_NATIVE_INT64, n);
    std::int64_t last = std::numeric_limits<std::int64_t>::min();  // the last committed step
    if (impl_->timeline_rows > 0)
      h5::read_rows(impl_->fresh(impl_->catalog.step), H5T_NATIVE_INT64,
                    static_cast<hsize_t>(impl_->timeline_rows - 1), 1, &last);
    while (!steps.empty() && steps.back() > last) steps.pop_back();
    return steps;
  });
}

std::vector<float> ResultReader::read_map(const std::string& name, std::int64_t snapshot) const {
  const auto& e = find(impl_->catalog.maps, name, "map", impl_->path);
  return h5::with_path(impl_->path, [&] {
    const hid_t id = impl_->fresh(e.value);
    const auto shape = h5::shape_of(id);
    checked_count(static_cast<std::int64_t>(shape.at(0)), snapshot, 1);
    std::vector<float> out(h5::row_size(shape));
    h5::read_rows(id, H5T_NATIVE_FLOAT, static_cast<hsize_t>(snapshot), 1, out.data());
    return out;
  });
}

std::vector<EntitySeriesSpec> ResultReader::entity_series() const {
  std::vector<EntitySeriesSpec> specs;
  for (const auto& e : impl_->catalog.entities) specs.push_back(e.spec);
  return specs;
}

std::vector<double> ResultReader::read_entity_series(const std::string& group,
                                                     const std::string& name) const {
  const auto& entries = impl_->catalog.entities;
  auto it = std::find_if(entries.begin(), entries.end(),
                         [&](const auto& e) { return e.spec.group == group && e.spec.name == name; });
  if (it == entries.end())
    throw std::out_of_range("result file '" + impl_->path + "': no entity series '" + group + "/" + name + "'");
  return h5::with_path(impl_->path, [&] {
    return impl_->read_all<double>(it->value, H5T_NATIVE_DOUBLE, impl_->step_rows(it->value));
  });
}

const std::vector<EntityGroupSpec>& ResultReader::entity_groups() const { return impl_->catalog.entity_groups; }

const EntityGroupSpec* ResultReader::find_entity_group(const std::string& group) const {
  for (const auto& g : impl_->catalog.entity_groups)
    if (g.group == group) return &g;
  return nullptr;
}

std::vector<std::string> ResultReader::event_table_names() const {
  std::vector<std::string> names;
  for (const auto& e : impl_->catalog.events) names.push_back(e.spec.name);
  return names;
}

EventTable ResultReader::read_events(const std::string& name) const {
  const auto& e = find(impl_->catalog.events, name, "event table", impl_->path);
  return h5::with_path(impl_->path, [&] {
    // Read every column as float64: HDF5 converts the int64 fields on the way.
    const std::size_t ncol = e.spec.columns.size();
    h5::Handle mem(H5Tcreate(H5T_COMPOUND, 8 * ncol), "creating an event row type");
    for (std::size_t i = 0; i < ncol; ++i)
      h5::check_status(H5Tinsert(mem.get(), e.spec.columns[i].name.c_str(), 8 * i, H5T_NATIVE_DOUBLE),
                       "building an event row type");
    const hid_t id = impl_->fresh(e.table);
    const auto n = static_cast<std::size_t>(h5::shape_of(id).at(0));
    std::vector<double> rows(n * ncol);
    h5::read_rows(id, mem.get(), 0, n, rows.data());
    EventTable table{e.spec, std::vector<std::vector<double>>(ncol, std::vector<double>(n))};
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t i = 0; i < ncol; ++i) table.columns[i][r] = rows[r * ncol + i];
    return table;
  });
}

std::string to_string(RunStatus s) {
  switch (s) {
    case RunStatus::running: return "running";
    case RunStatus::finished: return "finished";
    case RunStatus::interrupted: return "interrupted";
    case RunStatus::failed: return "failed";
  }
  return "unknown (" + std::to_string(static_cast<std::int32_t>(s)) + ")";
}

}  // namespace zhili
