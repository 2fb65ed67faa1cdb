#include "data/export.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "core/csv_text.hpp"
#include "data/decimal_year.hpp"
#include "data/timeline.hpp"

namespace zhili::view {

namespace {
std::string number(double v) {
  if (std::isnan(v)) return "";
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}
}  // namespace

std::string observable_csv(const std::vector<RunData*>& runs, const std::vector<std::string>& labels,
                           const std::string& observable) {
  std::vector<RunData*> with;
  std::vector<std::string> names;
  std::vector<std::span<const double>> times;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!runs[i]->find_observable(observable)) continue;
    with.push_back(runs[i]);
    names.push_back(i < labels.size() ? labels[i] : runs[i]->path());
    times.emplace_back(runs[i]->times());
  }
  std::string out = "date";
  for (std::size_t r = 0; r < with.size(); ++r) {
    const SeriesSpec& spec = with[r]->find_observable(observable)->spec;
    for (std::size_t c = 0; c < spec.width(); ++c) {
      // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "," + std::string.
      out += ',';
      out += csv_field(spec.labels.empty() ? names[r] : names[r] + ':' + spec.labels[c]);
    }
  }
  out += "\n";
  const CommonTimeline timeline(times);
  for (double t : timeline.times()) {
    out += date_label(t);
    for (RunData* run : with) {
      const std::size_t width = run->find_observable(observable)->spec.width();
      for (std::size_t c = 0; c < width; ++c) {
        out += ',';
        out += number(run->value_at(observable, c, t));
      }
    }
    out += "\n";
  }
  return out;
}

void write_text_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  if (!f || !(f << text) || !f.flush()) throw std::runtime_error("cannot write '" + path + "'");
}

}  // namespace zhili::view
