// zhili analyze DIR: reads a finished sweep (DIR/summary.csv, DIR/design.csv)
// and writes DIR/analysis/: points.csv, ranking.csv, sobol.csv, pareto.csv,
// report.md and its figures (docs/SWEEPS.md, "Analysis").
#include <cstdio>
#include <filesystem>

#include "analyze/csv.hpp"
#include "analyze/report.hpp"
#include "cli/analyze_figures.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "sweep/summary.hpp"

namespace zhili {

namespace fs = std::filesystem;

int analyze_command(const AnalyzeArgs& args) {
  const fs::path dir(args.dir);
  const std::string summary_path = (dir / "summary.csv").string();
  if (!fs::exists(summary_path)) {
    std::fprintf(stderr,
                 "zhili: %s: no summary: DIR is not a sweep's output folder, or the sweep is not complete "
                 "(run `zhili sweep` again to finish it)\n",
                 summary_path.c_str());
    return exit_code::bad_input;
  }
  analyze::Analysis a;
  try {
    analyze::Summary summary = analyze::read_summary(summary_path);
    analyze::DesignInfo design = analyze::read_design((dir / "design.csv").string(), summary);
    analyze::AnalyzeOptions opt;
    opt.rank = args.rank;
    opt.ascending = args.ascending;
    // Named objectives must exist; the defaults are used where they do.
    for (const auto& [given, field] : {std::pair{&args.cost, &opt.cost}, std::pair{&args.coverage, &opt.coverage},
                                       std::pair{&args.conflict, &opt.conflict}})
      if (!given->empty()) {
        *field = *given;
        opt.named_objectives.push_back(*given);
      }
    opt.sobol.resamples = args.resamples;
    a = analyze::analyze_sweep(std::move(summary), std::move(design), opt);
  } catch (const analyze::CsvError& e) {
    std::fprintf(stderr, "%s\nzhili: nothing was written.\n", e.what());
    return exit_code::bad_input;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::bad_input;
  }

  const fs::path out = dir / "analysis";
  std::vector<analyze::Figure> figures;
  std::string note;
  try {
    fs::create_directories(out);
    sweep::write_file_atomically((out / "points.csv").string(), analyze::points_csv(a));
    sweep::write_file_atomically((out / "ranking.csv").string(), analyze::ranking_csv(a));
    // A table this analysis does not write is removed: a stale one from an
    // earlier analysis of the folder would mislead.
    const auto write_or_remove = [&](const char* name, bool written, const auto& text_of) {
      if (written) sweep::write_file_atomically((out / name).string(), text_of());
      else fs::remove(out / name);
    };
    write_or_remove("sobol.csv", !a.sobol.empty(), [&] { return analyze::sobol_csv(a); });
    write_or_remove("effects.csv", !a.effects.empty(), [&] { return analyze::effects_csv(a); });
    write_or_remove("effects.tex", !a.effects.empty(), [&] { return analyze::effects_tex(a); });
    write_or_remove("pareto.csv", !a.front.empty(), [&] { return analyze::pareto_csv(a); });
    write_or_remove("cost_effectiveness.csv", !a.cost_effects.empty(),
                    [&] { return analyze::cost_effectiveness_csv(a); });
    if (args.no_figures) note = "Figures skipped (--no-figures).";
    else figures = draw_figures(a, FigureRequest{args.dir, args.viewer}, note);
    sweep::write_file_atomically((out / "report.md").string(), analyze::report_md(a, args.dir, figures, note));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::output_error;
  }

  std::printf("Analysed %zu runs at %zu design points (%s design): %s\n", a.summary.runs.size(),
              a.summary.point_values.size(), a.design.kind.empty() ? "unknown" : a.design.kind.c_str(),
              out.c_str());
  for (const auto& n : a.notes) std::printf("note: %s\n", n.c_str());
  if (!note.empty()) std::printf("note: %s\n", note.c_str());
  std::printf("Report: %s\n", (out / "report.md").c_str());
  return exit_code::ok;
}

}  // namespace zhili
