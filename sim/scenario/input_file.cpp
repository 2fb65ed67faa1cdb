#include "scenario/input_file.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/read_file.hpp"
#include "scenario/detail/load_context.hpp"
#include "scenario/detail/scalar_read.hpp"
#include "scenario/messages.hpp"
#include "scenario/suggest.hpp"

namespace zhili {

namespace {

// The file parsed; an unreadable file or a syntax error is a ScenarioError
// naming the file, line and column.
YAML::Node load_yaml_file(const std::string& path, const std::string& what) {
  Diagnostics diags;
  std::string text;
  if (const std::string why = read_whole_file(path, text); !why.empty()) {
    diags.add(make_diagnostic(path, 0, 0, "", "cannot read the " + what + " file: " + why, "", "a readable YAML file"));
    throw ScenarioError(std::move(diags));
  }
  lone_cr_to_lf(text);
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diags.add(make_diagnostic(path, e.mark.line + 1, e.mark.column + 1, "", kSyntaxError, e.msg, "valid YAML"));
  }
  throw ScenarioError(std::move(diags));
}

}  // namespace

struct InputFile::Context : scenario_detail::LoadContext {};

InputFile::InputFile(const std::string& path, const std::string& what)
    : path_(path), root_(load_yaml_file(path, what)), ctx_(std::make_unique<Context>()) {}

InputFile::~InputFile() = default;

std::string InputFile::resolve(const std::string& written) const {
  const std::filesystem::path p(written);
  if (p.is_absolute()) return written;
  return (std::filesystem::path(path_).parent_path() / p).lexically_normal().string();
}

SourceLocation InputFile::at(const YAML::Node& n) const {
  const auto m = n.Mark();
  if (m.is_null()) return {path_, 0, 0};
  return {path_, m.line + 1, m.column + 1};
}

std::optional<std::int64_t> InputFile::integer(const YAML::Node& n, const std::string& key, std::int64_t lo,
                                               std::int64_t hi) {
  return scenario_detail::read_integer(n, {key, at(n)}, {lo, hi}, *ctx_);
}

std::optional<double> InputFile::number(const YAML::Node& n, const std::string& key, double lo, double hi) {
  return scenario_detail::read_number(n, {key, at(n)}, {lo, hi}, *ctx_);
}

std::optional<std::string> InputFile::text(const YAML::Node& n, const std::string& key, const std::string& expected) {
  return scenario_detail::read_text(n, {key, at(n)}, expected, *ctx_);
}

std::optional<std::size_t> InputFile::choice(const YAML::Node& n, const std::string& key,
                                             const std::vector<std::string_view>& choices) {
  return scenario_detail::read_choice(n, {key, at(n)}, choices, *ctx_);
}

void InputFile::check_keys(const YAML::Node& map, const std::string& prefix, const std::vector<std::string>& known) {
  std::set<std::string> seen;
  std::string all;
  for (const auto& c : known) all += (all.empty() ? "" : ", ") + c;
  for (const auto& kv : map) {
    const std::string k = kv.first.Scalar();
    const std::string path = prefix.empty() ? k : prefix + "." + k;
    if (!seen.insert(k).second) error(kv.first, path, kDuplicateKey, "each key once");
    if (std::find(known.begin(), known.end(), k) != known.end()) continue;
    const auto near = closest_match(k, known);
    error(at(kv.first), path, kUnknownKey, k, "one of " + all, near ? did_you_mean({*near}) : "");
  }
}

std::optional<YAML::Node> InputFile::required(const YAML::Node& map, const std::string& name, const std::string& key,
                                              const std::string& expected) {
  if (const YAML::Node n = map[name]) return n;
  error(at(map), key, kMissingKey, "", expected);
  return std::nullopt;
}

void InputFile::error(const YAML::Node& n, const std::string& key, const std::string& message,
                      const std::string& expected, const std::string& hint) {
  error(at(n), key, message, n.IsScalar() ? n.Scalar() : "", expected, hint);
}

void InputFile::error(const SourceLocation& where, const std::string& key, const std::string& message,
                      const std::string& found, const std::string& expected, const std::string& hint) {
  ctx_->diagnostics.add(make_diagnostic(where.file, where.line, where.column, key, message, found, expected, hint));
}

Diagnostics& InputFile::diagnostics() { return ctx_->diagnostics; }
bool InputFile::has_errors() const { return !ctx_->diagnostics.empty(); }

void InputFile::throw_if_errors() {
  if (!ctx_->diagnostics.empty()) throw ScenarioError(std::move(ctx_->diagnostics));
}

}  // namespace zhili
