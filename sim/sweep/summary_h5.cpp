#include "sweep/summary_h5.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "analyze/csv.hpp"
// The io module's RAII handles and attribute helpers: this file, like the
// result writer, is an HDF5 writer, and its header keeps <hdf5.h> out of ours.
#include "io/h5_util.hpp"

namespace zhili::sweep {

namespace {

enum class ColumnType { integer, number, text };

bool parse_int(const std::string& s, std::int64_t& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoll(s.c_str(), &end, 10);
  return *end == '\0' && errno != ERANGE;
}

bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);  // accepts "NaN", as csv_number writes it
  return *end == '\0';
}

ColumnType column_type(const analyze::CsvTable& t, std::size_t c) {
  bool integer = true;
  for (const auto& row : t.rows) {
    std::int64_t i = 0;
    double d = 0;
    if (integer && parse_int(row.fields[c].text, i)) continue;
    integer = false;
    if (!parse_number(row.fields[c].text, d)) return ColumnType::text;
  }
  return integer && !t.rows.empty() ? ColumnType::integer : ColumnType::number;
}

void write_column(hid_t file, const analyze::CsvTable& t, std::size_t c) {
  const hsize_t n = t.rows.size();
  h5::Handle space(H5Screate_simple(1, &n, nullptr), "creating a dataspace");
  const std::string name = summary_h5_dataset_name(t.header[c]);
  const auto create = [&](hid_t type) {
    return h5::Handle(H5Dcreate2(file, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                      "creating dataset '" + name + "'");
  };
  const std::string what = "writing dataset '" + name + "'";
  switch (column_type(t, c)) {
    case ColumnType::integer: {
      std::vector<std::int64_t> v(t.rows.size());
      for (std::size_t r = 0; r < v.size(); ++r) parse_int(t.rows[r].fields[c].text, v[r]);
      h5::Handle ds = create(H5T_STD_I64LE);
      h5::check_status(H5Dwrite(ds.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), what);
      h5::write_attr(ds.get(), "name", t.header[c]);
      break;
    }
    case ColumnType::number: {
      std::vector<double> v(t.rows.size());
      for (std::size_t r = 0; r < v.size(); ++r) parse_number(t.rows[r].fields[c].text, v[r]);
      h5::Handle ds = create(H5T_IEEE_F64LE);
      h5::check_status(H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), what);
      h5::write_attr(ds.get(), "name", t.header[c]);
      break;
    }
    case ColumnType::text: {
      std::vector<const char*> v;
      for (const auto& row : t.rows) v.push_back(row.fields[c].text.c_str());
      h5::Handle type = h5::vlen_string_type();
      h5::Handle ds = create(type.get());
      h5::check_status(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()), what);
      h5::write_attr(ds.get(), "name", t.header[c]);
      break;
    }
  }
}

}  // namespace

std::string summary_h5_dataset_name(const std::string& column) {
  std::string out;
  for (char ch : column) {
    if (ch == '%') out += "%25";
    else if (ch == '/') out += "%2F";
    else out += ch;
  }
  return out;
}

void write_summary_h5(const std::string& path, const std::string& csv_text) {
  write_table_h5(path, csv_text, "zhili-sweep-summary 1");
}

void write_table_h5(const std::string& path, const std::string& csv_text, std::string_view format,
                    const std::vector<std::pair<std::string, std::string>>& attributes) {
  const analyze::CsvTable t = analyze::parse_csv(csv_text, path);
  const std::string tmp = path + ".tmp";
  h5::with_path(tmp, [&] {
    h5::init_library();
    h5::Handle file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "creating the file");
    h5::write_attr(file.get(), "format", format);
    for (const auto& [name, value] : attributes) h5::write_attr(file.get(), name.c_str(), value);
    h5::write_attr(file.get(), "columns", t.header);
    for (std::size_t c = 0; c < t.header.size(); ++c) write_column(file.get(), t, c);
    h5::check_status(file.close(), "closing the file");
  });
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw std::runtime_error("cannot rename " + tmp + " to " + path + ": " + ec.message());
}

}  // namespace zhili::sweep
