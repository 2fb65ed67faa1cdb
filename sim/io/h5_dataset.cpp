#include "io/h5_dataset.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace zhili::h5 {

namespace {

using Dims = std::array<hsize_t, H5S_MAX_RANK>;

int rank_and_dims(hid_t space, Dims& dims) {
  const int rank = check_status(H5Sget_simple_extent_dims(space, dims.data(), nullptr),
                                "reading a dataset's shape");
  return rank;
}

// A dataset-creation property list without object timestamps: a rerun with
// the same inputs writes the same objects, and SWMR appends need not touch
// a modification-time message.
Handle untimed_dcpl() {
  Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), "creating dataset properties");
  check_status(H5Pset_obj_track_times(dcpl.get(), 0), "disabling object times");
  return dcpl;
}

}  // namespace

hsize_t chunk_rows_for(std::size_t row_bytes, hsize_t max_rows) {
  constexpr std::size_t target_bytes = 64 * 1024;
  const hsize_t rows = std::max<std::size_t>(1, target_bytes / std::max<std::size_t>(1, row_bytes));
  return std::clamp<hsize_t>(rows, 1, std::max<hsize_t>(1, max_rows));
}

Handle create_growable(hid_t loc, const std::string& name, hid_t file_type,
                       std::span<const hsize_t> row_shape, hsize_t chunk_rows, int compression,
                       std::string_view unit, std::string_view description) {
  const std::string what = "creating dataset '" + name + "'";
  const int rank = 1 + static_cast<int>(row_shape.size());
  if (rank > H5S_MAX_RANK) throw Error(what + ": too many axes");
  Dims dims{}, maxdims{}, chunk{};
  dims[0] = 0;
  maxdims[0] = H5S_UNLIMITED;
  chunk[0] = std::max<hsize_t>(1, chunk_rows);
  for (std::size_t i = 0; i < row_shape.size(); ++i) {
    dims[i + 1] = maxdims[i + 1] = row_shape[i];
    chunk[i + 1] = std::max<hsize_t>(1, row_shape[i]);  // a chunk holds whole rows
  }
  Handle space(H5Screate_simple(rank, dims.data(), maxdims.data()), what);
  Handle dcpl = untimed_dcpl();
  check_status(H5Pset_chunk(dcpl.get(), rank, chunk.data()), what);
  // Shuffle groups the bytes of equal significance of successive values, which
  // makes slowly varying series compress far better under deflate.
  check_status(H5Pset_shuffle(dcpl.get()), what);
  if (compression > 0) check_status(H5Pset_deflate(dcpl.get(), static_cast<unsigned>(compression)), what);
  Handle ds(H5Dcreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(),
                       H5P_DEFAULT),
            what);
  write_unit_description(ds.get(), unit, description);
  return ds;
}

namespace {
// Selects rows [first, first + rows) of a dataset of shape `dims` in
// `file_space`; returns the matching memory dataspace.
Handle select_rows(hid_t file_space, int rank, const Dims& dims, hsize_t first, hsize_t rows) {
  Dims start{}, count = dims;
  start[0] = first;
  count[0] = rows;
  check_status(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
               "selecting rows");
  return Handle(H5Screate_simple(rank, count.data(), nullptr), "creating a dataspace");
}
}  // namespace

void append_rows(hid_t dset, hid_t mem_type, hsize_t first_row, hsize_t rows, const void* data) {
  if (rows == 0) return;
  Dims dims{};
  int rank = 0;
  {
    Handle space(H5Dget_space(dset), "reading a dataset's shape");
    rank = rank_and_dims(space.get(), dims);
  }
  if (rank < 1) throw Error("appending to a dataset without axes");
  dims[0] = first_row + rows;
  check_status(H5Dset_extent(dset, dims.data()), "extending a dataset");
  Handle file_space(H5Dget_space(dset), "reading a dataset's shape");
  const Handle mem_space = select_rows(file_space.get(), rank, dims, first_row, rows);
  check_status(H5Dwrite(dset, mem_type, mem_space.get(), file_space.get(), H5P_DEFAULT, data),
               "writing rows");
}

std::vector<hsize_t> shape_of(hid_t dset) {
  Handle space(H5Dget_space(dset), "reading a dataset's shape");
  Dims dims{};
  const int rank = rank_and_dims(space.get(), dims);
  return {dims.begin(), dims.begin() + rank};
}

