// Files that are not what they should be: special files given as inputs, and
// result files with damaged bytes. Each ends in a clear exit (2 for inputs, 3
// for result files) within seconds: never a signal, a hang or all of memory.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/result_reader.hpp"
#include "subprocess.hpp"

namespace zhili {

namespace {
const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";
const std::string kRaster = std::string(ZHILI_SOURCE_DIR) + "/scenarios/raster-district.yaml";
const std::filesystem::path kDir = std::filesystem::path(ZHILI_BINARY_DIR) / "bad_files";

// AddressSanitizer reserves terabytes of address space for its shadow: a
// build with it cannot run under an address-space limit.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

// zhili ARGS with 2 GB of address space (not under ASan) and 30 s: an
// unbounded read or a hang fails the test instead of the machine.
testing::ProcessResult run_bounded(const std::string& args) {
  const std::string limit = kAddressSanitizer ? "" : "ulimit -v 2000000; ";
  return testing::run_program({"/bin/bash", "-c", limit + "exec timeout 30 '" ZHILI_EXE "' " + args});
}

std::string fifo() {
  std::filesystem::create_directories(kDir);
  const auto p = kDir / "pipe";
  std::filesystem::remove(p);
  mkfifo(p.c_str(), 0600);
  return p.string();
}

std::string bytes_of(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

// A result file of the small city, 12 steps.
const std::string& sound_file() {
  static const std::string path = [] {
    std::filesystem::create_directories(kDir);
    const std::string p = (kDir / "sound.h5").string();
    const auto r = testing::run_zhili({"run", kSmall, "-o", p, "-q", "--steps", "12"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return p;
  }();
  return path;
}

// A copy of the sound file with `damage` applied to its bytes.
template <class Damage>
std::string damaged_copy(const std::string& name, Damage damage) {
  std::string b = bytes_of(sound_file());
  damage(b);
  const std::string p = (kDir / name).string();
  std::ofstream(p, std::ios::binary) << b;
  return p;
}
}  // namespace

TEST(SpecialInputFiles, ValidateRefusesDevZeroAndAFifoWithExit2) {
  for (const std::string& path : {std::string("/dev/zero"), fifo()}) {
    const auto r = run_bounded("validate " + path);
    EXPECT_EQ(r.exit_code, 2) << path << ": " << r.err;  // 1 (bad_alloc) and 124 (a hang) before
    EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
  }
}

TEST(SpecialInputFiles, ARasterMapOnDevZeroOrAFifoIsRefusedWithItsKey) {
  for (const std::string& path : {std::string("/dev/zero"), fifo()}) {
    const auto r = run_bounded("validate " + kRaster + " --set world.raster.path=" + path);
    EXPECT_EQ(r.exit_code, 2) << path << ": " << r.err;
    EXPECT_NE(r.err.find("world.raster.path: cannot read file: not a regular file"), std::string::npos) << r.err;
  }
}

TEST(SpecialInputFiles, InfoRefusesAFifoWithExit3) {
  const auto r = run_bounded("info " + fifo());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
}

TEST(DamagedResultFiles, ABrokenStringHeapIsRefusedNotACrash) {
  // The first string object of each global heap but the first (which holds
  // the root's attributes, whose loss gives "not a zhili result file") claims
  // to be 2 GB long: HDF5 1.10 copies that many bytes and dies (SIGSEGV).
  const std::string p = damaged_copy("heap.h5", [](std::string& b) {
    for (auto at = b.find("GCOL", b.find("GCOL") + 4); at != std::string::npos; at = b.find("GCOL", at + 4))
      b.replace(at + 24, 8, std::string("\xff\xff\xff\x7f\0\0\0\0", 8));
  });
  const auto r = run_bounded("info " + p);
  EXPECT_EQ(r.exit_code, 3) << r.err;  // 139 before
  EXPECT_NE(r.err.find(p), std::string::npos) << r.err;
  EXPECT_THROW((ResultReader{p, OpenCheck::in_child_process}), std::runtime_error);  // this process survives
}

TEST(DamagedResultFiles, ABadChecksumEndsInSecondsNotHours) {
  // One byte of the /run group's object header: its checksum fails, and HDF5's
  // SWMR retries slept 1, 2, 4, ... ns up to 100 times.
  const std::string p = damaged_copy("checksum.h5", [](std::string& b) {
    const auto first = b.find("OHDR");
    const auto second = b.find("OHDR", first + 4);
    b[second + 12] = static_cast<char>(b[second + 12] ^ 0xff);
  });
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_bounded("info " + p);
  EXPECT_EQ(r.exit_code, 3) << r.err;  // 124 (killed at 30 s) before
  EXPECT_NE(r.err.find("checksum"), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(OversizedScenarios, AMapTooLargeForTheMemoryIsRefusedBeforeWork) {
  // A valid 10000 x 10000 map under a 2 GB limit: std::bad_alloc after
  // gigabytes (exit 1) before; now exit 2 with the estimate, at once.
  if (kAddressSanitizer) GTEST_SKIP() << "needs ulimit -v, which AddressSanitizer cannot run under";
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_bounded("validate " + kSmall + " --set world.width=10000 --set world.height=10000");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("world.width: too large for this machine"), std::string::npos) << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace zhili
