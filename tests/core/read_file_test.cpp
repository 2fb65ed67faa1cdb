// Input files are read whole, but only regular files below a limit: a device
// or FIFO would be read without end or block the open for ever.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/read_file.hpp"

namespace zhili {

namespace {
std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("zhili_read_file_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto p = dir / name;
  std::filesystem::remove(p);
  return p;
}
}  // namespace

TEST(ReadWholeFile, ReadsARegularFileAndAppends) {
  const auto p = scratch("text.yaml");
  std::ofstream(p) << "run:\n  name: x\n";
  std::string out = "#";
  EXPECT_EQ(read_whole_file(p.string(), out), "");
  EXPECT_EQ(out, "#run:\n  name: x\n");
}

TEST(ReadWholeFile, SaysWhyAMissingFileCannotBeRead) {
  std::string out;
  EXPECT_EQ(read_whole_file(scratch("missing.yaml").string(), out), "No such file or directory");
}

TEST(ReadWholeFile, RefusesDevZeroInsteadOfReadingWithoutEnd) {
  std::string out;
  EXPECT_EQ(read_whole_file("/dev/zero", out), "not a regular file (a character device)");
  EXPECT_TRUE(out.empty());
}

TEST(ReadWholeFile, RefusesAFifoWithNoWriterAtOnce) {
  const auto p = scratch("pipe");
  ASSERT_EQ(mkfifo(p.c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  std::string out;
  EXPECT_EQ(read_whole_file(p.string(), out), "not a regular file (a FIFO)");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(ReadWholeFile, RefusesADirectory) {
  std::string out;
  EXPECT_EQ(read_whole_file(std::filesystem::temp_directory_path().string(), out), "not a regular file (a directory)");
}

TEST(ReadWholeFile, RefusesAFileAboveTheLimit) {
  const auto p = scratch("big.csv");
  std::ofstream(p) << std::string(3u << 20, 'x');
  std::string out;
  EXPECT_EQ(read_whole_file(p.string(), out, std::uintmax_t{2} << 20),
            "3145728 bytes, above the limit of 2 MiB for an input file");
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(read_whole_file(p.string(), out, std::uintmax_t{4} << 20), "");
  EXPECT_EQ(out.size(), 3u << 20);
}

}  // namespace zhili
