// RAII handles, error handling and attribute helpers over the HDF5 C API.
//
// Private to the io module: public headers never include <hdf5.h>, so the rest
// of the program does not depend on HDF5's headers or macros.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhili::h5 {

// Any failed HDF5 call. The public classes catch it and prefix the file path.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// To call before any other HDF5 call; calling it again is harmless.
// - HDF5 prints its error stack to stderr on every failure by default; we turn
//   failures into exceptions instead, so the printing is only noise (a
//   process-wide, or per-thread in thread-safe builds, setting).
// - HDF5 would close whatever is still open in an exit handler. After a close
//   that failed (a full disk) that handler dies with SIGSEGV in HDF5 1.10
//   (H5F__close_cb); every file here is closed by its owner, so the handler is
//   switched off (H5dont_atexit) and the process exits with its own status.
void init_library();

// Return `id` / `status`, or throw Error("<what> failed: <HDF5's innermost message>").
hid_t check(hid_t id, std::string_view what);
herr_t check_status(herr_t status, std::string_view what);

// Owns one HDF5 identifier of any kind and closes it with the matching H5?close.
// Predefined identifiers (H5T_NATIVE_DOUBLE, ...) must never be wrapped.
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) noexcept : id_(id) {}
  // Wraps the result of an HDF5 call that returns an identifier, checking it.
  Handle(hid_t id, std::string_view what) : id_(check(id, what)) {}
  ~Handle() { (void)close(); }
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      (void)close();
      id_ = std::exchange(o.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  hid_t get() const noexcept { return id_; }
  explicit operator bool() const noexcept { return id_ >= 0; }
  // Closes now; returns the close call's status (negative on failure) so that
  // H5Fclose, which writes the file's last metadata, can be checked.
  herr_t close() noexcept;

 private:
  hid_t id_ = H5I_INVALID_HID;
};

// Runs `f`, turning an Error into std::runtime_error("result file '<path>': ...")
// so every failure the program sees names the file it concerns.
template <class F>
decltype(auto) with_path(const std::string& path, F&& f) {
  try {
    return f();
  } catch (const Error& e) {
    throw std::runtime_error("result file '" + path + "': " + e.what());
  }
}

// --- types ------------------------------------------------------------------
Handle vlen_string_type();                // variable-length UTF-8 string
Handle fixed_string_type(std::size_t n);  // n bytes, NUL-padded, ASCII

// --- files ------------------------------------------------------------------
// File-access properties: file locking on, but not fatal on file systems
// where it is unsupported (some network mounts), where HDF5 would otherwise
// refuse to open anything. With `latest_format`, objects are written in the
// newest format (SWMR needs it).
Handle file_access(bool latest_format);

// --- groups -----------------------------------------------------------------
// Creates a group whose children are listed in creation order (so readers list
// observables in the order the model declared them, not alphabetically).
Handle create_group(hid_t loc, const std::string& name);
Handle open_group(hid_t loc, const std::string& name);
Handle open_dataset(hid_t loc, const std::string& name);
bool link_exists(hid_t loc, const std::string& name);
// Names of a group's links, in creation order when tracked, else by name.
std::vector<std::string> child_names(hid_t group);

// --- attributes ---------------------------------------------------------------
// Strings are stored as variable-length UTF-8: h5py reads them as `str`.
void write_attr(hid_t obj, const char* name, std::string_view value);
void write_attr(hid_t obj, const char* name, const std::vector<std::string>& values);
void write_attr_int32(hid_t obj, const char* name, std::int32_t value);
void write_attr_int64(hid_t obj, const char* name, std::int64_t value);
void write_attr_uint64(hid_t obj, const char* name, std::uint64_t value);
void write_attr_double(hid_t obj, const char* name, double value);
void write_attr_int32s(hid_t obj, const char* name, const std::vector<std::int32_t>& values);
// Shorthand for the two attributes every dataset carries.
void write_unit_description(hid_t obj, std::string_view unit, std::string_view description);

bool has_attr(hid_t obj, const char* name);
// Readers accept variable- or fixed-length strings (files touched by other tools).
std::string read_attr_string(hid_t obj, const char* name);
std::vector<std::string> read_attr_strings(hid_t obj, const char* name);
std::int64_t read_attr_int64(hid_t obj, const char* name);
std::uint64_t read_attr_uint64(hid_t obj, const char* name);
double read_attr_double(hid_t obj, const char* name);
std::vector<std::int32_t> read_attr_int32s(hid_t obj, const char* name);  // any integer type
// The attribute's value, or `fallback` when it is absent.
std::string read_attr_string_or(hid_t obj, const char* name, std::string fallback);

}  // namespace zhili::h5
