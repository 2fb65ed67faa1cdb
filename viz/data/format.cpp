#include "data/format.hpp"

#include <cmath>
#include <cstdio>

namespace zhili::view {

namespace {
std::string with_separators(long long v) {
  const std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

std::string with_unit(const std::string& number, const std::string& unit) {
  return unit.empty() ? number : number + " " + unit;
}

std::string plain(double value, const std::string& unit, bool sign) {
  char buf[64];
  if (std::fabs(value) >= 1000 && std::fabs(value - std::round(value)) < 1e-9) {
    const std::string s = with_separators(std::llround(value));
    return with_unit(sign && value > 0 ? "+" + s : s, unit);
  }
  std::snprintf(buf, sizeof buf, sign ? "%+.4g" : "%.4g", value);
  return with_unit(buf, unit);
}
}  // namespace

std::string format_value(double value, const std::string& unit) {
  if (std::isnan(value)) return "n/a";
  if (unit == "1") {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f %%", value * 100.0);
    return buf;
  }
  return plain(value, unit, false);
}

std::string format_difference(double diff, const std::string& unit) {
  if (std::isnan(diff)) return "n/a";
  if (diff == 0.0) return unit == "1" ? "0 pp" : with_unit("0", unit);  // no sign: nothing changed
  if (unit == "1") {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%+.2f pp", diff * 100.0);
    return buf;
  }
  return plain(diff, unit, true);
}

double display_value(double value, const std::string& unit) { return unit == "1" ? value * 100.0 : value; }

}  // namespace zhili::view
