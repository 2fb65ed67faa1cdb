#include "io/h5_util.hpp"

#include <algorithm>
#include <cstring>

namespace zhili::h5 {

namespace {

// The innermost entry of HDF5's error stack says what actually went wrong
// ("unable to open file: ... No such file or directory"); the outer ones only
// repeat which API call failed.
std::string innermost_error() {
  std::string msg;
  auto walk = [](unsigned n, const H5E_error2_t* e, void* data) -> herr_t {
    if (n == 0 && e->desc != nullptr) *static_cast<std::string*>(data) = e->desc;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, walk, &msg);
  H5Eclear2(H5E_DEFAULT);
  std::replace(msg.begin(), msg.end(), '\n', ' ');  // some messages embed ctime()'s newline
  return msg;
}

// HDF5's file-driver messages wrap the system's message in the call's
// internals ("name = ..., errno = 21, error message = 'Is a directory',
// flags = 13, o_flags = 242", or a buffer address and byte counts): keep the
// phrase before the first ':' and the system's message.
std::string without_internals(const std::string& msg) {
  static constexpr std::string_view kKey = "error message = '";
  const auto at = msg.find(kKey);
  if (at == std::string::npos) return msg;
  const auto begin = at + kKey.size();
  const auto end = msg.find('\'', begin);
  if (end == std::string::npos) return msg;
  const std::string system = msg.substr(begin, end - begin);
  const auto colon = msg.find(':');
  return colon < at ? msg.substr(0, colon) + ": " + system : system;
}

[[noreturn]] void fail(std::string_view what) {
  std::string msg(what);
  msg += " failed";
  if (std::string inner = innermost_error(); !inner.empty()) msg += ": " + without_internals(inner);
  throw Error(msg);
}

std::string attr_what(const char* verb, const char* name) {
  return std::string(verb) + " attribute '" + name + "'";
}

// Frees the strings HDF5 allocated for a variable-length read, even if
// copying them out throws.
struct VlenReclaim {
  hid_t type, space;
  std::vector<char*>& ptrs;
  ~VlenReclaim() { H5Dvlen_reclaim(type, space, H5P_DEFAULT, ptrs.data()); }
};

void write_attr_scalar(hid_t obj, const char* name, hid_t file_type, hid_t mem_type,
                       const void* value) {
  Handle space(H5Screate(H5S_SCALAR), "creating a dataspace");
  Handle attr(H5Acreate2(obj, name, file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
              attr_what("creating", name));
  check_status(H5Awrite(attr.get(), mem_type, value), attr_what("writing", name));
}

void read_attr_scalar(hid_t obj, const char* name, hid_t mem_type, void* out) {
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), attr_what("opening", name));
  Handle space(H5Aget_space(attr.get()), attr_what("reading", name));
  if (H5Sget_simple_extent_npoints(space.get()) != 1)
    throw Error(std::string("attribute '") + name + "' is not a single value");
  check_status(H5Aread(attr.get(), mem_type, out), attr_what("reading", name));
}

}  // namespace

void init_library() {
  // H5dont_atexit works only before the library's first initialisation.
  static const bool no_exit_handler = H5dont_atexit() >= 0;
  (void)no_exit_handler;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

hid_t check(hid_t id, std::string_view what) {
  if (id < 0) fail(what);
  return id;
}

herr_t check_status(herr_t status, std::string_view what) {
  if (status < 0) fail(what);
  return status;
}

herr_t Handle::close() noexcept {
  if (id_ < 0) return 0;
  const hid_t id = std::exchange(id_, H5I_INVALID_HID);
  switch (H5Iget_type(id)) {
    case H5I_FILE: return H5Fclose(id);
    case H5I_GROUP: return H5Gclose(id);
    case H5I_DATASET: return H5Dclose(id);
    case H5I_DATASPACE: return H5Sclose(id);
    case H5I_DATATYPE: return H5Tclose(id);
    case H5I_ATTR: return H5Aclose(id);
    case H5I_GENPROP_LST: return H5Pclose(id);
    default: return H5Idec_ref(id) < 0 ? -1 : 0;
  }
}

Handle vlen_string_type() {
  Handle t(H5Tcopy(H5T_C_S1), "creating a string type");
  check_status(H5Tset_size(t.get(), H5T_VARIABLE), "sizing a string type");
  check_status(H5Tset_cset(t.get(), H5T_CSET_UTF8), "setting a string type's charset");
  return t;
}

Handle fixed_string_type(std::size_t n) {
  Handle t(H5Tcopy(H5T_C_S1), "creating a string type");
  check_status(H5Tset_size(t.get(), n), "sizing a string type");
  check_status(H5Tset_strpad(t.get(), H5T_STR_NULLPAD), "setting a string type's padding");
  return t;
}

Handle file_access(bool latest_format) {
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties");
  check_status(H5Pset_file_locking(fapl.get(), 1, 1), "setting file locking");
  if (latest_format)
    check_status(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST),
                 "setting the file format version");
  return fapl;
}

Handle create_group(hid_t loc, const std::string& name) {
  Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), "creating group properties");
  check_status(H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
               "tracking link creation order");
  // No timestamps in object headers: a rerun with the same inputs gives the same objects.
  check_status(H5Pset_obj_track_times(gcpl.get(), 0), "disabling object times");
  return Handle(H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
                "creating group '" + name + "'");
}

Handle open_group(hid_t loc, const std::string& name) {
  return Handle(H5Gopen2(loc, name.c_str(), H5P_DEFAULT), "opening group '" + name + "'");
}

Handle open_dataset(hid_t loc, const std::string& name) {
  return Handle(H5Dopen2(loc, name.c_str(), H5P_DEFAULT), "opening dataset '" + name + "'");
}

