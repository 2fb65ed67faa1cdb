// Failures become exceptions that name the file; misuse is rejected early.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <filesystem>
#include <fstream>

#include "io/result_reader.hpp"
#include "io/result_writer.hpp"
#include "sample_run.hpp"

namespace zhili {
namespace {

// Runs `f`, expecting an exception of type E whose message contains every needle.
template <class E, class F>
void expect_throw_with(F&& f, std::initializer_list<std::string> needles) {
  try {
    f();
    ADD_FAILURE() << "no exception";
  } catch (const E& e) {
    const std::string msg = e.what();
    for (const auto& n : needles) EXPECT_NE(msg.find(n), std::string::npos) << "'" << n << "' not in: " << msg;
  }
}

TEST(IoErrors, WriterCannotCreateFile) {
  const std::string path = test::temp_path("errors_dir") + ".missing/run.h5";
  expect_throw_with<std::runtime_error>(
      [&] { ResultWriter w(path, test::sample_layout(), test::sample_metadata(), {}); },
      {path, "creating the file failed"});
}

// The system's reason, without HDF5's internals (errno, flags, buffer addresses).
TEST(IoErrors, ADirectoryIsNamedAsSuchWithoutHdf5Internals) {
  const std::string dir = test::temp_path("errors_a_dir");
  std::filesystem::create_directories(dir);
  for (const bool write : {true, false}) {
    try {
      if (write)
        ResultWriter w(dir, test::sample_layout(), test::sample_metadata(), {});
      else
        ResultReader r(dir);
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      const std::string msg = e.what();
      // The writer gets the system's reason; the reader refuses before opening.
      EXPECT_NE(msg.find(write ? "Is a directory" : "not a regular file (a directory)"), std::string::npos) << msg;
      for (const char* internal : {"errno", "flags", "buf =", "file descriptor"})
        EXPECT_EQ(msg.find(internal), std::string::npos) << msg;
    }
  }
}

TEST(IoErrors, ReaderMissingFile) {
  const std::string path = test::temp_path("errors_missing");
  expect_throw_with<std::runtime_error>([&] { ResultReader r(path); }, {path, "no such file"});
}

TEST(IoErrors, ReaderTextFile) {
  const std::string path = test::temp_path("errors_text");
  std::ofstream(path) << "step,value\n0,1\n";
  expect_throw_with<std::runtime_error>([&] { ResultReader r(path); }, {path, "not a zhili result file"});
}

TEST(IoErrors, ReaderOtherHdf5File) {
  const std::string path = test::temp_path("errors_other_hdf5");
  const hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  H5Fclose(f);
  expect_throw_with<std::runtime_error>([&] { ResultReader r(path); }, {path, "not a zhili result file"});
}

TEST(IoErrors, InvalidLayoutIsRejectedBeforeTheFileIsTouched) {
  const std::string path = test::temp_path("errors_layout");
  auto with = [](auto change) {
    ResultLayout l = test::sample_layout();
    change(l);
    return l;
  };
  const ResultLayout bad[] = {
      with([](ResultLayout& l) { l.observables[1].name = "population"; }),
      with([](ResultLayout& l) { l.levers[0].name = "hukou/openness"; }),
      with([](ResultLayout& l) { l.maps[0].name = ""; }),
      with([](ResultLayout& l) { l.map_width = 0; }),
      with([](ResultLayout& l) { l.entity_series[0].entity_names.clear(); }),
      with([](ResultLayout& l) { l.event_tables[0].columns[1].name = "step"; }),
  };
  for (const auto& layout : bad) {
    EXPECT_THROW(ResultWriter(path, layout, test::sample_metadata(), {}), std::invalid_argument);
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  EXPECT_THROW(ResultWriter(path, test::sample_layout(), test::sample_metadata(), {0, 4}), std::invalid_argument);
  EXPECT_THROW(ResultWriter(path, test::sample_layout(), test::sample_metadata(), {1, 10}), std::invalid_argument);
}

TEST(IoErrors, MisuseOfTheWriter) {
  const std::string path = test::temp_path("errors_misuse");
  ResultWriter w(path, test::sample_layout(), test::sample_metadata(), {});
  const std::vector<double> obs(5, 0.0), levers(2, 0.0), short_row(4, 0.0);
  const Date d{2017, 1, 1};
  const double two[2] = {1, 2};
  EXPECT_THROW(w.append_entity_row(0, two), std::logic_error) << "no step yet";
  EXPECT_THROW(w.append_step(0, 2017.0, d, short_row, levers), std::invalid_argument);
  EXPECT_THROW(w.append_step(0, 2017.0, d, obs, short_row), std::invalid_argument);
  w.append_step(0, 2017.0, d, obs, levers);
  EXPECT_THROW(w.append_entity_row(5, two), std::out_of_range);
  EXPECT_THROW(w.append_entity_row(1, two), std::invalid_argument) << "courts have 3 entities";
  EXPECT_THROW(w.append_map(0, 0, 2017.0, std::vector<float>(11)), std::invalid_argument);
  EXPECT_THROW(w.append_map(2, 0, 2017.0, std::vector<float>(12)), std::out_of_range);
  EXPECT_THROW(w.append_event(0, two), std::invalid_argument);
  w.finish(RunStatus::finished, 0.0);
  EXPECT_THROW(w.append_step(1, 2017.1, d, obs, levers), std::logic_error);
  EXPECT_NO_THROW(w.finish(RunStatus::failed, 0.0)) << "a second finish is a no-op";
  EXPECT_EQ(ResultReader(path).status(), RunStatus::finished);
}

}  // namespace
}  // namespace zhili
