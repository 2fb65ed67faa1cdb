// `mpirun -np 3 zhili sweep`: runs spread over ranks write the summary of a
// single process to the byte, and a second start resumes. Skipped, saying
// so, only where mpirun is not installed.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "subprocess.hpp"
#include "sweep_fixture.hpp"

namespace zhili {

using namespace zhili::testing;
namespace fs = std::filesystem;

namespace {

// The launcher CMake found, else mpirun on PATH, else "".
std::string find_mpirun() {
  const std::string configured = ZHILI_MPIEXEC;
  if (!configured.empty() && access(configured.c_str(), X_OK) == 0) return configured;
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "");
  for (std::string d; std::getline(ss, d, ':');)
    if (!d.empty() && access((d + "/mpirun").c_str(), X_OK) == 0) return d + "/mpirun";
  return "";
}

ProcessResult mpirun(const std::string& launcher, int ranks, const std::vector<std::string>& args) {
  // --oversubscribe: more ranks than cores; --allow-run-as-root: test machines often run as root.
  std::vector<std::string> argv{launcher, "--oversubscribe", "--allow-run-as-root", "-np", std::to_string(ranks),
                                ZHILI_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv);
}

}  // namespace

TEST(SweepMpi, ThreeRanksWriteTheSingleProcessSummary) {
  const std::string launcher = find_mpirun();
  if (launcher.empty()) GTEST_SKIP() << "mpirun not found (Debian: openmpi-bin); the MPI sweep is not tested";
  const auto dir = fresh_dir("mpi");
  const auto sweep = write_small_sweep(dir, 6, 4);  // 8 runs
  if (!ZHILI_WITH_MPI) {  // a build without MPI must refuse, not run three sweeps into one folder
    const auto r = mpirun(launcher, 3, {"sweep", sweep, "-o", dir + "/mpi"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("built without MPI"), std::string::npos) << r.err;
    return;
  }
  const auto single = run_zhili({"sweep", sweep, "-o", dir + "/single", "--jobs", "1"});
  ASSERT_EQ(single.exit_code, 0) << single.err;

  const auto r = mpirun(launcher, 3, {"sweep", sweep, "-o", dir + "/mpi"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("Sweep '"), r.out.rfind("Sweep '")) << "only rank 0 reports: " << r.out;
  EXPECT_NE(r.out.find("8 run now, 0 already complete, 0 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("on 3 MPI ranks"), std::string::npos) << r.out;
  EXPECT_EQ(read_file(dir + "/single/summary.csv"), read_file(dir + "/mpi/summary.csv"));
  EXPECT_EQ(read_file(dir + "/single/manifest.csv"), read_file(dir + "/mpi/manifest.csv"));

  // Resumed under MPI: only the missing run is redone, the summary is the same.
  fs::remove(dir + "/mpi/runs/run-00005.h5");
  fs::remove(dir + "/mpi/summary.csv");
  const auto again = mpirun(launcher, 3, {"sweep", sweep, "-o", dir + "/mpi"});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("1 run now, 7 already complete"), std::string::npos) << again.out;
  EXPECT_EQ(read_file(dir + "/single/summary.csv"), read_file(dir + "/mpi/summary.csv"));
}

}  // namespace zhili
