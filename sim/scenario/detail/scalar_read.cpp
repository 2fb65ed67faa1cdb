#include "scenario/detail/scalar_read.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "scenario/messages.hpp"
#include "scenario/suggest.hpp"

namespace zhili::scenario_detail {

namespace {

constexpr std::string_view kYamlInt = "tag:yaml.org,2002:int";
constexpr std::string_view kYamlFloat = "tag:yaml.org,2002:float";
constexpr std::string_view kYamlBool = "tag:yaml.org,2002:bool";

// "?" is yaml-cpp's tag for a plain (unquoted, untagged) scalar; a quoted
// scalar gets "!" and is a string by YAML's rules, never a number.
bool is_plain_or_tagged(const YAML::Node& n, std::string_view tag) {
  return n.IsScalar() && (n.Tag() == "?" || n.Tag() == tag);
}

bool is_quoted(const YAML::Node& n) { return n.IsScalar() && n.Tag() == "!"; }

std::string quote_hint(const YAML::Node& n) {
  return is_quoted(n) ? "remove the quotes: a quoted value is a string" : "";
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_non_finite_word(std::string_view text) {
  std::string t(text);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.erase(0, 1);
  return t == ".nan" || t == ".inf" || t == "nan" || t == "inf" || t == "infinity";
}

std::string bound_text(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  // Whole bounds as plain integers ("1000000000", not "1e+09"): they are read by people.
  if (x == std::floor(x) && std::fabs(x) < 1e16) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  return number_text(x);
}

}  // namespace

std::string pair_text(std::string_view a, std::string_view b) {
  std::string out = "[";
  out.append(a).append(", ").append(b).append("]");
  return out;
}

std::string IntRange::text() const { return pair_text(std::to_string(lo), std::to_string(hi)); }
std::string IntRange::expected() const { return "an integer in " + text(); }

bool NumRange::contains(double x) const {
  const bool above = lo_open ? x > lo : x >= lo;
  const bool below = std::isinf(hi) ? true : (hi_open ? x < hi : x <= hi);
  return above && below;
}

std::string NumRange::text() const {
  if (std::isinf(lo) && std::isinf(hi)) return "(-inf, inf)";
  if (std::isinf(hi)) return std::string(lo_open ? "> " : ">= ") + bound_text(lo);
  std::string out = lo_open ? "(" : "[";
  out.append(bound_text(lo)).append(", ").append(bound_text(hi)).append(hi_open ? ")" : "]");
  return out;
}

std::string NumRange::expected() const {
  if (std::isinf(lo) && std::isinf(hi)) return "a finite number";
  return std::isinf(hi) ? "a number " + text() : "a number in " + text();
}

std::string found_text(const YAML::Node& n) {
  switch (n.Type()) {
    // With its size: "expected a sequence [start, end] of 2 numbers" against
    // a bare "found a sequence" read as no mistake at all.
    case YAML::NodeType::Map:
      return n.size() == 0 ? "an empty mapping"
                           : "a mapping of " + std::to_string(n.size()) + (n.size() == 1 ? " key" : " keys");
    case YAML::NodeType::Sequence:
      return n.size() == 0 ? "an empty sequence"
                           : "a sequence of " + std::to_string(n.size()) + (n.size() == 1 ? " item" : " items");
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Undefined:
      return "nothing";
    case YAML::NodeType::Scalar:
      break;
  }
  std::string text;
  for (char c : n.Scalar()) {
    if (c == '\n')
      text += "\\n";
    else if (c == '\t')
      text += "\\t";
    else
      text += c;
  }
  constexpr std::size_t kMax = 60;  // one diagnostic stays one readable line
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  if (is_quoted(n)) return "\"" + text + "\"";
  return text.empty() ? "an empty string" : text;
}

std::optional<std::int64_t> parse_integer_text(std::string_view text, bool& overflow) {
  overflow = false;
  std::string_view digits = text;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  if (!all_digits(digits)) return std::nullopt;
  // from_chars reads a leading '-' but not '+'.
  std::string clean(text[0] == '+' ? text.substr(1) : text);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (ec == std::errc::result_out_of_range) {
    overflow = true;
    return std::nullopt;
  }
  if (ec != std::errc{} || end != clean.data() + clean.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_number_text(std::string_view text, bool& overflow) {
  overflow = false;
  // YAML core schema decimal: [-+]? (digits [. digits*] | . digits) ([eE] [-+]? digits)?
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++int_digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!all_digits(text.substr(i))) return std::nullopt;
    i = text.size();
  }
  if (i != text.size()) return std::nullopt;
  std::string clean(text.substr(text[0] == '+' ? 1 : 0));
  double v = 0;
  auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (ec == std::errc::result_out_of_range) {
    overflow = true;
    return std::nullopt;
  }
  if (ec != std::errc{} || end != clean.data() + clean.size() || !std::isfinite(v))
    return std::nullopt;
  return v + 0.0;  // -0.0 + 0.0 == +0.0: "-0" is zero, and prints back as "0"
}

std::string number_text(double x) {
  char buf[64];
  // The shortest text that reads back as x; 64 bytes always suffice for a double.
  const auto result = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, result.ptr);
}

std::optional<std::int64_t> read_integer(const YAML::Node& n, const Site& site, const IntRange& r,
                                         LoadContext& ctx) {
  if (!is_plain_or_tagged(n, kYamlInt)) {
    ctx.reject(site, kWrongType, found_text(n), r.expected(), quote_hint(n));
    return std::nullopt;
  }
  bool overflow = false;
  auto v = parse_integer_text(n.Scalar(), overflow);
  if (overflow || (v && (*v < r.lo || *v > r.hi))) {
    ctx.reject(site, kOutOfRange, found_text(n), r.expected());
    return std::nullopt;
  }
  if (!v) {
    bool ignored = false;
    const bool is_number = parse_number_text(n.Scalar(), ignored).has_value() || ignored;
    ctx.reject(site, kWrongType, found_text(n), r.expected(),
               is_number ? "write a whole number, without a decimal point or exponent" : "");
    return std::nullopt;
  }
  return v;
}

std::optional<double> read_number(const YAML::Node& n, const Site& site, const NumRange& r,
                                  LoadContext& ctx) {
  const bool plain = is_plain_or_tagged(n, kYamlFloat) || is_plain_or_tagged(n, kYamlInt);
  if (plain && is_non_finite_word(n.Scalar())) {
    ctx.reject(site, kInvalidValue, found_text(n), r.expected(),
               "NaN and infinity are not allowed");
    return std::nullopt;
  }
  if (!plain) {
    ctx.reject(site, kWrongType, found_text(n), r.expected(), quote_hint(n));
    return std::nullopt;
  }
  bool overflow = false;
  auto v = parse_number_text(n.Scalar(), overflow);
  if (overflow || (v && !r.contains(*v))) {
    ctx.reject(site, kOutOfRange, found_text(n), r.expected());
    return std::nullopt;
  }
  if (!v) {
    ctx.reject(site, kWrongType, found_text(n), r.expected());
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(const YAML::Node& n, const Site& site, LoadContext& ctx) {
  if (is_plain_or_tagged(n, kYamlBool)) {
    const std::string& t = n.Scalar();
    if (t == "true" || t == "True" || t == "TRUE") return true;
    if (t == "false" || t == "False" || t == "FALSE") return false;
  }
  // yes/no/on/off are booleans in YAML 1.1 but strings in 1.2: refuse the ambiguity.
  ctx.reject(site, kWrongType, found_text(n), "true or false", quote_hint(n));
  return std::nullopt;
}

std::optional<std::string> read_text(const YAML::Node& n, const Site& site,
                                     const std::string& expected, LoadContext& ctx) {
  if (!n.IsScalar()) {
    ctx.reject(site, kWrongType, found_text(n), expected);
    return std::nullopt;
  }
  // Plain, quoted or !!str only: "!!binary aGk=" would otherwise be read as
  // the text "aGk=", not what the tag says.
  if (n.Tag() != "?" && n.Tag() != "!" && n.Tag() != "tag:yaml.org,2002:str") {
    const std::string tag = n.Tag().rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + n.Tag().substr(18) : n.Tag();
    ctx.reject(site, kWrongType, tag + " " + found_text(n), expected, "YAML tags are not read: write the value plainly");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<Date> read_date(const YAML::Node& n, const Site& site, LoadContext& ctx) {
  auto text = read_text(n, site, kExpectedDate, ctx);
  if (!text) return std::nullopt;
  auto d = parse_date(*text);
  if (!d) ctx.reject(site, kInvalidValue, found_text(n), kExpectedDate);
  return d;
}

std::optional<std::size_t> read_choice(const YAML::Node& n, const Site& site,
                                       std::span<const std::string_view> choices,
                                       LoadContext& ctx) {
  std::string expected = "one of ";
  std::vector<std::string> names;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    expected += (i ? ", " : "") + std::string(choices[i]);
    names.emplace_back(choices[i]);
  }
  auto text = read_text(n, site, expected, ctx);
  if (!text) return std::nullopt;
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (*text == choices[i]) return i;
  auto close = closest_match(*text, names);
  ctx.reject(site, kInvalidValue, found_text(n), expected, close ? did_you_mean({*close}) : "");
  return std::nullopt;
}

}  // namespace zhili::scenario_detail
