// Errors in scenario input, reported all together and each precise enough to
// fix without guessing: where (file:line:column), which key, what was found,
// what was expected, and a hint such as "did you mean 'steps'?".
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace zhili {

struct SourceLocation {
  std::string file;  // scenario path, or "--set" for a command-line override
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

struct Diagnostic {
  SourceLocation where;
  std::string key_path;  // "run.steps", "schedule[2].ramp.hukou.openness"
  std::string message;   // "value out of range", "unknown key", ...
  std::string found;     // the offending text as written ("" when absent)
  std::string expected;  // "an integer in [1, 100000]"
  std::string hint;      // optional: "did you mean 'steps'?"

  // file:line:column: error: key: message (found X, expected Y)\n  hint: ...
  std::string format() const;
};

// Builds a Diagnostic field by field (GCC 12 warns falsely, -Wmaybe-uninitialized,
// on nested brace-initialisation of its strings at -O3).
Diagnostic make_diagnostic(std::string file, int line, int column, std::string key, std::string message,
                           std::string found = "", std::string expected = "", std::string hint = "");

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::string format_all() const;  // one diagnostic per line (+ hint lines), sorted by position

 private:
  std::vector<Diagnostic> items_;
};

// Thrown by load_scenario when the input has any error; carries all of them.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(Diagnostics d);
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  Diagnostics diags_;
};

}  // namespace zhili
