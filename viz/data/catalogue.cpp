#include "data/catalogue.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "io/result_reader.hpp"

namespace zhili::view {

CatalogueEntry describe_run(const std::string& path) {
  CatalogueEntry e;
  e.path = path;
  e.file_name = std::filesystem::path(path).filename().string();
  try {
    const ResultReader r(path, OpenCheck::in_child_process);
    const RunMetadata& m = r.metadata();
    e.scenario_name = m.scenario_name;
    e.seed = m.seed;
    e.steps_planned = m.steps_planned;
    e.steps_done = r.steps_done();
    e.status = r.status();
    e.policy = run_policy(m);
    // The dates dataset is 10 bytes a step: small even for long runs.
    const auto dates = r.dates();
    if (!dates.empty()) {
      e.first_date = dates.front();
      e.last_date = dates.back();
    }
  } catch (const std::exception& ex) {
    e.error = ex.what();
  }
  return e;
}

std::vector<CatalogueEntry> scan_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  if (ec) throw std::runtime_error("cannot list folder '" + folder + "': " + ec.message());
  std::vector<std::string> paths;
  for (const auto& entry : it)
    if (entry.is_regular_file() && entry.path().extension() == ".h5") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<CatalogueEntry> entries;
  for (const auto& p : paths) entries.push_back(describe_run(p));
  return entries;
}

}  // namespace zhili::view
