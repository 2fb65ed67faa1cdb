// Helpers for scenario tests: load text that must fail and look at the errors.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "scenario/load.hpp"

namespace zhili::testing {

// The diagnostics of loading `text` (as file "s.yaml"); fails the test if it loads.
inline Diagnostics errors_of(const std::string& text,
                             const std::vector<std::string>& overrides = {}) {
  try {
    load_scenario_text(text, "s.yaml", overrides);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  ADD_FAILURE() << "expected a ScenarioError for:\n" << text;
  return {};
}

// The one diagnostic of loading `text`; fails the test if there is not exactly one.
inline Diagnostic only_error(const std::string& text,
                             const std::vector<std::string>& overrides = {}) {
  const Diagnostics d = errors_of(text, overrides);
  if (d.size() != 1) {
    ADD_FAILURE() << "expected exactly one error, got " << d.size() << ":\n" << d.format_all();
    return d.empty() ? Diagnostic{} : d.items()[0];
  }
  return d.items()[0];
}

inline Scenario load_ok(const std::string& text, const std::vector<std::string>& overrides = {}) {
  try {
    return load_scenario_text(text, "s.yaml", overrides);
  } catch (const ScenarioError& e) {
    ADD_FAILURE() << e.what();
    return {};
  }
}

// Asserts where a diagnostic points and what kind it is.
#define EXPECT_DIAG(d, file_, line_, column_, key_, message_) \
  do {                                                        \
    const ::zhili::Diagnostic& d_ = (d);                      \
    EXPECT_EQ(d_.where.file, file_) << d_.format();           \
    EXPECT_EQ(d_.where.line, line_) << d_.format();           \
    EXPECT_EQ(d_.where.column, column_) << d_.format();       \
    EXPECT_EQ(d_.key_path, key_) << d_.format();              \
    EXPECT_EQ(d_.message, message_) << d_.format();           \
  } while (0)

}  // namespace zhili::testing
