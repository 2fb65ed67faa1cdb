// Checkpoints (engine/checkpoint.hpp): a run continued from its own
// checkpoint is bit-identical to the uninterrupted run from that step on,
// whatever the thread counts of the two; a variant continues with its own
// levers; a scenario that does not fit, and a damaged file, are refused.
#include "engine/checkpoint.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/runner.hpp"
#include "io/result_reader.hpp"
#include "io/result_years.hpp"
#include "scenario/load.hpp"

namespace zhili {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kSteps = 30, kAt = 13;  // the checkpoint: before step 13 (2016-02)

std::string dir() {
  const auto d = fs::path(ZHILI_BINARY_DIR) / "checkpoint_test";
  fs::create_directories(d);
  return d.string();
}

// The default district, every submodel on, for 30 months.
Scenario district(int threads, std::vector<std::string> more = {}) {
  std::vector<std::string> o{"run.steps=" + std::to_string(kSteps), "run.threads=" + std::to_string(threads),
                             "output.map_every=6"};
  o.insert(o.end(), more.begin(), more.end());
  return load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml", o);
}

RunOutcome run(const Scenario& s, const std::string& out, std::vector<std::int64_t> checkpoints = {},
               const Checkpoint* resume = nullptr) {
  RunRequest req{out, nullptr, {}};
  req.checkpoint_steps = std::move(checkpoints);
  req.resume = resume;
  return run_scenario(s, req);
}

// Every observable, map snapshot, outlet series and event row of `cont`
// equals `full`'s at the same step; `cont` starts at step `from`.
void expect_continues(const std::string& full_path, const std::string& cont_path, std::int64_t from) {
  const ResultReader full(full_path), cont(cont_path);
  ASSERT_EQ(cont.metadata().first_step, from);
  EXPECT_EQ(cont.metadata().branch_step, kAt);
  ASSERT_EQ(cont.steps_done(), kSteps - from);
  EXPECT_EQ(cont.steps().front(), from);
  for (const auto& name : full.observable_names()) {
    const auto a = full.read_observable(name, from, kSteps - from);
    const auto b = cont.read_observable(name);
    ASSERT_EQ(a.size(), b.size()) << name;
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0) << name;
  }
  for (const auto& m : full.maps()) {
    const auto steps_full = full.map_steps(m.name), steps_cont = cont.map_steps(m.name);
    ASSERT_FALSE(steps_cont.empty()) << m.name;
    for (std::size_t j = 0; j < steps_cont.size(); ++j) {
      const auto at = std::find(steps_full.begin(), steps_full.end(), steps_cont[j]);
      ASSERT_NE(at, steps_full.end()) << m.name;
      const auto a = full.read_map(m.name, at - steps_full.begin());
      const auto b = cont.read_map(m.name, static_cast<std::int64_t>(j));
      ASSERT_EQ(a.size(), b.size()) << m.name;
      EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0)  // NaN cells too
          << m.name << " at step " << steps_cont[j];
    }
  }
  for (const auto& e : full.entity_series()) {
    const auto a = full.read_entity_series(e.group, e.name), b = cont.read_entity_series(e.group, e.name);
    const std::size_t width = e.entity_names.size();
    ASSERT_EQ(b.size(), (kSteps - from) * width) << e.name;
    EXPECT_EQ(std::memcmp(a.data() + from * width, b.data(), b.size() * sizeof(double)), 0) << e.name;
  }
  for (const auto& t : full.event_table_names()) {
    const auto a = full.read_events(t), b = cont.read_events(t);
    ASSERT_EQ(a.columns.size(), b.columns.size()) << t;
    const std::size_t rows_a = a.columns.at(0).size(), rows_b = b.columns.at(0).size();
    ASSERT_LE(rows_b, rows_a) << t;
    ASSERT_GT(rows_b, 0u) << t;  // incidents end after the checkpoint too
    // The continued run writes the rows the full run wrote from that step on.
    const std::size_t skip = rows_a - rows_b;
    for (std::size_t c = 0; c < a.columns.size(); ++c)
      for (std::size_t r = 0; r < rows_b; ++r)
        EXPECT_EQ(std::memcmp(&a.columns[c][skip + r], &b.columns[c][r], sizeof(double)), 0)
            << t << " column " << c << " row " << r;
  }
}

