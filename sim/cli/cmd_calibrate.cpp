#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "calibrate/calibration.hpp"
#include "calibrate/nelder_mead.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "scenario/diagnostics.hpp"

namespace zhili {

int calibrate_command(const CalibrateArgs& args) {
  CalibrationSpec spec;
  try {
    spec = load_calibration(args.file);
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    return exit_code::bad_input;
  }
  if (args.max_evaluations > 0) spec.max_evaluations = args.max_evaluations;

  std::vector<double> start, lo, hi;
  for (const auto& p : spec.parameters) {
    start.push_back(p.start);
    lo.push_back(p.lo);
    hi.push_back(p.hi);
  }
  try {
    std::vector<double> best = start;
    if (!args.check_only) {
      std::fprintf(stderr, "zhili: calibrating %zu parameters against %zu targets (Nelder-Mead, at most %d runs)\n",
                   spec.parameters.size(), spec.targets.size(), spec.max_evaluations);
      int runs = 0;
      double best_loss = INFINITY;
      const bool terminal = isatty(STDERR_FILENO) == 1;
      const int every = std::max(1, spec.max_evaluations / 20);
      int refused = 0;
      const auto objective = [&](const std::vector<double>& x) {
        // A combination the scenario refuses is infeasible: an infinite loss
        // moves the simplex away from it (the "extreme barrier" of direct
        // search; Audet & Dennis 2006, SIAM J. Optim. 17(1)).
        double l = INFINITY;
        try {
          l = loss(evaluate(spec, x, args.threads));
        } catch (const RefusedParameters& e) {
          if (refused++ == 0 && !args.quiet) std::fprintf(stderr, "%szhili: %s\n", terminal ? "\n" : "", e.what());
        }
        ++runs;
        if (l < best_loss) best_loss = l;
        if (args.quiet) return l;
        if (terminal) {  // one line, redrawn
          std::fprintf(stderr, "\rrun %d/%d  loss %.4g  best %.4g   ", runs, spec.max_evaluations, l, best_loss);
        } else if (runs % every == 0 || runs == spec.max_evaluations) {  // a log: whole lines, about 20
          std::fprintf(stderr, "run %d/%d  loss %.4g  best %.4g\n", runs, spec.max_evaluations, l, best_loss);
        }
        return l;
      };
      NelderMeadOptions opt;
      opt.max_evaluations = spec.max_evaluations;
      const auto result = nelder_mead(objective, start, lo, hi, opt);
      if (!args.quiet && terminal) std::fputc('\n', stderr);
      best = result.x;
      std::printf("Fitted in %d runs (%s), loss %.4g:\n", result.evaluations,
                  result.converged ? "converged" : "stopped at the run limit", result.value);
      if (refused > 0)
        std::printf("(%d of them at parameter values the scenario refuses together, left out as infeasible)\n",
                    refused);
      for (std::size_t i = 0; i < spec.parameters.size(); ++i)
        std::printf("  %-34s %.6g   (start %.6g, bounds [%g, %g])\n", spec.parameters[i].key.c_str(), best[i],
                    start[i], lo[i], hi[i]);
      std::printf("As overrides:");
      for (std::size_t i = 0; i < spec.parameters.size(); ++i)
        std::printf(" --set %s=%.6g", spec.parameters[i].key.c_str(), best[i]);
      std::printf("\n\n");
    }
    const auto results = evaluate(spec, best, args.threads);
    std::printf("%s", results_table(results).c_str());
    std::size_t met = 0, held_out = 0, held_out_met = 0;
    for (const auto& r : results) {
      met += r.met();
      held_out += r.target.held_out;
      held_out_met += r.target.held_out && r.met();
    }
    std::printf("%zu of %zu targets met; loss %.4g", met, results.size(), loss(results));
    if (held_out > 0)
      std::printf(" (over the fitted ones; %zu of the %zu held out of the fit met)", held_out_met, held_out);
    std::printf("\n");
    return met == results.size() ? exit_code::ok : exit_code::targets_not_met;
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    return exit_code::bad_input;
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "zhili: %s\n", e.what());
    return exit_code::bad_input;
  }
}

}  // namespace zhili
