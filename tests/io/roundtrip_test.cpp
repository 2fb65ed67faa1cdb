// Everything written comes back bit for bit, whatever the flush boundaries.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>

#include "io/result_reader.hpp"
#include "io/result_writer.hpp"
#include "sample_run.hpp"

namespace zhili {
namespace {

using test::sample_layout;

// Exact comparison of the bits, so -0.0 vs 0.0 or a last-bit rounding counts.
template <class T>
bool same_bits(T a, T b) {
  if constexpr (sizeof(T) == 8) return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
  else return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

std::string write_sample(const std::string& name, std::int64_t steps, int flush_every, int compression = 4,
                         RunStatus status = RunStatus::finished) {
  const std::string path = test::temp_path(name);
  ResultWriter w(path, sample_layout(), test::sample_metadata(), {flush_every, compression});
  test::write_steps(w, 0, steps);
  w.finish(status, 12.5);
  return path;
}

// Checks every series of a file holding steps [0, steps) of the sample run.
void expect_sample_contents(const ResultReader& r, std::int64_t steps) {
  const ResultLayout layout = sample_layout();
  const Calendar cal = test::sample_calendar();
  ASSERT_EQ(r.steps_done(), steps);
  const auto st = r.steps();
  const auto times = r.times();
  const auto dates = r.dates();
  ASSERT_EQ(st.size(), static_cast<std::size_t>(steps));
  ASSERT_EQ(times.size(), st.size());
  ASSERT_EQ(dates.size(), st.size());
  for (std::int64_t k = 0; k < steps; ++k) {
    EXPECT_EQ(st[k], k);
    EXPECT_TRUE(same_bits(times[k], cal.decimal_year_of(k)));
    EXPECT_EQ(dates[k], format_date(cal.date_of(k)));
  }
  std::size_t column = 0;
  for (const auto& spec : layout.observables) {
    const auto values = r.read_observable(spec.name);
    ASSERT_EQ(values.size(), steps * spec.width()) << spec.name;
    for (std::int64_t k = 0; k < steps; ++k)
      for (std::size_t c = 0; c < spec.width(); ++c)
        EXPECT_TRUE(same_bits(values[k * spec.width() + c], test::observable_value(k, column + c)))
            << spec.name << " step " << k << " col " << c;
    column += spec.width();
  }
  for (std::size_t j = 0; j < layout.levers.size(); ++j) {
    const auto values = r.read_lever(layout.levers[j].name);
    ASSERT_EQ(values.size(), static_cast<std::size_t>(steps));
    for (std::int64_t k = 0; k < steps; ++k) EXPECT_TRUE(same_bits(values[k], test::lever_value(k, j)));
  }
  for (std::size_t s = 0; s < layout.entity_series.size(); ++s) {
    const auto& spec = layout.entity_series[s];
    const auto values = r.read_entity_series(spec.group, spec.name);
    const std::size_t n = spec.entity_names.size();
    ASSERT_EQ(values.size(), steps * n);
    for (std::int64_t k = 0; k < steps; ++k)
      for (std::size_t e = 0; e < n; ++e) {
        if (test::entity_row_given(k, s)) EXPECT_TRUE(same_bits(values[k * n + e], test::entity_value(k, s, e)));
        else EXPECT_TRUE(std::isnan(values[k * n + e])) << "missing entity row must read as NaN";
      }
  }
  for (std::size_t m = 0; m < layout.maps.size(); ++m) {
    const auto map_steps = r.map_steps(layout.maps[m].name);
    ASSERT_EQ(map_steps.size(), static_cast<std::size_t>((steps + test::kMapEvery - 1) / test::kMapEvery));
    for (std::size_t i = 0; i < map_steps.size(); ++i) {
      const std::int64_t step = static_cast<std::int64_t>(i) * test::kMapEvery;
      EXPECT_EQ(map_steps[i], step);
      const auto cells = r.read_map(layout.maps[m].name, static_cast<std::int64_t>(i));
      ASSERT_EQ(cells.size(), 12u);
      for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x) EXPECT_TRUE(same_bits(cells[y * 4 + x], test::map_value(step, m, y, x)));
    }
  }
  const EventTable events = r.read_events("incidents");
  ASSERT_EQ(events.columns.size(), 3u);
  std::vector<std::int64_t> event_steps;
  for (std::int64_t k = 0; k < steps; ++k)
    if (test::has_event(k)) event_steps.push_back(k);
  ASSERT_EQ(events.columns[0].size(), event_steps.size());
  for (std::size_t i = 0; i < event_steps.size(); ++i) {
    const auto k = event_steps[i];
    EXPECT_EQ(events.columns[0][i], static_cast<double>(k));
    EXPECT_EQ(events.columns[1][i], 3.0 * static_cast<double>(k) + 1.0) << "int64 column is rounded";
    EXPECT_TRUE(same_bits(events.columns[2][i], static_cast<double>(k) / 8.0));
  }
}

TEST(IoRoundTrip, MetadataComesBackExactly) {
  const ResultReader r(write_sample("roundtrip_metadata", 3, 12));
  const RunMetadata want = test::sample_metadata();
  const RunMetadata& got = r.metadata();
  EXPECT_EQ(got.program_version, want.program_version);
  EXPECT_EQ(got.git_commit, want.git_commit);
  EXPECT_EQ(got.scenario_name, want.scenario_name);
  EXPECT_EQ(got.scenario_path, want.scenario_path);
  EXPECT_EQ(got.scenario_text, want.scenario_text);
  EXPECT_EQ(got.resolved_scenario, want.resolved_scenario);
  EXPECT_EQ(got.overrides, want.overrides);
  EXPECT_EQ(got.seed, want.seed);
  EXPECT_EQ(got.threads, want.threads);
  EXPECT_EQ(got.start_time, want.start_time);
  EXPECT_EQ(got.calendar_start, want.calendar_start);
  EXPECT_EQ(got.step_unit, want.step_unit);
  EXPECT_EQ(got.steps_planned, want.steps_planned);
  EXPECT_TRUE(same_bits(got.cell_km, want.cell_km));
  EXPECT_EQ(r.status(), RunStatus::finished);
  EXPECT_EQ(r.wall_seconds(), 12.5);
}

TEST(IoRoundTrip, SpecsComeBackInDeclarationOrder) {
  const ResultReader r(write_sample("roundtrip_specs", 2, 12));
  const ResultLayout layout = sample_layout();
  // Declaration order, not alphabetical: groups track link creation order.
  EXPECT_EQ(r.observable_names(), (std::vector<std::string>{"population", "employment_share", "mean_rent"}));
  for (const auto& want : layout.observables) {
    const SeriesInfo info = r.observable_info(want.name);
    EXPECT_EQ(info.spec.unit, want.unit);
    EXPECT_EQ(info.spec.description, want.description);
    EXPECT_EQ(info.spec.breakdown, want.breakdown);
    EXPECT_EQ(info.spec.labels, want.labels);
    EXPECT_EQ(info.spec.better, want.better) << want.name;  // absent attribute: neither
    EXPECT_EQ(info.rows, 2);
  }
  EXPECT_EQ(r.lever_names(), (std::vector<std::string>{"hukou.openness", "housing.subsidy"}));
  ASSERT_EQ(r.maps().size(), 2u);
  EXPECT_EQ(r.maps()[1].name, "rent");
  EXPECT_EQ(r.maps()[0].unit, "persons/km2");
  EXPECT_EQ(r.maps()[0].description, "population density");
  EXPECT_EQ(r.maps()[0].better, Better::neither);
  EXPECT_EQ(r.maps()[1].better, Better::lower);
  EXPECT_EQ(r.map_width(), 4);
  EXPECT_EQ(r.map_height(), 3);
  const auto entities = r.entity_series();
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[1].group, "courts");
  EXPECT_EQ(entities[1].name, "backlog");
  EXPECT_EQ(entities[1].unit, "cases");
  EXPECT_EQ(entities[1].entity_names, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.event_table_names(), std::vector<std::string>{"incidents"});
  const EventTable events = r.read_events("incidents");
  EXPECT_EQ(events.spec.description, "public-order incidents");
  ASSERT_EQ(events.spec.columns.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& want = layout.event_tables[0].columns[i];
    EXPECT_EQ(events.spec.columns[i].name, want.name);
    EXPECT_EQ(events.spec.columns[i].type, want.type);
    EXPECT_EQ(events.spec.columns[i].unit, want.unit);
    EXPECT_EQ(events.spec.columns[i].description, want.description);
  }
}

TEST(IoRoundTrip, EveryKindOfDataIsBitExact) {
  const ResultReader r(write_sample("roundtrip_values", 37, 12));
  expect_sample_contents(r, 37);
}

// Step counts below, at, just over and at twice flush_every, plus none at all.
TEST(IoRoundTrip, FlushBoundaries) {
  for (const std::int64_t steps : {0, 1, 9, 10, 11, 20, 23}) {
    SCOPED_TRACE("steps = " + std::to_string(steps));
    const ResultReader r(write_sample("roundtrip_flush_" + std::to_string(steps), steps, 10));
    expect_sample_contents(r, steps);
  }
}

TEST(IoRoundTrip, FlushEveryStepAndNoCompression) {
  const ResultReader r(write_sample("roundtrip_flush1_nocomp", 13, 1, 0));
  expect_sample_contents(r, 13);
}

TEST(IoRoundTrip, ReadObservableSlices) {
  const ResultReader r(write_sample("roundtrip_slices", 30, 7));
  const auto rows = r.read_observable("employment_share", 5, 4);  // 4 rows x 3 labels
  ASSERT_EQ(rows.size(), 12u);
  for (std::int64_t k = 0; k < 4; ++k)
    for (std::size_t c = 0; c < 3; ++c)
      EXPECT_TRUE(same_bits(rows[k * 3 + c], test::observable_value(5 + k, 1 + c)));
  EXPECT_EQ(r.read_observable("population", 30).size(), 0u);   // empty tail
  EXPECT_EQ(r.read_observable("population", 25).size(), 5u);   // to the end
  EXPECT_THROW(r.read_observable("population", 28, 5), std::out_of_range);
  EXPECT_THROW(r.read_observable("population", -1), std::out_of_range);
  EXPECT_THROW(r.read_observable("no_such_series"), std::out_of_range);
  EXPECT_THROW(r.read_map("density", 6), std::out_of_range);
}

TEST(IoRoundTrip, ExplicitFlushBetweenStepAndEntityRows) {
  // An entity row that arrives after flush() already wrote its step lands in that step's row.
  const std::string path = test::temp_path("roundtrip_late_entity_row");
  {
    ResultWriter w(path, sample_layout(), test::sample_metadata(), {4, 4});
    const Calendar cal = test::sample_calendar();
    const std::vector<double> obs(5, 1.0), levers(2, 2.0);
    w.append_step(0, cal.decimal_year_of(0), cal.date_of(0), obs, levers);
    w.flush();
    const double row[2] = {7.0, 8.0};
    w.append_entity_row(0, row);
    w.finish(RunStatus::interrupted, 1.0);
  }
  const ResultReader r(path);
  EXPECT_EQ(r.status(), RunStatus::interrupted);
  EXPECT_EQ(r.read_entity_series("outlets", "queue_length"), (std::vector<double>{7.0, 8.0}));
}

TEST(IoRoundTrip, StatusNames) {
  EXPECT_EQ(to_string(RunStatus::running), "running");
  EXPECT_EQ(to_string(RunStatus::finished), "finished");
  EXPECT_EQ(to_string(RunStatus::interrupted), "interrupted");
  EXPECT_EQ(to_string(RunStatus::failed), "failed");
}

}  // namespace
}  // namespace zhili
