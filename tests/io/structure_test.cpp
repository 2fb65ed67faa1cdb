// The file itself, inspected with the HDF5 C API: root attributes, units and
// descriptions everywhere, filters, chunking, hard links, file format.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <map>
#include <string>
#include <vector>

#include "io/result_writer.hpp"
#include "sample_run.hpp"

namespace zhili {
namespace {

std::string write_sample(const std::string& name, int compression) {
  const std::string path = test::temp_path(name);
  ResultWriter w(path, test::sample_layout(), test::sample_metadata(), {10, compression});
  test::write_steps(w, 0, 15);
  w.finish(RunStatus::finished, 1.0);
  return path;
}

// Minimal RAII for the test's own HDF5 calls.
struct Id {
  hid_t id;
  herr_t (*close)(hid_t);
  ~Id() {
    if (id >= 0) close(id);
  }
};

std::string string_attr(hid_t obj, const char* name) {
  Id attr{H5Aopen(obj, name, H5P_DEFAULT), H5Aclose};
  Id type{H5Aget_type(attr.id), H5Tclose};
  char* p = nullptr;
  EXPECT_GT(H5Tis_variable_str(type.id), 0) << name;
  if (H5Aread(attr.id, type.id, &p) < 0) return "<unreadable>";
  std::string s = p;
  H5free_memory(p);
  return s;
}

struct Visit {
  std::vector<std::string> datasets;
  std::vector<std::string> missing;  // "path: attr"
};

herr_t visit_object(hid_t root, const char* name, const H5O_info_t* info, void* data) {
  auto* v = static_cast<Visit*>(data);
  if (info->type != H5O_TYPE_DATASET) return 0;
  v->datasets.emplace_back(name);
  for (const char* attr : {"unit", "description"})
    if (H5Aexists_by_name(root, name, attr, H5P_DEFAULT) <= 0) v->missing.push_back(std::string(name) + ": " + attr);
  return 0;
}

class IoStructure : public ::testing::Test {
 protected:
  void open(int compression) {
    // One file per test: ctest -j runs the tests of this fixture in parallel.
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    path_ = write_sample("structure_" + test, compression);
    file_ = H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    ASSERT_GE(file_, 0) << "a cleanly closed file opens without SWMR";
  }
  void TearDown() override {
    if (file_ >= 0) H5Fclose(file_);
  }
  std::vector<H5Z_filter_t> filters(const char* dataset) {
    Id ds{H5Dopen2(file_, dataset, H5P_DEFAULT), H5Dclose};
    Id dcpl{H5Dget_create_plist(ds.id), H5Pclose};
    std::vector<H5Z_filter_t> out;
    for (int i = 0; i < H5Pget_nfilters(dcpl.id); ++i) {
      unsigned flags = 0;
      std::size_t n = 0;
      out.push_back(H5Pget_filter2(dcpl.id, static_cast<unsigned>(i), &flags, &n, nullptr, 0, nullptr, nullptr));
    }
    return out;
  }
  std::vector<hsize_t> chunk(const char* dataset) {
    Id ds{H5Dopen2(file_, dataset, H5P_DEFAULT), H5Dclose};
    Id dcpl{H5Dget_create_plist(ds.id), H5Pclose};
    hsize_t dims[8] = {};
    const int rank = H5Pget_chunk(dcpl.id, 8, dims);
    return {dims, dims + std::max(rank, 0)};
  }
  haddr_t address(const char* name) {
    H5O_info_t info{};
    EXPECT_GE(H5Oget_info_by_name(file_, name, &info, H5P_DEFAULT), 0) << name;
    return info.addr;
  }
  std::string path_;
  hid_t file_ = H5I_INVALID_HID;
};

TEST_F(IoStructure, RootAttributesIdentifyTheFormat) {
  open(4);
  EXPECT_EQ(string_attr(file_, "creator"), "zhili");
  EXPECT_EQ(string_attr(file_, "format"), "zhili-trajectory");
  Id attr{H5Aopen(file_, "format_version", H5P_DEFAULT), H5Aclose};
  int version = 0;
  ASSERT_GE(H5Aread(attr.id, H5T_NATIVE_INT, &version), 0);
  EXPECT_EQ(version, 1);
  // Latest format: the version 3 superblock SWMR needs.
  H5F_info2_t info{};
  ASSERT_GE(H5Fget_info2(file_, &info), 0);
  EXPECT_GE(info.super.version, 3u);
}

TEST_F(IoStructure, EveryDatasetHasUnitAndDescription) {
  open(4);
  Visit v;
  ASSERT_GE(H5Ovisit(file_, H5_INDEX_NAME, H5_ITER_INC, visit_object, &v), 0);
  // run: 3 texts + 3 scalars; timeline: 3; observables 3, levers 2, entities 2,
  // maps 2 x 3, events 1 (the step/time hard links are the timeline's datasets).
  EXPECT_EQ(v.datasets.size(), 6u + 3 + 3 + 2 + 2 + 6 + 1);
  EXPECT_TRUE(v.missing.empty()) << "first missing: " << v.missing.front();
}

TEST_F(IoStructure, ValueDatasetsAreShuffledAndDeflated) {
  open(4);
  for (const char* ds : {"/observables/population/value", "/observables/employment_share/value",
                         "/levers/hukou.openness/value", "/maps/density/value",
                         "/entities/outlets/queue_length/value", "/events/incidents", "/timeline/step"}) {
    SCOPED_TRACE(ds);
    const auto f = filters(ds);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0], H5Z_FILTER_SHUFFLE) << "shuffle runs before deflate";
    EXPECT_EQ(f[1], H5Z_FILTER_DEFLATE);
  }
}

