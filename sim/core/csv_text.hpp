// Writing CSV fields (RFC 4180), for every CSV that zhili writes: the sweep
// summary, `zhili analyze`'s tables and the viewer's exports.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace zhili {

// A field as it goes into a CSV line: quoted, with its quotes doubled, when
// it holds a comma, a quote or a line break; as it is otherwise.
inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

// A number with 12 significant digits; NaN as "NaN" (what the readers of
// zhili's tables accept, docs/SWEEPS.md).
inline std::string csv_number(double v) {
  if (std::isnan(v)) return "NaN";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return buf;
}

}  // namespace zhili
