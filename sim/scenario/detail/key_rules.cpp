#include "scenario/detail/key_rules.hpp"

#include <cstdio>

#include "scenario/messages.hpp"

namespace zhili::scenario_detail {

std::string quoted_text(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;  // UTF-8 passes through: YAML files are UTF-8
    }
  }
  return out + "\"";
}

void bind_cell(const ValueInput& in, LoadContext& ctx, CellXY& out) {
  static const std::string kExpected = "a sequence [x, y] of 2 integers";
  if (!in.value.IsSequence() || in.value.size() != 2) {
    ctx.reject({in.path, in.value_at}, kWrongType, found_text(in.value), kExpected);
    return;
  }
  int xy[2] = {0, 0};
  bool ok = true;
  for (std::size_t i = 0; i < 2; ++i) {
    const YAML::Node element = in.value[i];
    bool overflow = false;
    std::optional<std::int64_t> v;
    if (element.IsScalar() && element.Tag() == "?")
      v = parse_integer_text(element.Scalar(), overflow);
    // Any integer is a cell, on the map or not; consistency.cpp says which.
    if (v && *v >= INT32_MIN && *v <= INT32_MAX) {
      xy[i] = static_cast<int>(*v);
      continue;
    }
    ok = false;
    const bool too_big = overflow || v.has_value();
    ctx.reject({in.path, in.at(element)}, too_big ? kOutsideMap : kWrongType, found_text(element),
               kExpected);
  }
  if (ok) out = CellXY{xy[0], xy[1]};
}

}  // namespace zhili::scenario_detail
