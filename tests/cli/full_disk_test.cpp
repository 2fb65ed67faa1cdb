// A disk that fills up: the run stops with exit 3 and a message naming the
// file, never a signal; a file that could not even be laid out is removed,
// one that filled up mid-run stays readable up to its last whole flush and is
// marked failed. The disk is "full" through the file-size limit (ulimit -f,
// with SIGXFSZ ignored), so writes fail with EFBIG as they would with ENOSPC,
// without root or a small file system.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "io/result_reader.hpp"
#include "subprocess.hpp"

namespace zhili {

namespace {
const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";

// Runs `zhili run kSmall -o out ARGS` with files limited to `kib` KiB.
testing::ProcessResult run_with_file_limit(int kib, const std::string& out, const std::string& args) {
  std::filesystem::remove(out);
  const std::string script = "trap '' XFSZ; ulimit -f " + std::to_string(kib) + "; exec '" ZHILI_EXE "' run '" +
                             kSmall + "' -o '" + out + "' -q " + args;
  return testing::run_program({"/bin/bash", "-c", script});
}
}  // namespace

TEST(FullDisk, AFileThatCannotBeLaidOutIsRemovedWithExit3) {
  const std::string out = std::string(ZHILI_BINARY_DIR) + "/full_disk_early.h5";
  const auto r = run_with_file_limit(4, out, "");
  EXPECT_EQ(r.exit_code, 3) << r.err;  // 139 (SIGSEGV in HDF5's exit handler) before
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(FullDisk, AFileCutShortMidRunEndsInExit3AndAClearRefusalToRead) {
  // The size limit cuts the file below the end HDF5 recorded for it (a real
  // full disk does not: the next test), so no reader can open what is left;
  // the run and the reader must still both end with a reason.
  const std::string out = std::string(ZHILI_BINARY_DIR) + "/full_disk_late.h5";
  const auto r = run_with_file_limit(256, out, "--steps 90000 --set output.flush_every=4");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
  const auto info = testing::run_zhili({"info", out});
  EXPECT_EQ(info.exit_code, 3) << info.err;
  EXPECT_NE(info.err.find("truncated"), std::string::npos) << info.err;
}

TEST(FullDisk, AFileSystemThatFillsUpMidRunLeavesAReadableFailedFile) {
  // A real full disk: a small tmpfs, which needs root (skipped otherwise).
  const std::filesystem::path dir = std::filesystem::path(ZHILI_BINARY_DIR) / "full_disk_tmpfs";
  std::filesystem::create_directories(dir);
  if (geteuid() != 0 ||
      testing::run_program({"/bin/mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir.string()}).exit_code != 0)
    GTEST_SKIP() << "mounting a small tmpfs needs root";
  const std::string out = (dir / "r.h5").string();
  const auto r = testing::run_zhili({"run", kSmall, "-o", out, "-q", "--steps", "90000", "--set",
                                     "output.flush_every=4"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  {
    const ResultReader reader(out);
    EXPECT_GT(reader.steps_done(), 0);
    EXPECT_EQ(reader.steps_done() % 4, 0);  // whole flushes only
    EXPECT_EQ(static_cast<std::int64_t>(reader.steps().size()), reader.steps_done());
    for (const auto& name : reader.observable_names())
      EXPECT_EQ(reader.observable_info(name).rows, reader.steps_done()) << name;
    EXPECT_EQ(reader.status(), RunStatus::failed);
  }
  testing::run_program({"/bin/umount", dir.string()});
}

}  // namespace zhili
