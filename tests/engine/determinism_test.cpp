// The same scenario and seed give bit-identical output for 1, 2 and 8 threads:
// every dataset of the result file is compared byte for byte, except the run
// provenance that legitimately differs (thread count, start time, wall time).
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "engine/runner.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

using Datasets = std::map<std::string, std::vector<unsigned char>>;

herr_t collect(hid_t root, const char* name, const H5O_info_t* info, void* out) {
  if (info->type != H5O_TYPE_DATASET) return 0;
  const std::string path = name;
  if (path.rfind("run/", 0) == 0) return 0;  // provenance: threads, times
  const hid_t ds = H5Dopen2(root, name, H5P_DEFAULT);
  const hid_t ftype = H5Dget_type(ds);
  const hid_t mtype = H5Tget_native_type(ftype, H5T_DIR_ASCEND);
  const hid_t space = H5Dget_space(ds);
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
  std::vector<unsigned char> bytes(n * H5Tget_size(mtype));
  if (n > 0) H5Dread(ds, mtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
  (*static_cast<Datasets*>(out))[path] = std::move(bytes);
  H5Sclose(space);
  H5Tclose(mtype);
  H5Tclose(ftype);
  H5Dclose(ds);
  return 0;
}

Datasets read_all(const std::string& path) {
  Datasets out;
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  EXPECT_GE(f, 0) << path;
  H5Ovisit(f, H5_INDEX_NAME, H5_ITER_NATIVE, collect, &out);
  H5Fclose(f);
  return out;
}

// `tag` keeps the files of tests that ctest may run at the same time apart.
std::string run_with_threads(int threads, const std::string& tag) {
  const std::string out =
      std::string(ZHILI_BINARY_DIR) + "/determinism_" + tag + "_t" + std::to_string(threads) + ".h5";
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                                   {"run.threads=" + std::to_string(threads)});
  const RunOutcome r = run_scenario(s, RunRequest{out, nullptr, {}});
  EXPECT_EQ(r.status, RunStatus::finished);
  return out;
}

}  // namespace

TEST(Determinism, IdenticalFilesFor1And2And8Threads) {
  const Datasets one = read_all(run_with_threads(1, "identical"));
  ASSERT_GT(one.size(), 20u);  // observables, levers, maps, timeline
  ASSERT_TRUE(one.count("observables/moves/value"));
  ASSERT_TRUE(one.count("maps/migrant_share/value"));
  for (int t : {2, 8}) {
    const Datasets other = read_all(run_with_threads(t, "identical"));
    ASSERT_EQ(one.size(), other.size()) << t << " threads";
    for (const auto& [name, bytes] : one) {
      ASSERT_TRUE(other.count(name)) << name;
      EXPECT_TRUE(bytes == other.at(name)) << name << " differs with " << t << " threads";
    }
  }
  // The test could fail: the model really moves people and uses its random streams.
  const auto& moves = one.at("observables/moves/value");
  std::vector<double> v(moves.size() / sizeof(double));
  std::memcpy(v.data(), moves.data(), moves.size());
  double total = 0;
  for (double x : v) total += x;
  EXPECT_GT(total, 0.0);
}

TEST(Determinism, GrievanceDisputesAndConflictIdenticalFor1And2Threads) {
  // Every submodel on, the grievance ones included, with a low incident
  // threshold so that incidents happen; the event table is compared too.
  const std::vector<std::string> all_on{"run.steps=24", "economy.enabled=true", "services.enabled=true",
                                        "grievance.enabled=true", "disputes.enabled=true",
                                        "conflict.enabled=true", "conflict.threshold=0.02",
                                        "conflict.incident_threshold=20"};
  std::vector<Datasets> files;
  for (int t : {1, 2}) {
    auto overrides = all_on;
    overrides.push_back("run.threads=" + std::to_string(t));
    const std::string out = std::string(ZHILI_BINARY_DIR) + "/determinism_social_t" + std::to_string(t) + ".h5";
    const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml", overrides);
    ASSERT_EQ(run_scenario(s, RunRequest{out, nullptr, {}}).status, RunStatus::finished);
    files.push_back(read_all(out));
  }
  ASSERT_TRUE(files[0].count("observables/active/value"));
  ASSERT_TRUE(files[0].count("observables/disputes_filed/value"));
  ASSERT_TRUE(files[0].count("events/incidents"));
  EXPECT_FALSE(files[0].at("events/incidents").empty());  // incidents did happen
  ASSERT_EQ(files[0].size(), files[1].size());
  for (const auto& [name, bytes] : files[0]) {
    ASSERT_TRUE(files[1].count(name)) << name;
    EXPECT_TRUE(bytes == files[1].at(name)) << name << " differs with 2 threads";
  }
}

TEST(Determinism, DifferentSeedsGiveDifferentRuns) {
  const std::string a = run_with_threads(2, "seeds");
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml",
                                   {"run.threads=2", "run.seed=8"});
  const std::string b = std::string(ZHILI_BINARY_DIR) + "/determinism_seed8.h5";
  run_scenario(s, RunRequest{b, nullptr, {}});
  EXPECT_FALSE(read_all(a).at("observables/moves/value") == read_all(b).at("observables/moves/value"));
}

}  // namespace zhili
