#include "cli/analyze_figures.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "cli/xvfb_run.hpp"

extern char** environ;

namespace zhili {

namespace fs = std::filesystem;

namespace {

// zhili-view is built next to zhili (build/bin/); /proc/self/exe says where that is.
std::string default_viewer() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("zhili-view") : (self.parent_path() / "zhili-view").string();
}

// Runs argv with stdout and stderr to `log`; returns its exit status (-1 if it
// could not be started). No shell: paths with spaces need no quoting.
int run_logged(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::vector<analyze::Figure> draw_figures(const analyze::Analysis& a, const FigureRequest& req, std::string& note) {
  std::vector<analyze::Figure> figures;
  const std::string viewer = req.viewer.empty() ? default_viewer() : req.viewer;
  if (req.viewer.empty() && !fs::exists(viewer)) {
    note = "Figures skipped: zhili-view was not found next to zhili (built with -DZHILI_BUILD_VIEWER=OFF?).";
    return figures;
  }
  // The renderer needs an X display; without one, Xvfb provides it (docs/VIEWER.md).
  std::vector<std::string> prefix;
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    if (!fs::exists(kXvfbRun)) {
      note = "Figures skipped: no X display and no xvfb-run (Debian packages xvfb, xauth).";
      return figures;
    }
    prefix = xvfb_run_prefix();
  }
  const fs::path out = fs::path(req.sweep_dir) / "analysis";
  const std::string log = (out / "figures.log").string();
  fs::remove(log);
  const auto& s = a.summary;
  const std::string ranked = s.outcomes[static_cast<std::size_t>(a.rank_outcome)];
  struct Plot {
    std::string kind, file, caption;
  };
  std::vector<Plot> plots = {{"ranking", "ranking.png",
                              "Design points by " + ranked + ": mean and 95 % interval over replicates"}};
  // The ranked outcome against the first factor (one line per combination of
  // the others in a factorial design).
  const std::string factor = s.factors.empty() ? "" : s.factors.front();
  if (!factor.empty())
    plots.push_back({"effect", "effect.png",
                     ranked + " against " + factor + ": mean and 95 % interval over replicates per design point" +
                         (a.design.kind == "factorial" && s.factors.size() > 1
                              ? ", one line per combination of the other factors"
                          : a.design.kind == "latin_hypercube" || a.design.kind == "saltelli"
                              ? " (sampled design: points not joined)"
                              : "")});
  if (!a.sobol.empty())
    plots.push_back({"sobol", "sobol.png", "Sobol' indices of " + ranked + ": S1 and ST with bootstrap intervals"});
  if (!a.front.empty())
    plots.push_back({"pareto", "pareto.png", "Pareto front: " + a.objectives[0].column + " against " +
                                                 a.objectives[1].column + " (front points joined)"});
  std::string failed;
  for (const auto& p : plots) {
    std::vector<std::string> args = prefix;
    const std::vector<std::string> rest = {viewer, "--sweep", req.sweep_dir, "--panel", "sweep", "--plot", p.kind,
                                           "--outcome", ranked, "--size", "1200x720", "--panel-only",
                                           "--screenshot", (out / p.file).string()};
    args.insert(args.end(), rest.begin(), rest.end());
    if (p.kind == "effect") args.insert(args.end(), {"--factor", factor});
    const int rc = run_logged(args, log);
    if (rc == 0 && fs::exists(out / p.file)) figures.push_back({p.file, p.caption});
    else failed += (failed.empty() ? "" : ", ") + p.file + " (exit " + std::to_string(rc) + ")";
  }
  if (!failed.empty()) note = "Some figures could not be drawn: " + failed + "; zhili-view's messages are in figures.log.";
  return figures;
}

}  // namespace zhili
