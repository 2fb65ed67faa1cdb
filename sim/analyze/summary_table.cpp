#include "analyze/summary_table.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "analyze/csv.hpp"

namespace zhili::analyze {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

double number(const CsvTable& t, const CsvRow& row, std::size_t col) {
  const CsvField& f = row.fields[col];
  if (f.text == "NaN" || f.text == "nan") return std::nan("");
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(f.text.c_str(), &end);
  if (f.text.empty() || *end != '\0' || errno == ERANGE)
    throw CsvError(t.file, row.line, f.column,
                   "column '" + t.header[col] + "': not a number (found '" + f.text + "')");
  return v;
}

int integer(const CsvTable& t, const CsvRow& row, std::size_t col) {
  const CsvField& f = row.fields[col];
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(f.text.c_str(), &end, 10);
  if (f.text.empty() || *end != '\0' || errno == ERANGE || v < 0 || v > 100000000)
    throw CsvError(t.file, row.line, f.column,
                   "column '" + t.header[col] + "': not a run, point or replicate number (found '" + f.text +
                       "', expected an integer >= 0)");
  return static_cast<int>(v);
}

}  // namespace

int Summary::outcome_index(const std::string& column) const {
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    if (outcomes[i] == column) return static_cast<int>(i);
  return -1;
}

Summary read_summary(const std::string& path) {
  const CsvTable t = read_csv(path);
  Summary s;
  s.file = path;
  const char* fixed[] = {"run", "point", "replicate", "seed"};
  for (std::size_t i = 0; i < 4; ++i)
    if (t.header.size() <= i || t.header[i] != fixed[i])
      throw CsvError(path, 1, 1, "header does not start with run,point,replicate,seed (not a zhili sweep summary?)");
  // Factors come before the first outcome column; outcome columns end in
  // ":final" or ":mean" (docs/SWEEPS.md), factor keys never hold a colon.
  std::size_t c = 4;
  for (; c < t.header.size() && !ends_with(t.header[c], ":final") && !ends_with(t.header[c], ":mean"); ++c)
    s.factors.push_back(t.header[c]);
  const std::size_t first_outcome = c;
  for (; c < t.header.size(); ++c) s.outcomes.push_back(t.header[c]);
  if (s.outcomes.empty()) throw CsvError(path, 1, 1, "no outcome columns (NAME:final, NAME:mean) in the header");
  if (t.rows.empty()) throw CsvError(path, 2, 1, "no runs (the header alone)");

  int highest_line = 0, highest_point = -1;  // for a gap in the points: the row that made it
  for (const auto& row : t.rows) {
    SummaryRun r;
    r.run = integer(t, row, 0);
    r.point = integer(t, row, 1);
    r.replicate = integer(t, row, 2);
    for (std::size_t o = first_outcome; o < t.header.size(); ++o) r.values.push_back(number(t, row, o));
    const auto p = static_cast<std::size_t>(r.point);
    if (r.point > highest_point) {
      highest_point = r.point;
      highest_line = row.line;
    }
    if (p >= s.point_values.size()) {
      s.point_values.resize(p + 1);
      s.point_runs.resize(p + 1);
    }
    std::vector<std::string> values;
    for (std::size_t f = 4; f < first_outcome; ++f) values.push_back(row.fields[f].text);
    if (s.point_runs[p].empty()) s.point_values[p] = values;
    else if (s.point_values[p] != values)
      throw CsvError(path, row.line, 1,
                     "point " + std::to_string(r.point) + " has other factor values than on an earlier row");
    s.point_runs[p].push_back(static_cast<int>(s.runs.size()));
    s.runs.push_back(std::move(r));
  }
  for (std::size_t p = 0; p < s.point_runs.size(); ++p)
    if (s.point_runs[p].empty())
      throw CsvError(path, highest_line, 1,
                     "point " + std::to_string(p) + " has no run, but point " + std::to_string(highest_point) +
                         " (this row) does: points are numbered from 0 without gaps (an incomplete summary?)");
  return s;
}

DesignInfo read_design(const std::string& path, const Summary& summary) {
  DesignInfo d;
  if (!std::filesystem::exists(path)) return d;
  const CsvTable t = read_csv(path);
  const char* fixed[] = {"point", "design", "block", "row"};
  for (std::size_t i = 0; i < 4; ++i)
    if (t.header.size() <= i || t.header[i] != fixed[i])
      throw CsvError(path, 1, 1, "header does not start with point,design,block,row");
  if (std::vector<std::string>(t.header.begin() + 4, t.header.end()) != summary.factors)
    throw CsvError(path, 1, 1, "its factors differ from those of " + summary.file + " (another sweep's design?)");
  if (t.rows.size() != summary.point_values.size())
    throw CsvError(path, 0, 0,
                   std::to_string(t.rows.size()) + " design points, but " + summary.file + " has " +
                       std::to_string(summary.point_values.size()));
  for (std::size_t p = 0; p < t.rows.size(); ++p) {
    const auto& row = t.rows[p];
    if (integer(t, row, 0) != static_cast<int>(p))
      throw CsvError(path, row.line, 1, "points out of order (expected point " + std::to_string(p) + ")");
    // The same values as the summary gives the point (both written by the
    // sweep, in the same format): else another sweep's design, or an edit.
    for (std::size_t f = 0; f < summary.factors.size(); ++f)
      if (row.fields[4 + f].text != summary.point_values[p][f])
        throw CsvError(path, row.line, 1,
                       "point " + std::to_string(p) + " has " + summary.factors[f] + " = " + row.fields[4 + f].text +
                           ", but " + summary.point_values[p][f] + " in " + summary.file);
    if (p == 0) d.kind = row.fields[1].text;
    d.block.push_back(row.fields[2].text);
    d.row.push_back(integer(t, row, 3));
  }
  if (d.kind == "saltelli") {
    for (std::size_t p = 0; p < d.block.size() && d.block[p] == "A"; ++p) d.samples = static_cast<int>(p) + 1;
    const std::size_t k = summary.factors.size();
    if (d.samples == 0 || d.block.size() != static_cast<std::size_t>(d.samples) * (k + 2))
      throw CsvError(path, 0, 0,
                     "a Saltelli design of " + std::to_string(k) + " factors has N (k + 2) points with N rows of A; found " +
                         std::to_string(d.block.size()) + " points");
  }
  return d;
}

}  // namespace zhili::analyze
