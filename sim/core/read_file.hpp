// Reading a whole input file (scenario, raster map) into memory, with the
// errno of a failure so callers can say why in their own diagnostics.
#pragma once

#include <string>

namespace zhili {

// Appends the file's bytes to `out`; returns 0 on success, else the errno of
// the failure (a directory opens fine and fails while reading, with EISDIR).
int read_whole_file(const std::string& path, std::string& out);

}  // namespace zhili
