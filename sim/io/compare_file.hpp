// A comparison's compare.h5 (zhili compare, docs/COMPARE.md): its table is
// written by the sweep module's table writer; this says which result files
// are its base's and variants' first replicates, so the viewer opens the pair.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zhili {

inline constexpr const char* kCompareFormat = "zhili-compare 1";

struct ComparePair {
  std::string base;                   // result file of the base's first replicate
  std::vector<std::string> variants;  // the same of each variant, in order
};

// The pair named by `path` (paths made relative to the file's folder resolved
// against it), or nullopt when `path` is not an HDF5 file with format
// kCompareFormat (a result file, say).
std::optional<ComparePair> read_compare_pair(const std::string& path);

}  // namespace zhili
