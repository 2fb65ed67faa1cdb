#include <cstdio>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format.hpp"
#include "cli/headline.hpp"
#include "core/calendar.hpp"
#include "io/result_reader.hpp"

namespace zhili {

int info_command(const InfoArgs& args) {
  try {
    const ResultReader r(args.result, OpenCheck::in_child_process);
    const auto& m = r.metadata();
    const auto dates = r.dates();
    std::printf("file:      %s\n", args.result.c_str());
    std::printf("scenario:  %s (%s)\n", m.scenario_name.c_str(), m.scenario_path.c_str());
    std::printf("program:   zhili %s (%s)\n", m.program_version.c_str(), m.git_commit.c_str());
    std::printf("started:   %s, %d threads, seed %llu\n", m.start_time.c_str(), m.threads,
                static_cast<unsigned long long>(m.seed));
    // A continued run's rows begin at its checkpoint's step.
    std::printf("steps:     %lld of %lld planned (%s steps from %s", static_cast<long long>(m.first_step + r.steps_done()),
                static_cast<long long>(m.steps_planned), m.step_unit.c_str(), m.calendar_start.c_str());
    if (!dates.empty()) std::printf(", last step %s", dates.back().c_str());
    std::printf(")\n");
    std::string status = to_string(r.status());
    if (r.status() == RunStatus::running)
      status += " (still being written, or the writer was killed: rows up to the last flush are valid)";
    std::printf("status:    %s, wall time %.2f s\n", status.c_str(), r.wall_seconds());
    if (!m.continued_from.empty())
      std::printf("continued: from %s at step %lld (%s)\n", m.continued_from.c_str(),
                  static_cast<long long>(m.branch_step),
                  m.first_step == 0 ? "the rows before it copied from the run that wrote the checkpoint"
                                    : "the file starts there");
    if (!m.overrides.empty()) {  // stored one per line: each under the label's column
      const char* label = "overrides: ";
      std::size_t begin = 0;
      while (begin < m.overrides.size()) {
        std::size_t end = m.overrides.find('\n', begin);
        if (end == std::string::npos) end = m.overrides.size();
        if (end > begin) {
          std::printf("%s%s\n", label, m.overrides.substr(begin, end - begin).c_str());
          label = "           ";
        }
        begin = end + 1;
      }
    }

    std::vector<SeriesSpec> series;
    std::vector<double> last;
    if (r.steps_done() > 0) {
      for (const auto& name : r.observable_names()) {
        const auto info = r.observable_info(name);
        const auto row = r.read_observable(name, r.steps_done() - 1, 1);
        series.push_back(info.spec);
        last.insert(last.end(), row.begin(), row.end());
      }
      std::printf("observables (value at the last step):\n");
      print_series_table(stdout, series, last);
      for (const auto& text : args.at) {
        const auto date = parse_date(text);
        if (!date) {
          std::fprintf(stderr, "zhili: --at %s: expected a date YYYY-MM or YYYY-MM-DD\n", text.c_str());
          return exit_code::bad_input;
        }
        // The row whose step starts on or before the date and is the latest such.
        const std::string want = format_date(*date);
        std::int64_t row = -1;
        for (std::size_t i = 0; i < dates.size() && dates[i] <= want; ++i) row = static_cast<std::int64_t>(i);
        if (row < 0) {
          std::fprintf(stderr, "zhili: --at %s: before the first step (%s)\n", text.c_str(), dates.front().c_str());
          return exit_code::bad_input;
        }
        std::vector<double> values;
        for (const auto& spec : series) {
          const auto v = r.read_observable(spec.name, row, 1);
          values.insert(values.end(), v.begin(), v.end());
        }
        std::printf("observables at %s (step %lld, dated %s):\n", text.c_str(), static_cast<long long>(row),
                    dates[static_cast<std::size_t>(row)].c_str());
        print_series_table(stdout, series, values);
      }
      for (const int year : args.years) {
        const auto rows = rows_of_year(r, year);
        if (!rows) {
          std::fprintf(stderr, "zhili: --year %d: no step of the run is dated in it (%s to %s)\n", year,
                       dates.front().c_str(), dates.back().c_str());
          return exit_code::bad_input;
        }
        print_headline(stdout, r, *rows);
        std::vector<SeriesSpec> yearly;
        std::vector<double> values;
        for (const auto& spec : series) {
          SeriesSpec y = spec;
          y.unit = year_unit(spec.unit);
          yearly.push_back(y);
          const auto v = year_values(r, spec, *rows);
          values.insert(values.end(), v.begin(), v.end());
        }
        std::printf("observables over %d (flows summed per year, the rest averaged over its %lld steps):\n", year,
                    static_cast<long long>(rows->count));
        print_series_table(stdout, yearly, values);
      }
      if (args.years.empty())
        if (const auto y = last_year(r)) print_headline(stdout, r, *y);
      const auto maps = r.maps();
      if (!maps.empty()) {
        std::printf("maps (%d x %d cells):", r.map_width(), r.map_height());
        for (const auto& mp : maps) std::printf(" %s", mp.name.c_str());
        std::printf("\n");
      }
      std::printf("levers (value at the last step):\n");
      for (const auto& name : r.lever_names()) {
        const auto v = r.read_lever(name);
        if (!v.empty()) std::printf("  %s = %g\n", name.c_str(), v.back());
      }
    }
    return exit_code::ok;
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::output_error;
  }
}

}  // namespace zhili
