// Helpers for map tests: a scratch directory per test, files written into
// it, scenarios loaded from text there, and the errors of building a world.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scenario/load.hpp"
#include "world/world.hpp"

namespace zhili::testing {

// An empty directory for the running test, under the build tree.
inline std::filesystem::path scratch_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto dir = std::filesystem::path(ZHILI_BINARY_DIR) / "tests" / "world" / "tmp" /
                   (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path.string();
}

// Loads `yaml` written as `dir`/s.yaml (so relative raster paths resolve against `dir`).
inline Scenario load_in(const std::filesystem::path& dir, const std::string& yaml,
                        const std::vector<std::string>& overrides = {}) {
  return load_scenario(write_file(dir / "s.yaml", yaml), overrides);
}

// The diagnostics of loading `yaml` as `dir`/s.yaml; fails the test if it loads.
inline Diagnostics load_errors(const std::filesystem::path& dir, const std::string& yaml,
                               const std::vector<std::string>& overrides = {}) {
  try {
    load_in(dir, yaml, overrides);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError for:\n" << yaml;
  return {};
}

// The diagnostics of building the world of `s`; fails the test if it builds.
inline Diagnostics build_errors(const Scenario& s) {
  try {
    build_world(s);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError building the world of " << s.source_path;
  return {};
}

// Loads `yaml` and builds its world; the diagnostics of whichever step fails.
inline Diagnostics map_errors(const std::filesystem::path& dir, const std::string& yaml) {
  try {
    build_world(load_in(dir, yaml));
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError for:\n" << yaml;
  return {};
}

// A scenario with a raster and few households, so small maps house them.
inline std::string raster_scenario(const std::string& path, const std::string& extra = "") {
  return "population: {households: 3}\n"
         "world:\n"
         "  raster:\n"
         "    path: " + path + "\n" + extra;
}

}  // namespace zhili::testing
