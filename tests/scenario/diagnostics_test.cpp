#include "scenario/diagnostics.hpp"

#include <gtest/gtest.h>

namespace zhili {
namespace {

Diagnostic diag(std::string file, int line, int column, std::string key, std::string message,
                std::string found = "", std::string expected = "", std::string hint = "") {
  return make_diagnostic(std::move(file), line, column, std::move(key), std::move(message), std::move(found),
                         std::move(expected), std::move(hint));
}

TEST(ScenarioDiagnostics, FormatsEveryPart) {
  const Diagnostic d = diag("a.yaml", 3, 5, "run.steps", "value out of range", "0",
                            "an integer in [1, 10]", "did you mean 'x'?");
  EXPECT_EQ(d.format(),
            "a.yaml:3:5: error: run.steps: value out of range (found 0, expected an integer in "
            "[1, 10])\n  hint: did you mean 'x'?");
}

TEST(ScenarioDiagnostics, OmitsEmptyParts) {
  EXPECT_EQ(diag("a.yaml", 0, 0, "", "cannot read file: x", "", "", "").format(),
            "a.yaml: error: cannot read file: x");
  EXPECT_EQ(diag("a.yaml", 2, 0, "k", "m", "f", "", "").format(),
            "a.yaml:2: error: k: m (found f)");
  EXPECT_EQ(diag("a.yaml", 2, 7, "k", "m", "", "e", "").format(),
            "a.yaml:2:7: error: k: m (expected e)");
  EXPECT_EQ(diag("", 0, 0, "", "m", "", "", "").format(), "error: m");
}

TEST(ScenarioDiagnostics, FormatAllSortsByPositionAndKeepsTies) {
  Diagnostics all;
  all.add(diag("b.yaml", 1, 1, "k", "third", "", "", ""));
  all.add(diag("a.yaml", 9, 2, "k", "second", "", "", ""));
  all.add(diag("a.yaml", 2, 8, "k", "first", "", "", "h"));
  all.add(diag("a.yaml", 9, 2, "k", "second-tie", "", "", ""));
  EXPECT_EQ(all.format_all(),
            "a.yaml:2:8: error: k: first\n  hint: h\n"
            "a.yaml:9:2: error: k: second\n"
            "a.yaml:9:2: error: k: second-tie\n"
            "b.yaml:1:1: error: k: third\n");
}

TEST(ScenarioDiagnostics, ErrorCountsAndListsAll) {
  Diagnostics all;
  all.add(diag("a.yaml", 2, 1, "x", "unknown key", "", "", ""));
  all.add(diag("a.yaml", 1, 1, "y", "unknown key", "", "", ""));
  const ScenarioError e(all);
  EXPECT_EQ(std::string(e.what()),
            "2 error(s) in scenario:\n"
            "a.yaml:1:1: error: y: unknown key\n"
            "a.yaml:2:1: error: x: unknown key\n");
  EXPECT_EQ(e.diagnostics().size(), 2u);
}

}  // namespace
}  // namespace zhili
