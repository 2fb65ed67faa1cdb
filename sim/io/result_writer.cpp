// ResultWriter: buffers steps in memory and appends them to the datasets that
// result_tree.cpp created. Buffers are sized once in the constructor for
// `flush_every` steps, so appending a step only copies numbers.
#include "io/result_writer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "io/h5_dataset.hpp"
#include "io/result_format.hpp"
#include "io/result_tree.hpp"

namespace zhili {

using Clock = std::chrono::steady_clock;

struct ResultWriter::Impl {
  std::string path;
  h5::WriterTree tree;
  Clock::time_point started = Clock::now();
  bool closed = false;

  // Shape of one step.
  std::size_t capacity = 0;               // steps per flush
  std::size_t observable_width = 0;       // doubles in one step's observables row
  std::vector<std::size_t> obs_width;     // per observable
  std::vector<std::size_t> obs_column;    // its first column in the row passed to append_step
  std::vector<std::size_t> entity_count;  // per entity series
  std::size_t map_cells = 0;              // floats in one map snapshot

  // Steps appended but not yet written. Observable i occupies the block
  // [capacity * obs_column[i], +capacity * obs_width[i]) of `obs`, rows
  // contiguous, so each dataset gets one hyperslab write per flush.
  std::size_t buffered = 0;
  hsize_t written = 0;  // steps in the file
  bool any_step = false;
  std::vector<std::int64_t> steps;
  std::vector<double> times;
  std::vector<char> dates;                    // capacity x date_length, NUL padded
  std::vector<double> obs;
  std::vector<double> levers;                 // lever j: [capacity * j, +capacity)
  std::vector<std::vector<double>> entities;  // series s: capacity x entity_count[s]
  std::vector<char> entity_row_given;         // per series, for the newest step
  std::size_t entity_rows_missing = 0;        // series still without a row for the newest step
  std::vector<std::vector<unsigned char>> events;  // packed rows (rare: may grow)

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - started).count(); }

  void allocate(const ResultLayout& layout, std::size_t flush_every) {
    capacity = flush_every;
    map_cells = static_cast<std::size_t>(layout.map_width) * static_cast<std::size_t>(layout.map_height);
    for (const auto& s : layout.observables) {
      obs_column.push_back(observable_width);
      obs_width.push_back(s.width());
      observable_width += s.width();
    }
    steps.resize(capacity);
    times.resize(capacity);
    dates.resize(capacity * format::date_length);
    obs.resize(capacity * observable_width);
    levers.resize(capacity * layout.levers.size());
    for (const auto& s : layout.entity_series) {
      entity_count.push_back(s.entity_names.size());
      entities.emplace_back(capacity * s.entity_names.size());
    }
    entity_row_given.assign(entity_count.size(), 0);
    events.resize(layout.event_tables.size());
  }

  void check_open() const {
    if (closed) throw std::logic_error("result file '" + path + "': already finished");
  }

  void write_buffered_steps() {
    const hsize_t n = buffered;
    if (n > 0) {
      for (std::size_t i = 0; i < tree.observables.size(); ++i)
        h5::append_rows(tree.observables[i].get(), H5T_NATIVE_DOUBLE, written, n,
                        obs.data() + capacity * obs_column[i]);
      for (std::size_t j = 0; j < tree.levers.size(); ++j)
        h5::append_rows(tree.levers[j].get(), H5T_NATIVE_DOUBLE, written, n, levers.data() + capacity * j);
      for (std::size_t s = 0; s < tree.entities.size(); ++s)
        h5::append_rows(tree.entities[s].get(), H5T_NATIVE_DOUBLE, written, n, entities[s].data());
      // The timeline last: a reader that trusts its length finds the series rows already there.
      h5::append_rows(tree.step.get(), H5T_NATIVE_INT64, written, n, steps.data());
      h5::append_rows(tree.time.get(), H5T_NATIVE_DOUBLE, written, n, times.data());
      h5::append_rows(tree.date.get(), tree.date_type.get(), written, n, dates.data());
      written += n;
      buffered = 0;
    }
    for (std::size_t t = 0; t < events.size(); ++t) {
      auto& rows = events[t];
      if (rows.empty()) continue;
      auto& table = tree.events[t];
      const hsize_t count = rows.size() / (8 * table.types.size());
      h5::append_rows(table.dataset.get(), table.mem_type.get(), table.rows, count, rows.data());
      table.rows += count;
      rows.clear();  // keeps its capacity
    }
  }

  void write_progress(RunStatus status, double wall) {
    const auto code = static_cast<std::int32_t>(status);
    const auto done = static_cast<std::int64_t>(written);
    h5::write_scalar(tree.status.get(), H5T_NATIVE_INT32, &code);
    h5::write_scalar(tree.steps_done.get(), H5T_NATIVE_INT64, &done);
    h5::write_scalar(tree.wall_seconds.get(), H5T_NATIVE_DOUBLE, &wall);
  }

  void flush() {
    // Two flushes: the rows (series, timeline, entities, events, maps given
    // so far) reach the file before /run/steps_done counts them. With one,
    // HDF5 wrote its dirty metadata in its own order, and a SIGKILL during
    // the flush left steps_done a whole interval ahead of every series, or
    // the timeline ahead of some entity series (6 of 20 kills). Readers
    // trust steps_done. GLOBAL: everything reaches the file.
    write_buffered_steps();
    h5::check_status(H5Fflush(tree.file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
    write_progress(RunStatus::running, elapsed());
    h5::check_status(H5Fflush(tree.file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
  }

  // A full interval is written as soon as its last step is complete, i.e. has
  // every entity row (append_entity_row follows append_step for the same step).
  void flush_if_full() {
    if (buffered == capacity && entity_rows_missing == 0) flush();
  }
};

ResultWriter::ResultWriter(const std::string& path, const ResultLayout& layout,
                           const RunMetadata& meta, WriterSettings settings)
    : impl_(std::make_unique<Impl>()) {
  if (settings.flush_every < 1) throw std::invalid_argument("WriterSettings.flush_every must be >= 1");
  if (settings.compression < 0 || settings.compression > 9)
    throw std::invalid_argument("WriterSettings.compression must be in 0..9");
  h5::init_library();
  impl_->path = path;
  impl_->tree = h5::with_path(path, [&] { return h5::create_tree(path, layout, meta, settings.compression); });
  impl_->allocate(layout, static_cast<std::size_t>(settings.flush_every));
}

ResultWriter::~ResultWriter() {
  if (!impl_ || impl_->closed) return;
  try {
    finish(RunStatus::failed, impl_->elapsed());
  } catch (...) {
    // A destructor must not throw; the handles still close through RAII.
  }
}

void ResultWriter::append_step(std::int64_t step, double decimal_year, const Date& date,
                               std::span<const double> observables, std::span<const double> levers) {
  Impl& m = *impl_;
  m.check_open();
  if (observables.size() != m.observable_width)
    throw std::invalid_argument("append_step: expected " + std::to_string(m.observable_width) +
                                " observable values, got " + std::to_string(observables.size()));
  if (levers.size() != m.tree.levers.size())
    throw std::invalid_argument("append_step: expected " + std::to_string(m.tree.levers.size()) +
                                " lever values, got " + std::to_string(levers.size()));
  // An interval left full because an entity row never came is written now.
  if (m.buffered == m.capacity) flush();

  const std::size_t r = m.buffered;
  m.steps[r] = step;
  m.times[r] = decimal_year;
  const std::string text = format_date(date);  // short: no heap allocation (SSO)
  char* d = m.dates.data() + r * format::date_length;
  std::memset(d, 0, format::date_length);
  std::memcpy(d, text.data(), std::min(text.size(), format::date_length));
  for (std::size_t i = 0; i < m.obs_width.size(); ++i)
    std::copy_n(observables.data() + m.obs_column[i], m.obs_width[i],
                m.obs.data() + m.capacity * m.obs_column[i] + r * m.obs_width[i]);
  for (std::size_t j = 0; j < levers.size(); ++j) m.levers[m.capacity * j + r] = levers[j];
  // Entity rows not given for this step stay NaN ("not observed").
  for (std::size_t s = 0; s < m.entities.size(); ++s)
    std::fill_n(m.entities[s].data() + r * m.entity_count[s], m.entity_count[s],
                std::numeric_limits<double>::quiet_NaN());
  std::fill(m.entity_row_given.begin(), m.entity_row_given.end(), 0);
  m.entity_rows_missing = m.entities.size();
  ++m.buffered;
  m.any_step = true;
  h5::with_path(m.path, [&] { m.flush_if_full(); });
}

void ResultWriter::append_map(std::size_t map_index, std::int64_t step, double decimal_year,
                              std::span<const float> cells) {
  Impl& m = *impl_;
  m.check_open();
  if (map_index >= m.tree.maps.size()) throw std::out_of_range("append_map: no map " + std::to_string(map_index));
  if (cells.size() != m.map_cells)
    throw std::invalid_argument("append_map: expected " + std::to_string(m.map_cells) + " cells, got " +
                                std::to_string(cells.size()));
  // Snapshots are rare and large: written straight away (one chunk each)
  // rather than buffered; they become visible to readers at the next flush.
  h5::with_path(m.path, [&] {
    auto& map = m.tree.maps[map_index];
    const hsize_t rows = map.rows;
    h5::append_rows(map.value.get(), H5T_NATIVE_FLOAT, rows, 1, cells.data());
    h5::append_rows(map.step.get(), H5T_NATIVE_INT64, rows, 1, &step);
    h5::append_rows(map.time.get(), H5T_NATIVE_DOUBLE, rows, 1, &decimal_year);
    map.rows = rows + 1;
  });
}

void ResultWriter::append_entity_row(std::size_t series_index, std::span<const double> values) {
  Impl& m = *impl_;
  m.check_open();
  if (series_index >= m.entities.size())
    throw std::out_of_range("append_entity_row: no entity series " + std::to_string(series_index));
  const std::size_t n = m.entity_count[series_index];
  if (values.size() != n)
    throw std::invalid_argument("append_entity_row: expected " + std::to_string(n) + " values, got " +
                                std::to_string(values.size()));
  if (!m.any_step) throw std::logic_error("append_entity_row before the first append_step");
  h5::with_path(m.path, [&] {
    if (m.buffered == 0) {
      // The step was already written (an explicit flush() came in between): overwrite its row.
      h5::append_rows(m.tree.entities[series_index].get(), H5T_NATIVE_DOUBLE, m.written - 1, 1,
                      values.data());
      return;
    }
    std::copy(values.begin(), values.end(), m.entities[series_index].data() + (m.buffered - 1) * n);
    if (!m.entity_row_given[series_index]) {
      m.entity_row_given[series_index] = 1;
      --m.entity_rows_missing;
    }
    m.flush_if_full();
  });
}

void ResultWriter::append_event(std::size_t table_index, std::span<const double> row) {
  Impl& m = *impl_;
  m.check_open();
  if (table_index >= m.events.size())
    throw std::out_of_range("append_event: no event table " + std::to_string(table_index));
  const auto& types = m.tree.events[table_index].types;
  if (row.size() != types.size())
    throw std::invalid_argument("append_event: expected " + std::to_string(types.size()) +
                                " values, got " + std::to_string(row.size()));
  auto& bytes = m.events[table_index];
  for (std::size_t i = 0; i < row.size(); ++i) {
    unsigned char field[8];
    if (types[i] == EventColumn::Type::int64) {
      if (!std::isfinite(row[i])) throw std::invalid_argument("append_event: non-finite value for an int64 column");
      const auto v = static_cast<std::int64_t>(std::llround(row[i]));
      std::memcpy(field, &v, 8);
    } else {
      std::memcpy(field, &row[i], 8);
    }
    bytes.insert(bytes.end(), field, field + 8);
  }
}

void ResultWriter::flush() {
  impl_->check_open();
  h5::with_path(impl_->path, [&] { impl_->flush(); });
}

void ResultWriter::finish(RunStatus status, double wall_seconds) {
  Impl& m = *impl_;
  if (m.closed) return;
  m.closed = true;  // whatever happens below, the destructor must not try again
  h5::with_path(m.path, [&] {
    try {
      m.write_buffered_steps();
      h5::check_status(H5Fflush(m.tree.file.get(), H5F_SCOPE_GLOBAL), "flushing the file");  // as in flush()
    } catch (const h5::Error&) {
      // A run that is failing (a full disk) still marks its file failed,
      // over the steps committed before; any other ending reports the error.
      if (status != RunStatus::failed) throw;
    }
    m.write_progress(status, wall_seconds);
    // On disk now even if the close below is deferred: a reader in this
    // process (zhili-view --live) keeps the file open after the writer's close.
    h5::check_status(H5Fflush(m.tree.file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
    m.tree.close();  // H5Fclose writes the last metadata and ends SWMR mode
  });
}

const std::string& ResultWriter::path() const { return impl_->path; }

}  // namespace zhili
