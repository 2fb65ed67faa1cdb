// Reading one typed value from a YAML node, strictly: YAML's own loose
// conversions (yes/no booleans, ".nan", "0x1F", quoted numbers) are refused,
// and every refusal becomes a diagnostic that quotes the text as written.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "scenario/detail/load_context.hpp"

namespace zhili::scenario_detail {

struct IntRange {
  std::int64_t lo;
  std::int64_t hi;
  std::string text() const;      // "[1, 1000000]"
  std::string expected() const;  // "an integer in [1, 1000000]"
};

struct NumRange {
  double lo;
  double hi;  // +infinity when unbounded
  bool lo_open = false;
  bool hi_open = false;
  bool contains(double x) const;
  std::string text() const;      // "[0, 1]", "(0, 100]", "> 0"
  std::string expected() const;  // "a number in [0, 1]"
};

// The offending node as a person would recognise it in the file: the scalar
// text (quoted if it was quoted), or "a mapping", "a sequence", "null".
std::string found_text(const YAML::Node& n);

// Decimal integer text only ("-12", "+3", "0"); nullopt if the text is not an
// integer, and `overflow` set when it is one but does not fit in 64 bits.
std::optional<std::int64_t> parse_integer_text(std::string_view text, bool& overflow);
// Decimal number text ("1", "-0.5", "2.5e-3"); refuses NaN and infinity.
std::optional<double> parse_number_text(std::string_view text, bool& overflow);
// Numbers as YAML text that parse_number_text reads back to the same double.
std::string number_text(double x);
// "[a, b]". Built by appending: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
std::string pair_text(std::string_view a, std::string_view b);

std::optional<std::int64_t> read_integer(const YAML::Node& n, const Site& site, const IntRange& r,
                                         LoadContext& ctx);
std::optional<double> read_number(const YAML::Node& n, const Site& site, const NumRange& r,
                                  LoadContext& ctx);
std::optional<bool> read_bool(const YAML::Node& n, const Site& site, LoadContext& ctx);
// Any scalar as its text; `expected` names what the key wants.
std::optional<std::string> read_text(const YAML::Node& n, const Site& site,
                                     const std::string& expected, LoadContext& ctx);
std::optional<Date> read_date(const YAML::Node& n, const Site& site, LoadContext& ctx);
// Index of the chosen word in `choices`.
std::optional<std::size_t> read_choice(const YAML::Node& n, const Site& site,
                                       std::span<const std::string_view> choices, LoadContext& ctx);

inline constexpr const char* kExpectedDate = "a date YYYY-MM or YYYY-MM-DD";

}  // namespace zhili::scenario_detail
