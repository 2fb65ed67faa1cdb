// Dataset helpers: growable chunked datasets (first axis = time or row),
// small scalar datasets updated in place, and string datasets.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/h5_util.hpp"

namespace zhili::h5 {

// Rows per chunk for rows of `row_bytes` bytes: about 64 KiB per chunk, at most
// `max_rows`. Small enough that a chunk being filled stays in HDF5's 1 MiB
// per-dataset chunk cache between flushes (no re-read and re-inflate), large
// enough that a long series is not thousands of tiny compressed pieces.
hsize_t chunk_rows_for(std::size_t row_bytes, hsize_t max_rows = 4096);

// Creates `name` with shape (0, row_shape...), first axis unlimited, chunks of
// (chunk_rows, row_shape...), shuffle filter always and deflate at level
// `compression` (0 = shuffle only), and its `unit` and `description` attributes.
Handle create_growable(hid_t loc, const std::string& name, hid_t file_type,
                       std::span<const hsize_t> row_shape, hsize_t chunk_rows, int compression,
                       std::string_view unit, std::string_view description);

// Extends `dset` along the first axis to `first_row + rows` and writes `rows`
// full rows from `data` (in `mem_type`) starting at `first_row`.
void append_rows(hid_t dset, hid_t mem_type, hsize_t first_row, hsize_t rows, const void* data);

// Current shape of a dataset (empty for a scalar dataset).
std::vector<hsize_t> shape_of(hid_t dset);
// Number of elements in one row (product of all axes but the first).
hsize_t row_size(const std::vector<hsize_t>& shape);

// Reads rows [first, first+count) into `out` (room for count * row_size values of `mem_type`).
void read_rows(hid_t dset, hid_t mem_type, hsize_t first, hsize_t count, void* out);

// A scalar (single value) contiguous dataset, allocated at creation so that
// later in-place writes under SWMR change only raw data, never the layout.
Handle create_scalar(hid_t loc, const std::string& name, hid_t file_type, hid_t mem_type,
                     const void* initial, std::string_view unit, std::string_view description);
void write_scalar(hid_t dset, hid_t mem_type, const void* value);
void read_scalar(hid_t dset, hid_t mem_type, void* out);

// A scalar variable-length UTF-8 string dataset (long texts: attributes are
// meant to be small, and h5py shows a dataset's text with `ds.asstr()[()]`).
void create_text(hid_t loc, const std::string& name, std::string_view text,
                 std::string_view description);
std::string read_text(hid_t loc, const std::string& name);

// Rows [first, first+count) of a 1-D fixed-length string dataset.
std::vector<std::string> read_fixed_strings(hid_t dset, hsize_t first, hsize_t count);

}  // namespace zhili::h5
