// Reading a whole input file (scenario, sweep, calibration, targets, raster
// map, CSV) into memory, refusing what is not a regular file of bounded size:
// /dev/zero would be read until memory ran out, and a FIFO with no writer
// would block the open for ever.
#pragma once

#include <cstdint>
#include <string>

namespace zhili {

// The largest input file read: a 10000 x 10000 raster map in PGM is 100 MB.
inline constexpr std::uintmax_t kInputFileLimit = std::uintmax_t{256} << 20;

// Appends the file's bytes to `out`; returns "" on success, else why not, as
// a phrase for the caller's diagnostic: the system's reason ("No such file or
// directory"), "not a regular file (a FIFO)", or "N bytes, above the limit ...".
std::string read_whole_file(const std::string& path, std::string& out, std::uintmax_t limit = kInputFileLimit);

// "" when `path` is a regular file (or cannot be examined: opening it will
// say why), else "not a regular file (a FIFO)", "(a directory)", ...
std::string not_a_regular_file(const std::string& path);

// Turns old Mac line endings (a CR alone) into LF, in place; CRLF stays (the
// YAML reader takes it). A CR-only file was read as one long line: "run:\r
// seed: unknown key".
void lone_cr_to_lf(std::string& text);

}  // namespace zhili
