#include "io/compare_file.hpp"

#include <filesystem>
#include <sstream>

#include "io/h5_util.hpp"

namespace zhili {

std::optional<ComparePair> read_compare_pair(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  h5::init_library();
  if (H5Fis_hdf5(path.c_str()) <= 0) return std::nullopt;  // HDF5 1.10 (Debian 12): no H5Fis_accessible
  try {
    h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "opening the file");
    if (h5::read_attr_string_or(file.get(), "format", "") != kCompareFormat) return std::nullopt;
    const fs::path dir = fs::path(path).parent_path();
    const auto resolve = [&](const std::string& p) { return (dir / p).lexically_normal().string(); };
    ComparePair pair;
    pair.base = resolve(h5::read_attr_string(file.get(), "base_run"));
    std::istringstream variants(h5::read_attr_string(file.get(), "variant_runs"));
    for (std::string line; std::getline(variants, line);)
      if (!line.empty()) pair.variants.push_back(resolve(line));
    return pair;
  } catch (const std::exception&) {
    return std::nullopt;  // not ours to judge: the caller opens it as a result file and says why not
  }
}

}  // namespace zhili
