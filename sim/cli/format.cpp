#include "cli/format.hpp"

#include <cmath>

namespace zhili {

namespace {
std::string with_separators(long long v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}
}  // namespace

std::string format_value(double value, const std::string& unit) {
  char buf[64];
  if (std::isnan(value)) return "n/a";
  if (unit == "1") {
    std::snprintf(buf, sizeof buf, "%.2f %%", value * 100.0);
    return buf;
  }
  if (std::fabs(value) >= 1000 && std::fabs(value - std::round(value)) < 1e-9)
    return with_separators(std::llround(value)) + " " + unit;
  std::snprintf(buf, sizeof buf, "%.4g", value);
  return std::string(buf) + " " + unit;
}

void print_series_table(std::FILE* out, const std::vector<SeriesSpec>& series,
                        const std::vector<double>& row) {
  std::size_t width = 0;
  for (const auto& s : series) width = std::max(width, s.name.size());
  std::size_t k = 0;
  for (const auto& s : series) {
    if (k + s.width() > row.size()) break;
    if (s.labels.empty()) {
      std::fprintf(out, "  %-*s  %s\n", static_cast<int>(width), s.name.c_str(),
                   format_value(row[k], s.unit).c_str());
    } else {
      std::string line;
      for (std::size_t j = 0; j < s.labels.size(); ++j)
        line += (j ? ", " : "") + s.labels[j] + " " + format_value(row[k + j], s.unit);
      std::fprintf(out, "  %-*s  %s\n", static_cast<int>(width), s.name.c_str(), line.c_str());
    }
    k += s.width();
  }
}

}  // namespace zhili
