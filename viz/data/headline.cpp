#include "data/headline.hpp"

#include <array>
#include <cmath>
#include <string_view>

namespace zhili::view {

namespace {

constexpr std::array<HeadlineSpec, 7> kHeadlines{{
    {"coverage_by_group", "migrant", false},
    {"coverage_by_group", "registered", false},
    {"trips_per_case", "", false},
    {"complaints_rate", "*", false},
    {"conflict_rate", "", false},
    {"urban_employment_rate", "", true},
    {"urban_share", "", false},
}};

// The value of `spec` in one row (before the complement), NaN if absent.
double row_value(const SeriesInfo& info, const std::vector<double>& values, std::size_t row, const HeadlineSpec& spec) {
  const std::size_t width = info.spec.width();
  const double* r = values.data() + row * width;
  if (std::string_view(spec.label) == "*") {
    double sum = 0.0;
    for (std::size_t c = 0; c < width; ++c) {
      if (std::isnan(r[c])) return NAN;
      sum += r[c];
    }
    return sum;
  }
  if (spec.label[0] == '\0') return width == 1 ? r[0] : NAN;
  for (std::size_t c = 0; c < info.spec.labels.size(); ++c)
    if (info.spec.labels[c] == spec.label) return r[c];
  return NAN;
}

// Mean over rows [first, last] of the spec's value, NaN rows skipped.
double mean_of_rows(RunData& run, const HeadlineSpec& spec, std::int64_t first, std::int64_t last) {
  const SeriesInfo* info = run.find_observable(spec.observable);
  if (!info || last < first) return NAN;
  const auto& values = run.series(spec.observable);
  const auto rows = static_cast<std::int64_t>(std::min(run.times().size(), values.size() / info->spec.width()));
  double sum = 0.0;
  int n = 0;
  for (std::int64_t r = std::max<std::int64_t>(0, first); r <= std::min(last, rows - 1); ++r) {
    const double v = row_value(*info, values, static_cast<std::size_t>(r), spec);
    if (std::isnan(v)) continue;
    sum += v;
    ++n;
  }
  if (n == 0) return NAN;
  const double mean = sum / n;
  return spec.complement ? 1.0 - mean : mean;
}

// A step's time is its start; a year after the start of row r is the start
// of the row twelve months later, so "within a year" is t' > t - 1 with a
// tolerance for decimal-year rounding.
constexpr double kEps = 1e-9;

}  // namespace

std::span<const HeadlineSpec> headline_specs() { return kHeadlines; }

double year_mean_to(RunData& run, const HeadlineSpec& spec, double t) {
  const std::int64_t last = run.row_at(t);
  if (last < 0) return NAN;
  const auto& times = run.times();
  std::int64_t first = last;
  while (first > 0 && times[static_cast<std::size_t>(first - 1)] > times[static_cast<std::size_t>(last)] - 1.0 + kEps)
    --first;
  return mean_of_rows(run, spec, first, last);
}

double first_year_mean(RunData& run, const HeadlineSpec& spec) {
  const auto& times = run.times();
  if (times.empty()) return NAN;
  std::int64_t last = 0;
  while (static_cast<std::size_t>(last + 1) < times.size() && times[static_cast<std::size_t>(last + 1)] < times[0] + 1.0 - kEps)
    ++last;
  return mean_of_rows(run, spec, 0, last);
}

std::vector<HeadlineFigure> headline_figures(RunData& shown, RunData* reference, double t) {
  std::vector<HeadlineFigure> out;
  for (const HeadlineSpec& spec : kHeadlines) {
    const SeriesInfo* info = shown.find_observable(spec.observable);
    if (!info) continue;
    HeadlineFigure f;
    f.spec = &spec;
    f.row.name = spec.observable;
    f.row.label = std::string_view(spec.label) == "*" ? "" : spec.label;
    f.row.unit = info->spec.unit;
    f.row.better = info->spec.better;
    if (spec.complement && f.row.better != Better::neither)
      f.row.better = f.row.better == Better::higher ? Better::lower : Better::higher;
    f.row.b = year_mean_to(shown, spec, t);
    f.row.a = reference ? year_mean_to(*reference, spec, t) : first_year_mean(shown, spec);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace zhili::view