hsize_t row_size(const std::vector<hsize_t>& shape) {
  hsize_t n = 1;
  for (std::size_t i = 1; i < shape.size(); ++i) n *= shape[i];
  return n;
}

void read_rows(hid_t dset, hid_t mem_type, hsize_t first, hsize_t count, void* out) {
  if (count == 0) return;
  Handle file_space(H5Dget_space(dset), "reading a dataset's shape");
  Dims dims{};
  const int rank = rank_and_dims(file_space.get(), dims);
  if (rank < 1 || first + count > dims[0]) throw Error("reading rows past the end of a dataset");
  const Handle mem_space = select_rows(file_space.get(), rank, dims, first, count);
  check_status(H5Dread(dset, mem_type, mem_space.get(), file_space.get(), H5P_DEFAULT, out),
               "reading rows");
}

Handle create_scalar(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type,
                     const void* initial, std::string_view unit, std::string_view description) {
  const std::string what = "creating dataset '" + name + "'";
  Handle space(H5Screate(H5S_SCALAR), what);
  Handle dcpl = untimed_dcpl();
  check_status(H5Pset_layout(dcpl.get(), H5D_CONTIGUOUS), what);
  check_status(H5Pset_alloc_time(dcpl.get(), H5D_ALLOC_TIME_EARLY), what);
  Handle ds(H5Dcreate2(loc, name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(),
                       H5P_DEFAULT),
            what);
  write_scalar(ds.get(), mem_type, initial);
  write_unit_description(ds.get(), unit, description);
  return ds;
}

void write_scalar(hid_t dset, hid_t mem_type, const void* value) {
  check_status(H5Dwrite(dset, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, value), "writing a value");
}

void read_scalar(hid_t dset, hid_t mem_type, void* out) {
  check_status(H5Dread(dset, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out), "reading a value");
}

void create_text(hid_t loc, const std::string& name, std::string_view text,
                 std::string_view description) {
  const std::string what = "creating dataset '" + name + "'";
  Handle type = vlen_string_type();
  Handle space(H5Screate(H5S_SCALAR), what);
  Handle dcpl = untimed_dcpl();
  Handle ds(H5Dcreate2(loc, name.c_str(), type.get(), space.get(), H5P_DEFAULT, dcpl.get(),
                       H5P_DEFAULT),
            what);
  const std::string s(text);
  const char* p = s.c_str();
  check_status(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &p),
               "writing dataset '" + name + "'");
  write_unit_description(ds.get(), "", description);
}

std::string read_text(hid_t loc, const std::string& name) {
  const std::string what = "reading dataset '" + name + "'";
  Handle ds = open_dataset(loc, name);
  Handle type(H5Dget_type(ds.get()), what);
  Handle space(H5Dget_space(ds.get()), what);
  if (H5Tget_class(type.get()) != H5T_STRING || H5Sget_simple_extent_npoints(space.get()) != 1)
    throw Error(what + ": not a single string");
  if (H5Tis_variable_str(type.get()) > 0) {
    Handle mem = vlen_string_type();
    char* p = nullptr;
    check_status(H5Dread(ds.get(), mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &p), what);
    std::string out = p != nullptr ? p : "";
    H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, &p);
    return out;
  }
  const std::size_t size = H5Tget_size(type.get());
  Handle mem(H5Tcopy(type.get()), what);
  std::vector<char> buf(size);
  check_status(H5Dread(ds.get(), mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()), what);
  return {buf.data(), strnlen(buf.data(), size)};
}

std::vector<std::string> read_fixed_strings(hid_t dset, hsize_t first, hsize_t count) {
  Handle type(H5Dget_type(dset), "reading a string dataset's type");
  if (H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()) > 0)
    throw Error("expected a fixed-length string dataset");
  const std::size_t size = H5Tget_size(type.get());
  Handle mem(H5Tcopy(type.get()), "copying a string type");
  std::vector<char> buf(count * size);
  read_rows(dset, mem.get(), first, count, buf.data());
  std::vector<std::string> out;
  out.reserve(count);
  for (hsize_t i = 0; i < count; ++i) {
    const char* p = buf.data() + i * size;
    out.emplace_back(p, strnlen(p, size));
  }
  return out;
}

}  // namespace zhili::h5
