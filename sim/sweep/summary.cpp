#include "sweep/summary.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/read_file.hpp"
#include "io/result_reader.hpp"

namespace zhili::sweep {

namespace {

// What a policy study usually compares (issue 7): urbanization and its
// segregation, the labour market and inequality, the services' coverage,
// gap, trips and cost, and grievance, complaints, disputes and conflict.
// Only those the run reports are taken.
const std::vector<std::string> kDefaultOutcomes = {
    "migrant_share",   "floating_population", "content_share",  "dissimilarity",
    "urban_share",     "urban_employment_rate", "gini",         "urban_rural_income_ratio",
    "coverage",        "coverage_by_group",   "coverage_gap",   "trips_per_case",
    "one_trip_share",  "cost_per_case",       "service_cost",   "grievance",
    "grievance_by_group", "legitimacy",       "answered_share", "clearance_rate",
    "active_share",    "conflict_rate",       "social_cost",    "budget_per_year"};

const SeriesSpec* find_series(const std::vector<SeriesSpec>& series, const std::string& name) {
  for (const auto& s : series)
    if (s.name == name) return &s;
  return nullptr;
}

void add_all_columns(const SeriesSpec& s, std::vector<Outcome>& out) {
  if (s.labels.empty()) out.push_back({s.name, ""});
  for (const auto& l : s.labels) out.push_back({s.name, l});
}

}  // namespace

std::vector<Outcome> resolve_outcomes(const std::vector<std::string>& requested,
                                      const std::vector<SeriesSpec>& series, std::vector<std::size_t>& unknown) {
  std::vector<Outcome> out;
  if (requested.empty()) {
    for (const auto& name : kDefaultOutcomes)
      if (const auto* s = find_series(series, name)) add_all_columns(*s, out);
    return out;
  }
  for (std::size_t i = 0; i < requested.size(); ++i) {
    const auto& r = requested[i];
    const auto slash = r.find('/');
    const SeriesSpec* s = find_series(series, r.substr(0, slash));
    if (!s) {
      unknown.push_back(i);
    } else if (slash == std::string::npos) {
      add_all_columns(*s, out);
    } else {
      const std::string label = r.substr(slash + 1);
      bool found = false;
      for (const auto& l : s->labels) found |= l == label;
      if (found) out.push_back({s->name, label});
      else unknown.push_back(i);
    }
  }
  return out;
}

OutcomeAccumulator::OutcomeAccumulator(const std::vector<Outcome>& outcomes, const std::vector<SeriesSpec>& series)
    : final_(outcomes.size(), std::nan("")), sum_(outcomes.size(), 0.0), count_(outcomes.size(), 0) {
  for (const auto& o : outcomes) {
    std::ptrdiff_t offset = 0, col = -1;
    for (const auto& s : series) {
      if (s.name == o.name) {
        if (o.label.empty() && s.labels.empty()) col = offset;
        for (std::size_t l = 0; l < s.labels.size(); ++l)
          if (s.labels[l] == o.label) col = offset + static_cast<std::ptrdiff_t>(l);
        break;
      }
      offset += static_cast<std::ptrdiff_t>(s.width());
    }
    column_.push_back(col);
  }
}

void OutcomeAccumulator::add(std::span<const double> row) {
  for (std::size_t i = 0; i < column_.size(); ++i) {
    const double v = column_[i] < 0 ? std::nan("") : row[static_cast<std::size_t>(column_[i])];
    final_[i] = v;
    if (!std::isnan(v)) {  // a step without cases has no coverage: left out of the mean
      sum_[i] += v;
      ++count_[i];
    }
  }
}

std::vector<double> OutcomeAccumulator::values() const {
  std::vector<double> out;
  for (std::size_t i = 0; i < column_.size(); ++i) {
    out.push_back(final_[i]);
    out.push_back(count_[i] > 0 ? sum_[i] / static_cast<double>(count_[i]) : std::nan(""));
  }
  return out;
}

std::vector<double> outcome_values(const ResultReader& reader, const std::vector<Outcome>& outcomes) {
  std::vector<SeriesSpec> series;
  for (const auto& name : reader.observable_names()) series.push_back(reader.observable_info(name).spec);
  OutcomeAccumulator acc(outcomes, series);
  // The file's rows, reassembled into the engine's row layout, in step order:
  // the same additions in the same order as while running, so the same bits.
  std::vector<std::vector<double>> columns;
  for (const auto& s : series) columns.push_back(reader.read_observable(s.name));
  const std::int64_t steps = reader.steps_done();
  std::vector<double> row;
  for (std::int64_t k = 0; k < steps; ++k) {
    row.clear();
    for (std::size_t i = 0; i < series.size(); ++i) {
      const std::size_t w = series[i].width();
      const auto first = columns[i].begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(k) * w);
      row.insert(row.end(), first, first + static_cast<std::ptrdiff_t>(w));
    }
    acc.add(row);
  }
  return acc.values();
}

std::string row_prefix(const PlannedRun& run, const DesignPoint& values) {
  std::string out = std::to_string(run.id) + "," + std::to_string(run.point) + "," + std::to_string(run.replicate) +
                    "," + std::to_string(run.seed);
  for (const auto& v : values) {
    out += ',';
    out += csv_field(v);
  }
  return out;
}

std::string summary_header(const SweepSpec& spec, const std::vector<Outcome>& outcomes) {
  std::string out = "run,point,replicate,seed";
  for (const auto& f : spec.factors) {
    out += ',';
    out += csv_field(f.key);
  }
  for (const auto& o : outcomes) {
    out += ',';
    out += csv_field(o.header() + ":final");
    out += ',';
    out += csv_field(o.header() + ":mean");
  }
  return out + "\n";
}

std::string summary_row(const std::string& prefix, const std::vector<double>& values) {
  std::string out = prefix;
  for (double v : values) {
    out += ',';
    out += csv_number(v);
  }
  return out + "\n";
}

void write_file_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    f.flush();
    if (!f) throw std::runtime_error("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw std::runtime_error("cannot rename " + tmp + " to " + path + ": " + ec.message());
}

std::string read_text_file(const std::string& path) {
  std::string text;
  if (!read_whole_file(path, text).empty()) return "";
  return text;
}

}  // namespace zhili::sweep
