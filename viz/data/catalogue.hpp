// A run catalogue: what each result file in a folder holds, for the run
// browser and for choosing runs to compare, without reading any series.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/policy_events.hpp"
#include "io/result_layout.hpp"

namespace zhili::view {

struct CatalogueEntry {
  std::string path;
  std::string file_name;      // "default.h5"
  std::string scenario_name;  // empty when the file cannot be read
  std::string first_date;     // "YYYY-MM-DD" of the first step written, "" if none
  std::string last_date;
  std::uint64_t seed = 0;
  std::int64_t steps_done = 0;
  std::int64_t steps_planned = 0;
  RunStatus status = RunStatus::running;
  RunPolicy policy;   // description, overrides and schedule entries
  std::string error;  // why the file could not be read; empty when it could
  bool ok() const { return error.empty(); }
};

// Describes one file; never throws (an unreadable file gets `error` set).
CatalogueEntry describe_run(const std::string& path);
// Every *.h5 file directly in `folder`, sorted by file name. Throws
// std::runtime_error if the folder cannot be listed.
std::vector<CatalogueEntry> scan_folder(const std::string& folder);

}  // namespace zhili::view