bool link_exists(hid_t loc, const std::string& name) {
  return check_status(H5Lexists(loc, name.c_str(), H5P_DEFAULT), "looking up '" + name + "'") > 0;
}

std::vector<std::string> child_names(hid_t group) {
  std::vector<std::string> names;
  auto collect = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t idx = 0;
  if (H5Literate(group, H5_INDEX_CRT_ORDER, H5_ITER_INC, &idx, collect, &names) >= 0) return names;
  // A group made by another tool may not track creation order: fall back to names.
  H5Eclear2(H5E_DEFAULT);
  names.clear();
  idx = 0;
  check_status(H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &idx, collect, &names),
               "listing a group");
  return names;
}

void write_attr(hid_t obj, const char* name, std::string_view value) {
  Handle type = vlen_string_type();
  const std::string s(value);
  const char* p = s.c_str();
  write_attr_scalar(obj, name, type.get(), type.get(), &p);
}

void write_attr(hid_t obj, const char* name, const std::vector<std::string>& values) {
  Handle type = vlen_string_type();
  std::vector<const char*> ptrs;
  ptrs.reserve(values.size());
  for (const auto& v : values) ptrs.push_back(v.c_str());
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), "creating a dataspace");
  Handle attr(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
              attr_what("creating", name));
  check_status(H5Awrite(attr.get(), type.get(), ptrs.data()), attr_what("writing", name));
}

void write_attr_int32(hid_t obj, const char* name, std::int32_t value) {
  write_attr_scalar(obj, name, H5T_STD_I32LE, H5T_NATIVE_INT32, &value);
}
void write_attr_int64(hid_t obj, const char* name, std::int64_t value) {
  write_attr_scalar(obj, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}
void write_attr_uint64(hid_t obj, const char* name, std::uint64_t value) {
  write_attr_scalar(obj, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}
void write_attr_double(hid_t obj, const char* name, double value) {
  write_attr_scalar(obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

void write_attr_int32s(hid_t obj, const char* name, const std::vector<std::int32_t>& values) {
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), "creating a dataspace");
  Handle attr(H5Acreate2(obj, name, H5T_STD_I32LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
              attr_what("creating", name));
  check_status(H5Awrite(attr.get(), H5T_NATIVE_INT32, values.data()), attr_what("writing", name));
}

void write_unit_description(hid_t obj, std::string_view unit, std::string_view description) {
  write_attr(obj, "unit", unit);
  write_attr(obj, "description", description);
}

bool has_attr(hid_t obj, const char* name) {
  return check_status(H5Aexists(obj, name), attr_what("looking up", name)) > 0;
}

std::vector<std::string> read_attr_strings(hid_t obj, const char* name) {
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), attr_what("opening", name));
  Handle type(H5Aget_type(attr.get()), attr_what("reading", name));
  Handle space(H5Aget_space(attr.get()), attr_what("reading", name));
  if (H5Tget_class(type.get()) != H5T_STRING)
    throw Error(std::string("attribute '") + name + "' is not a string");
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<std::string> out;
  out.reserve(n);
  if (H5Tis_variable_str(type.get()) > 0) {
    Handle mem = vlen_string_type();
    std::vector<char*> ptrs(n, nullptr);
    check_status(H5Aread(attr.get(), mem.get(), ptrs.data()), attr_what("reading", name));
    VlenReclaim reclaim{mem.get(), space.get(), ptrs};
    for (const char* p : ptrs) out.emplace_back(p != nullptr ? p : "");
    return out;
  }
  const std::size_t size = H5Tget_size(type.get());
  Handle mem(H5Tcopy(type.get()), "copying a string type");
  std::vector<char> buf(n * size);
  check_status(H5Aread(attr.get(), mem.get(), buf.data()), attr_what("reading", name));
  for (std::size_t i = 0; i < n; ++i) {
    const char* p = buf.data() + i * size;
    out.emplace_back(p, strnlen(p, size));
  }
  return out;
}

std::string read_attr_string(hid_t obj, const char* name) {
  auto v = read_attr_strings(obj, name);
  if (v.size() != 1) throw Error(std::string("attribute '") + name + "' is not a single string");
  return v.front();
}

std::string read_attr_string_or(hid_t obj, const char* name, std::string fallback) {
  return has_attr(obj, name) ? read_attr_string(obj, name) : fallback;
}

std::int64_t read_attr_int64(hid_t obj, const char* name) {
  std::int64_t v = 0;
  read_attr_scalar(obj, name, H5T_NATIVE_INT64, &v);
  return v;
}
std::uint64_t read_attr_uint64(hid_t obj, const char* name) {
  std::uint64_t v = 0;
  read_attr_scalar(obj, name, H5T_NATIVE_UINT64, &v);
  return v;
}
double read_attr_double(hid_t obj, const char* name) {
  double v = 0;
  read_attr_scalar(obj, name, H5T_NATIVE_DOUBLE, &v);
  return v;
}

std::vector<std::int32_t> read_attr_int32s(hid_t obj, const char* name) {
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), attr_what("opening", name));
  Handle type(H5Aget_type(attr.get()), attr_what("reading", name));
  Handle space(H5Aget_space(attr.get()), attr_what("reading", name));
  if (H5Tget_class(type.get()) != H5T_INTEGER)
    throw Error(std::string("attribute '") + name + "' is not an integer array");
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<std::int32_t> out(n);
  check_status(H5Aread(attr.get(), H5T_NATIVE_INT32, out.data()), attr_what("reading", name));
  return out;
}

}  // namespace zhili::h5
