#include "scenario/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace zhili {

namespace {
// User text as a terminal can show it: control characters (a NUL above all,
// which would end the message wherever it is printed as a C string) written
// as escapes; UTF-8 passes unchanged.
std::string printable(const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}
}  // namespace

std::string Diagnostic::format() const {
  std::string out;
  if (!where.file.empty()) out += where.file + ":";
  // A line without a column still helps; a column without a line does not.
  if (where.line > 0) {
    out += std::to_string(where.line) + ":";
    if (where.column > 0) out += std::to_string(where.column) + ":";
  }
  if (!out.empty()) out += " ";
  out += "error: ";
  if (!key_path.empty()) out += printable(key_path) + ": ";
  out += printable(message);
  if (!found.empty() && !expected.empty()) {
    out += " (found " + printable(found) + ", expected " + printable(expected) + ")";
  } else if (!found.empty()) {
    out += " (found " + printable(found) + ")";
  } else if (!expected.empty()) {
    out += " (expected " + printable(expected) + ")";
  }
  if (!hint.empty()) out += "\n  hint: " + printable(hint);
  return out;
}

std::string Diagnostics::format_all() const {
  std::vector<const Diagnostic*> sorted;
  sorted.reserve(items_.size());
  for (const auto& d : items_) sorted.push_back(&d);
  // Stable, so diagnostics at one position keep the order they were found in.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::tie(a->where.file, a->where.line, a->where.column) <
           std::tie(b->where.file, b->where.line, b->where.column);
  });
  std::string out;
  for (const Diagnostic* d : sorted) out += d->format() + "\n";
  return out;
}

namespace {
std::string headline(const Diagnostics& d) {
  return std::to_string(d.size()) + " error(s) in scenario:\n" + d.format_all();
}
}  // namespace

ScenarioError::ScenarioError(Diagnostics d)
    : std::runtime_error(headline(d)), diags_(std::move(d)) {}

Diagnostic make_diagnostic(std::string file, int line, int column, std::string key, std::string message,
                           std::string found, std::string expected, std::string hint) {
  Diagnostic d;
  d.where.file = std::move(file);
  d.where.line = line;
  d.where.column = column;
  d.key_path = std::move(key);
  d.message = std::move(message);
  d.found = std::move(found);
  d.expected = std::move(expected);
  d.hint = std::move(hint);
  return d;
}

}  // namespace zhili