TEST(Checkpoint, AContinuedRunIsBitIdenticalForAnyThreadCounts) {
  const std::string d = dir();
  const Scenario two = district(2), one = district(1);
  run(two, d + "/full.h5");
  const auto saved = run(two, d + "/part.h5", {kAt});
  ASSERT_EQ(saved.checkpoints.size(), 1u);
  EXPECT_EQ(saved.checkpoints[0], d + "/part.2016-02-01.ckpt");
  const Checkpoint c = read_checkpoint(saved.checkpoints[0]);
  EXPECT_EQ(c.step, kAt);
  EXPECT_EQ(c.date, "2016-02-01");
  // Saved on two threads, continued on one and on two: the branch's file
  // starts with part.h5's rows before the checkpoint, so it is the whole run.
  const auto cont1 = run(one, d + "/cont1.h5", {}, &c);
  EXPECT_EQ(cont1.first_step, kAt);
  EXPECT_EQ(cont1.note, "");
  expect_continues(d + "/full.h5", d + "/cont1.h5", 0);
  run(two, d + "/cont2.h5", {}, &c);
  expect_continues(d + "/full.h5", d + "/cont2.h5", 0);
  // Without the run file the branch's file starts at the checkpoint.
  fs::rename(d + "/part.h5", d + "/part-moved.h5");
  const auto alone = run(one, d + "/cont3.h5", {}, &c);
  EXPECT_NE(alone.note, "");
  expect_continues(d + "/full.h5", d + "/cont3.h5", kAt);
  // Its first year begins in February: not a whole year, though later rows exist.
  EXPECT_FALSE(rows_of_year(ResultReader(d + "/cont3.h5"), 2016)->whole);
  EXPECT_TRUE(rows_of_year(ResultReader(d + "/full.h5"), 2016)->whole);
  // Nor with another run written to its path since: its years are not the checkpoint's.
  run(district(2, {"policy.conflict.police=30"}), d + "/part.h5");
  const auto other = run(one, d + "/cont4.h5", {}, &c);
  EXPECT_NE(other.note.find("another run"), std::string::npos) << other.note;
  expect_continues(d + "/full.h5", d + "/cont4.h5", kAt);
  fs::rename(d + "/part-moved.h5", d + "/part.h5");
  // The run that wrote the checkpoint went on unchanged.
  const ResultReader full(d + "/full.h5"), part(d + "/part.h5");
  const auto g_full = full.read_observable("gini"), g_part = part.read_observable("gini");
  EXPECT_EQ(std::memcmp(g_full.data(), g_part.data(), g_full.size() * sizeof(double)), 0);
}

// A branch from the checkpoint differs from the run it branched from only
// from the branch on: every row before it is the same, bit for bit.
TEST(Checkpoint, ABranchDiffersOnlyAfterTheBranchPoint) {
  const std::string d = dir();
  const Scenario base = district(2);
  const auto saved = run(base, d + "/vbase.h5", {kAt});
  const Checkpoint c = read_checkpoint(saved.checkpoints[0]);
  const Scenario more_police = district(2, {"policy.conflict.police=40"});
  run(more_police, d + "/vpolice.h5", {}, &c);
  const ResultReader b(d + "/vbase.h5"), v(d + "/vpolice.h5");
  ASSERT_EQ(v.steps_done(), kSteps);
  const auto police_b = b.read_lever("conflict.police"), police_v = v.read_lever("conflict.police");
  EXPECT_EQ(police_v[kAt - 1], 10.0);  // the base's, copied
  EXPECT_EQ(police_v[kAt], 40.0);      // the variant's, from the branch on
  int same_before = 0, differ_after = 0;
  for (const auto& name : b.observable_names()) {
    const auto x = b.read_observable(name), y = v.read_observable(name);
    const std::size_t w = x.size() / kSteps;
    same_before += std::memcmp(x.data(), y.data(), kAt * w * sizeof(double)) == 0;
    differ_after += std::memcmp(x.data() + kAt * w, y.data() + kAt * w, (kSteps - kAt) * w * sizeof(double)) != 0;
  }
  EXPECT_EQ(same_before, static_cast<int>(b.observable_names().size()));
  EXPECT_GT(differ_after, 10);  // officers, budget, actives, incidents, ...
  const auto officers_b = b.read_observable("officers", kAt, 1), officers_v = v.read_observable("officers", kAt, 1);
  EXPECT_GT(officers_v[0], 2.0 * officers_b[0]);
}

TEST(Checkpoint, AScenarioThatDoesNotFitIsRefused) {
  const std::string d = dir();
  const auto saved = run(district(2), d + "/fit.h5", {kAt});
  const Checkpoint c = read_checkpoint(saved.checkpoints[0]);
  try {
    run(district(2, {"run.seed=99", "world.generator.urban_village_share=0.5"}), d + "/unfit.h5", {}, &c);
    FAIL() << "a scenario of another seed and map continued the checkpoint";
  } catch (const CheckpointError& e) {
    const std::string why = e.what();
    EXPECT_NE(why.find("run.seed: the checkpoint has"), std::string::npos) << why;
    EXPECT_NE(why.find("map:"), std::string::npos) << why;
  }
}

TEST(Checkpoint, ADamagedFileIsRefused) {
  const std::string d = dir();
  const auto saved = run(district(2, {"run.steps=3"}), d + "/damaged.h5", {2});
  const std::string path = saved.checkpoints.at(0);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes[bytes.size() / 2] ^= 0x40;
  std::ofstream(path, std::ios::binary) << bytes;
  EXPECT_THROW(read_checkpoint(path), CheckpointError);
  std::ofstream(d + "/not.ckpt") << "hello";
  EXPECT_THROW(read_checkpoint(d + "/not.ckpt"), CheckpointError);
  bytes.resize(bytes.size() / 3);
  std::ofstream(path, std::ios::binary) << bytes;
  EXPECT_THROW(read_checkpoint(path), CheckpointError);
}

}  // namespace
}  // namespace zhili
