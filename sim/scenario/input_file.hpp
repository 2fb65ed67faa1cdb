// Reading a YAML input file other than a scenario (sweep and calibration
// files) by the scenario loader's rules: values read as strictly as a
// scenario's (no yes/no booleans, quoted numbers or ".nan"), every error
// located at file:line:column and named by its key path in the loader's fixed
// wording, unknown keys answered with "did you mean", duplicate keys refused,
// and all errors reported together (ScenarioError).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.hpp"

namespace zhili {

class InputFile {
 public:
  // Reads and parses `path`; a file that cannot be read, or is not YAML,
  // throws ScenarioError at once. `what` names the kind of file ("sweep").
  InputFile(const std::string& path, const std::string& what);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The document. Read it through const nodes: yaml-cpp's non-const
  // operator[] adds the key it looks up.
  const YAML::Node& root() const { return root_; }
  const std::string& path() const { return path_; }
  // A path written in the file, relative to the file's folder.
  std::string resolve(const std::string& written) const;
  SourceLocation at(const YAML::Node& n) const;

  // Typed values of `key` (a key path, for the message). Each returns
  // nullopt, and records a diagnostic, when the value is not one.
  std::optional<std::int64_t> integer(const YAML::Node& n, const std::string& key, std::int64_t lo, std::int64_t hi);
  std::optional<double> number(const YAML::Node& n, const std::string& key,
                               double lo = -std::numeric_limits<double>::infinity(),
                               double hi = std::numeric_limits<double>::infinity());
  std::optional<std::string> text(const YAML::Node& n, const std::string& key, const std::string& expected);
  // Index of the chosen word ("invalid value", with "did you mean").
  std::optional<std::size_t> choice(const YAML::Node& n, const std::string& key,
                                    const std::vector<std::string_view>& choices);

  // The keys of a mapping: each at most once, each one of `known`.
  void check_keys(const YAML::Node& map, const std::string& prefix, const std::vector<std::string>& known);
  // The value of a key that must be there; a missing one is reported at the
  // mapping (a missing node has no position of its own).
  std::optional<YAML::Node> required(const YAML::Node& map, const std::string& name, const std::string& key,
                                     const std::string& expected);

  void error(const YAML::Node& at, const std::string& key, const std::string& message, const std::string& expected,
             const std::string& hint = "");
  void error(const SourceLocation& where, const std::string& key, const std::string& message,
             const std::string& found, const std::string& expected, const std::string& hint = "");
  Diagnostics& diagnostics();
  bool has_errors() const;
  // Throws ScenarioError with every diagnostic so far, if there is any.
  void throw_if_errors();

 private:
  struct Context;  // the loader's own (scenario/detail/load_context.hpp)
  std::string path_;
  YAML::Node root_;
  std::unique_ptr<Context> ctx_;
};

}  // namespace zhili
