// DIR/summary.h5 holds summary.csv's rows: read back with the HDF5 C API,
// column by column, types as documented (sim/sweep/summary_h5.hpp).
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sweep/summary_h5.hpp"

namespace zhili::sweep {

namespace {

std::string attr_string(hid_t obj, const char* name, std::size_t index = 0) {
  const hid_t attr = H5Aopen(obj, name, H5P_DEFAULT);
  const hid_t space = H5Aget_space(attr);
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);  // as written: HDF5 does not convert between character sets
  std::vector<char*> v(n);
  H5Aread(attr, type, v.data());
  std::string out = index < n ? v[index] : "";
  H5Dvlen_reclaim(type, space, H5P_DEFAULT, v.data());
  H5Tclose(type);
  H5Sclose(space);
  H5Aclose(attr);
  return out;
}

H5T_class_t type_class(hid_t file, const std::string& name) {
  const hid_t ds = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
  const hid_t t = H5Dget_type(ds);
  const H5T_class_t c = H5Tget_class(t);
  H5Tclose(t);
  H5Dclose(ds);
  return c;
}

template <class T>
std::vector<T> read_numbers(hid_t file, const std::string& name, hid_t mem_type, std::size_t n) {
  std::vector<T> v(n);
  const hid_t ds = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
  EXPECT_GE(H5Dread(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), 0) << name;
  H5Dclose(ds);
  return v;
}

std::vector<std::string> read_strings(hid_t file, const std::string& name, std::size_t n) {
  const hid_t ds = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);  // as written: HDF5 does not convert between character sets
  const hid_t space = H5Dget_space(ds);
  std::vector<char*> v(n);
  H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
  std::vector<std::string> out(v.begin(), v.end());
  H5Dvlen_reclaim(type, space, H5P_DEFAULT, v.data());
  H5Sclose(space);
  H5Tclose(type);
  H5Dclose(ds);
  return out;
}

}  // namespace

TEST(SummaryH5, RoundTripsEveryColumn) {
  const std::string csv =
      "run,point,replicate,seed,policy.name,migration.inflow_rate,coverage_by_group/migrant:mean,odd%name:final\n"
      "0,0,0,4611686018427387903,\"open, fast\",0.05,0.25,1\n"
      "1,0,1,17,\"open, fast\",0.05,NaN,2.5\n"
      "2,1,0,99,closed,1e-3,0.123456789012,-3\n";
  const auto path = (std::filesystem::temp_directory_path() / "zhili_summary_h5_test.h5").string();
  write_summary_h5(path, csv);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  EXPECT_EQ(attr_string(f, "format"), "zhili-sweep-summary 1");
  EXPECT_EQ(attr_string(f, "columns", 0), "run");
  EXPECT_EQ(attr_string(f, "columns", 6), "coverage_by_group/migrant:mean");
  EXPECT_EQ(summary_h5_dataset_name("coverage_by_group/migrant:mean"), "coverage_by_group%2Fmigrant:mean");
  EXPECT_EQ(summary_h5_dataset_name("odd%name:final"), "odd%25name:final");

  EXPECT_EQ(type_class(f, "seed"), H5T_INTEGER);
  EXPECT_EQ(read_numbers<std::int64_t>(f, "seed", H5T_NATIVE_INT64, 3),
            (std::vector<std::int64_t>{4611686018427387903LL, 17, 99}));
  EXPECT_EQ(type_class(f, "policy.name"), H5T_STRING);
  EXPECT_EQ(read_strings(f, "policy.name", 3), (std::vector<std::string>{"open, fast", "open, fast", "closed"}));
  EXPECT_EQ(type_class(f, "migration.inflow_rate"), H5T_FLOAT);
  const auto cov = read_numbers<double>(f, "coverage_by_group%2Fmigrant:mean", H5T_NATIVE_DOUBLE, 3);
  EXPECT_EQ(cov[0], 0.25);
  EXPECT_TRUE(std::isnan(cov[1]));
  EXPECT_EQ(cov[2], 0.123456789012);  // the CSV text's double, exactly
  EXPECT_EQ(type_class(f, "odd%25name:final"), H5T_FLOAT);  // 1, 2.5, -3: not all integers
  EXPECT_EQ(attr_string(H5Dopen2(f, "odd%25name:final", H5P_DEFAULT), "name"), "odd%name:final");
  H5Fclose(f);
}

}  // namespace zhili::sweep