TEST_F(IoStructure, LevelZeroMeansShuffleOnly) {
  open(0);
  EXPECT_EQ(filters("/observables/population/value"), std::vector<H5Z_filter_t>{H5Z_FILTER_SHUFFLE});
}

TEST_F(IoStructure, ChunkShapes) {
  open(4);
  EXPECT_EQ(chunk("/maps/density/value"), (std::vector<hsize_t>{1, 3, 4})) << "one snapshot per chunk";
  const auto scalar = chunk("/observables/population/value");
  ASSERT_EQ(scalar.size(), 1u);
  EXPECT_GE(scalar[0], 256u);
  EXPECT_LE(scalar[0], 4096u);
  const auto breakdown = chunk("/observables/employment_share/value");
  ASSERT_EQ(breakdown.size(), 2u);
  EXPECT_EQ(breakdown[1], 3u) << "a chunk holds whole rows";
}

TEST_F(IoStructure, StepAndTimeAreHardLinksToTheTimeline) {
  open(4);
  const haddr_t step = address("/timeline/step");
  const haddr_t time = address("/timeline/time");
  for (const char* g : {"/observables/population", "/observables/mean_rent", "/levers/hukou.openness",
                        "/entities/courts/backlog"}) {
    EXPECT_EQ(address((std::string(g) + "/step").c_str()), step) << g;
    EXPECT_EQ(address((std::string(g) + "/time").c_str()), time) << g;
  }
  // Maps have their own step/time: snapshots are not taken every step.
  EXPECT_NE(address("/maps/density/step"), step);
}

TEST_F(IoStructure, GroupAndRunAttributes) {
  open(4);
  Id g{H5Gopen2(file_, "/observables/employment_share", H5P_DEFAULT), H5Gclose};
  EXPECT_EQ(string_attr(g.id, "unit"), "1");
  EXPECT_EQ(string_attr(g.id, "breakdown"), "group");
  EXPECT_GT(H5Aexists(g.id, "labels"), 0);
  Id scalar{H5Gopen2(file_, "/observables/population", H5P_DEFAULT), H5Gclose};
  EXPECT_EQ(H5Aexists(scalar.id, "labels"), 0) << "labels only for breakdowns";
  Id status{H5Dopen2(file_, "/run/status", H5P_DEFAULT), H5Dclose};
  EXPECT_EQ(string_attr(status.id, "meaning"), "0 = running, 1 = finished, 2 = interrupted, 3 = failed");
  Id type{H5Dget_type(status.id), H5Tclose};
  EXPECT_GT(H5Tequal(type.id, H5T_STD_I32LE), 0);
  Id date{H5Dopen2(file_, "/timeline/date", H5P_DEFAULT), H5Dclose};
  Id date_type{H5Dget_type(date.id), H5Tclose};
  EXPECT_EQ(H5Tget_class(date_type.id), H5T_STRING);
  EXPECT_EQ(H5Tis_variable_str(date_type.id), 0);
  EXPECT_EQ(H5Tget_size(date_type.id), 10u);
  Id run{H5Gopen2(file_, "/run", H5P_DEFAULT), H5Gclose};
  for (const char* a : {"program_version", "git_commit", "scenario_name", "scenario_path", "seed", "threads",
                        "start_time", "calendar_start", "step_unit", "steps_planned", "cell_km"})
    EXPECT_GT(H5Aexists(run.id, a), 0) << a;
}

}  // namespace
}  // namespace zhili
