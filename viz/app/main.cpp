// zhili-view: opens result files and shows maps, charts and comparisons over a
// shared timeline (docs/VIEWER.md). With --screenshot it renders one frame to
// a PNG and exits.
#include <CLI/CLI.hpp>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <utility>

#include "app/animation.hpp"
#include "app/fonts.hpp"
#include "app/headless.hpp"
#include "app/i18n.hpp"
#include "app/options.hpp"
#include "app/platform.hpp"
#include "app/presentation.hpp"
#include "app/sweep_panel.hpp"
#include "app/viewer.hpp"
#include "data/decimal_year.hpp"
#include "data/export.hpp"
#include "data/png.hpp"
#include "io/compare_file.hpp"
#include "live/live_run.hpp"
#include "scenario/load.hpp"

namespace zv = zhili::view;

namespace {

constexpr const char* kFooter = R"(Live mode: zhili-view --live SCENARIO.yaml [--set key=value ...] [-o OUT.h5]
runs the scenario as `zhili run` would (same file) while showing it; sliders
change the policy levers, and (with public services) each outlet can be opened,
closed or re-staffed, from the next step on; the file records each change.

Keys: Space play/pause, Left/Right step, Home/End first/last, 1-4 panels,
F fit maps, P save the window as PNG, L switch English/Chinese. Drop .h5 files onto
the window, or use the Runs panel, to open them; with --sweep DIR, click a design
point in the Sweep tab to open its runs. Runs still being written are followed.

Exit codes: 0 success, 2 bad command line (including a --map, --observable or
--time that none of the runs has) or (--live) invalid scenario, 3 a run cannot
be read or written, or the PNG cannot be written, 4 no display or OpenGL 3.3
(use xvfb-run -a for --screenshot without a display), 1 internal error.)";

bool parse_size(const std::string& text, int& w, int& h) {
  char x = 0;
  char rest = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &rest) != 3 || (x != 'x' && x != 'X')) return false;
  return w >= 320 && h >= 240 && w <= 8192 && h <= 8192;
}

// --panel takes these names only (any case), in this order in its message.
// CLI11's CheckedTransformer over the enum also took the enum's numbers
// (--panel 1) and, on a typo, printed its mapping table.
constexpr std::pair<const char*, zv::Panel> kPanels[] = {{"map", zv::Panel::map},
                                                         {"charts", zv::Panel::charts},
                                                         {"compare", zv::Panel::compare},
                                                         {"runs", zv::Panel::runs},
                                                         {"sweep", zv::Panel::sweep}};

bool panel_named(std::string name, zv::Panel& panel) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& [n, p] : kPanels)
    if (name == n) {
      panel = p;
      return true;
    }
  return false;
}

// "a, b, c": what the runs have, for the messages below ("none" if nothing).
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

std::string panel_names() {
  std::vector<std::string> names;
  for (const auto& [n, p] : kPanels) names.emplace_back(n);
  return listed(names);
}

void add_once(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

// Every map field and every observable of the open runs, each once, in the
// runs' order.
std::vector<std::string> map_fields(const zv::ViewerState& s) {
  std::vector<std::string> names;
  for (const auto& r : s.runs)
    for (const auto& m : r->maps()) add_once(names, m.name);
  return names;
}

std::vector<std::string> observable_names(const zv::ViewerState& s) {
  std::vector<std::string> names;
  for (const auto& r : s.runs)
    for (const auto& o : r->observables()) add_once(names, o.spec.name);
  return names;
}

// A name given on the command line that no open run has: the panel would
// silently show its first field or observable instead, so it is bad input,
// and the message lists what the runs do have.
bool runs_have(const char* option, const char* what, const std::string& name, const std::vector<std::string>& have) {
  if (name.empty() || std::find(have.begin(), have.end(), name) != have.end()) return true;
  std::fprintf(stderr, "zhili-view: %s: no run has %s '%s' (they have: %s)\n", option, what, name.c_str(),
               listed(have).c_str());
  return false;
}

// --time before the runs' first date or after their last: the timeline would
// silently show its first or last instant instead (docs/VIEWER.md promises
// no clamping), so it is bad input. The span is that of all runs together.
bool in_span(const std::string& text, const zhili::Date& date, const zv::ViewerState& s) {
  if (s.timeline.empty()) return true;  // no step written yet: nothing to compare with
  const zhili::Date first = zv::date_at(s.timeline.first()), last = zv::date_at(s.timeline.last());
  if (first <= date && date <= last) return true;
  std::fprintf(stderr, "zhili-view: --time: '%s' is outside the runs, which span %s to %s\n", text.c_str(),
               zhili::format_date(first).c_str(), zhili::format_date(last).c_str());
  return false;
}

// The options that name something in the runs (--map, --observable, --time),
// once the runs are open and before anything is drawn. Fitting one run is
// enough: the panels can show any run. Every misfit is reported, not only
// the first. Without runs (the browser opens them later) nothing is checked.
bool fits_runs(const zv::Options& opt, const std::optional<zhili::Date>& time, const zv::ViewerState& s) {
  if (s.runs.empty()) return true;
  const bool map_ok = runs_have("--map", "a map field", opt.map, map_fields(s));
  const bool observable_ok = runs_have("--observable", "an observable", opt.observable, observable_names(s));
  const bool time_ok = !time || in_span(opt.time, *time, s);
  return map_ok && observable_ok && time_ok;
}

// A comparison's compare.h5 (zhili compare) stands for its base's and first
// variant's first replicates: the pair the compare panel shows. True when
// one was given.
bool expand_compare_files(std::vector<std::string>& runs) {
  std::vector<std::string> out;
  bool any = false;
  for (const auto& p : runs) {
    if (const auto pair = zhili::read_compare_pair(p)) {
      any = true;
      out.push_back(pair->base);
      if (!pair->variants.empty()) out.push_back(pair->variants.front());
    } else {
      out.push_back(p);
    }
  }
  runs = std::move(out);
  return any;
}

// Opens every run; a file that cannot be read stops the program (exit 3):
// a presenter would rather know now than find a run missing on stage.
bool open_runs(zv::ViewerState& s, const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    try {
      s.add_run(std::make_unique<zv::RunData>(p));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "zhili-view: cannot open %s: %s\n", p.c_str(), e.what());
      return false;
    }
  }
  return true;
}

void open_dropped(zv::ViewerState& s, const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    try {
      s.add_run(std::make_unique<zv::RunData>(p));
      s.message.clear();
    } catch (const std::exception& e) {
      s.message = std::string(zv::tr(zv::txt::open_failed)) + " " + p + ": " + e.what();
    }
  }
}

// The window (or only its panel) as shown, into the working directory, named
// by panel and date.
void save_window(zv::Platform& platform, zv::ViewerState& s) {
  const bool panel_only = s.save_panel_requested && !s.save_png_requested;
  s.save_png_requested = s.save_panel_requested = false;
  const char* panel = s.panel == zv::Panel::map      ? "map"
                      : s.panel == zv::Panel::charts ? "charts"
                      : s.panel == zv::Panel::compare ? "compare"
                      : s.panel == zv::Panel::sweep   ? "sweep"
                                                      : "runs";
  const std::string name = std::string("zhili-view-") + (panel_only ? "panel-" : "") + panel +
                           (s.timeline.empty() ? "" : "-" + zv::date_label(s.now())) + ".png";
  const std::string path = std::filesystem::absolute(name).string();
  try {
    const zv::Image frame = platform.read_pixels();
    zv::write_png(path, panel_only ? zv::panel_part(frame, s) : frame);
    s.message = std::string(zv::tr(zv::txt::saved)) + " " + path;
  } catch (const std::exception& e) {
    s.message = e.what();
  }
}

// --live: loads the scenario as `zhili run` does, with the same messages
// (file:line:column) on bad input. Returns nullptr after printing them.
std::unique_ptr<zv::LiveRun> load_live(const zv::Options& opt) {
  try {
    return std::make_unique<zv::LiveRun>(zhili::load_scenario(opt.live, opt.overrides), opt.output);
  } catch (const zhili::ScenarioError& e) {
    std::fprintf(stderr, "%s", e.diagnostics().format_all().c_str());
    std::fprintf(stderr, "zhili-view: %zu error(s); nothing was run.\n", e.diagnostics().size());
  }
  return nullptr;
}

// Headless --live: lets the run go until it has done --live-steps steps (it
// then waits, paused) or has ended, and opens its file. Returns an exit code
// if the run failed before writing a step.
int settle_live(zv::ViewerState& s) {
  zv::LiveRun& live = *s.live;
  while (!live.control().wait_until_idle(std::chrono::seconds(1))) {
  }
  zv::update_live(s);
  if (s.live_index >= 0) return zv::kExitOk;
  std::fprintf(stderr, "%s%s", live.error().c_str(), live.error().empty() || live.error().back() == '\n' ? "" : "\n");
  return live.failed_on_input() ? zv::kExitUsage : zv::kExitFile;
}

int run_interactive(zv::Platform& platform, zv::Viewer& viewer) {
  std::unique_ptr<zv::Recording> recording;  // Save animation: one frame per pass until the end
  auto last = std::chrono::steady_clock::now();
  auto last_follow = last;
  while (!platform.should_close()) {
    // Idle: sleep until input (a software renderer would otherwise spin a core);
    // playing: poll and draw continuously. The timeout also paces following.
    // A live run that is going is looked at ten times a second.
    const bool live_going = viewer.state().live && !viewer.state().live->ended();
    platform.wait_events(viewer.state().playing || recording ? 0.0 : live_going ? 0.1 : 0.25);
    open_dropped(viewer.state(), platform.take_dropped_paths());
    const auto now = std::chrono::steady_clock::now();
    // Runs still being written are re-read once a second (the writer flushes
    // every output.flush_every steps, usually less often).
    if (now - last_follow > std::chrono::seconds(1)) {
      viewer.state().follow_growing_runs();
      last_follow = now;
    }
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    platform.begin_frame();
    viewer.frame(dt);
    platform.render();
    if (viewer.state().save_png_requested || viewer.state().save_panel_requested) save_window(platform, viewer.state());
    if (recording && !recording->take(platform, viewer.state())) recording.reset();
    if (viewer.state().animation_requested) {
      viewer.state().animation_requested = false;
      if (!recording) recording = std::make_unique<zv::Recording>(viewer.state());
    }
    platform.present();
  }
  return zv::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  zv::Options opt;
  std::string size = "1600x1000";
  CLI::App app{"zhili-view: explore zhili result files (maps, charts, comparisons over time)"};
  app.footer(kFooter);
  app.add_option("runs", opt.runs,
                 "Result files (RUN.h5) to open; a comparison's compare.h5 opens its base and first variant");
  app.add_option("--screenshot", opt.screenshot, "Render one frame to this PNG file and exit");
  app.add_option("--browse", opt.browse, "Folder listed by the run browser (the Runs panel)");
  app.add_option("--time", opt.time, "Date to show first, YYYY-MM or YYYY-MM-DD (default: the end)");
  std::string panel = "map";
  app.add_option("--panel", panel, "Panel to show first: map (default), charts, compare, runs or sweep")
      ->option_text("map|charts|compare|runs|sweep");
  app.add_option("--size", size, "Window or screenshot size WxH in pixels (default 1600x1000)");
  app.add_option("--map", opt.map, "Map field to show first on the map and compare panels (e.g. migrant_share)");
  app.add_option("--observable", opt.observable, "Observable to chart first (e.g. population_by_registration)");
  app.add_flag("--panel-only", opt.panel_only, "Screenshots: only the panel, without header and timeline");
  app.add_flag("--stacked", opt.stacked, "Charts: draw breakdowns as stacked areas");
  app.add_flag("--present", opt.present,
               "Presentation layout: the run's description as title, headline figures with their change "
               "(since the first year, or run B against run A), large type, zone outlines (F5 in the window)");
  app.add_option("--title", opt.title,
                 "Presentation layout: its title, instead of the run's description (say, in the audience's language)");
  app.add_option("--lang", opt.lang, "Interface language: en or zh")->check(CLI::IsMember({"en", "zh"}));
  app.add_option("--bench-frames", opt.bench_frames,
                 "Frame-time benchmark: play N frames offscreen, print frame times and fps, exit")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--csv", opt.csv, "Write the data of the --observable chart (all runs) as CSV and exit; "
                                   "needs no display");
  app.add_option("--live", opt.live, "Run this scenario now, on a background thread, and show it as it goes "
                                     "(lever sliders, outlets, pause, save)");
  app.add_option("--set", opt.overrides, "--live: override a scenario key, key.path=value (as zhili run --set)");
  app.add_option("-o,--output", opt.output, "--live: result file (default: output.path, else <run.name>.h5)");
  app.add_option("--live-steps", opt.live_steps,
                 "--live with --screenshot or --bench-frames: render after this many steps (default: the whole run)")
      ->check(CLI::Range(1LL, 100000000LL));
  std::string hover;
  app.add_option("--hover", hover, "Screenshots: pointer position X,Y in pixels, to show the tooltip there");
  app.add_option("--sweep", opt.sweep, "Show a sweep's analysis (DIR of `zhili sweep`, after `zhili analyze DIR`)");
  app.add_option("--plot", opt.plot, "--sweep: ranking (default), effect, sobol or pareto")
      ->check(CLI::IsMember({"ranking", "effect", "sobol", "pareto"}));
  app.add_option("--outcome", opt.outcome, "--sweep: outcome to draw (e.g. coverage or coverage:final)");
  app.add_option("--factor", opt.factor, "--sweep --plot effect: factor on the x axis (default: the first)");
  app.add_option("--font", opt.font, std::string("Font file (default ") + zv::kCjkFontPath + ")");
  app.add_option("--animate", opt.animate,
                 "With --screenshot: an animated PNG of the panel shown over FROM:TO (dates YYYY-MM[-DD]), "
                 "one frame an instant, the date burnt in");
  app.add_option("--fps", opt.fps, "--animate: frames a second (default 4)")->check(CLI::Range(1, 60));
  try {
    app.parse(argc, argv);
    if (!parse_size(size, opt.width, opt.height))
      throw CLI::ValidationError("--size", "expected WxH between 320x240 and 8192x8192, got '" + size + "'");
    if (!panel_named(panel, opt.panel))
      throw CLI::ValidationError("--panel", "'" + panel + "' is not one of " + panel_names());
    char rest = 0;
    if (!hover.empty() && std::sscanf(hover.c_str(), "%f,%f%c", &opt.hover_x, &opt.hover_y, &rest) != 2)
      throw CLI::ValidationError("--hover", "expected X,Y in pixels, got '" + hover + "'");
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? zv::kExitOk : zv::kExitUsage;
  }
  if (expand_compare_files(opt.runs) && app.count("--panel") == 0) opt.panel = zv::Panel::compare;
  std::optional<zhili::Date> start_date;  // --time; checked against the runs' span once they are open
  double start_time = 0.0;
  if (!opt.time.empty()) {
    start_date = zhili::parse_date(opt.time);
    if (!start_date) {
      std::fprintf(stderr, "zhili-view: --time: expected YYYY-MM or YYYY-MM-DD, got '%s'\n", opt.time.c_str());
      return zv::kExitUsage;
    }
    start_time = zv::decimal_year(*start_date);
  }
  std::optional<zhili::Date> animate_from, animate_to;
  if (!opt.animate.empty()) {
    const auto colon = opt.animate.find(':');
    if (colon != std::string::npos) {
      animate_from = zhili::parse_date(opt.animate.substr(0, colon));
      animate_to = zhili::parse_date(opt.animate.substr(colon + 1));
    }
    if (!animate_from || !animate_to || *animate_to < *animate_from) {
      std::fprintf(stderr, "zhili-view: --animate: expected FROM:TO, two dates YYYY-MM or YYYY-MM-DD in order, got '%s'\n",
                   opt.animate.c_str());
      return zv::kExitUsage;
    }
    if (opt.screenshot.empty()) {
      std::fprintf(stderr, "zhili-view: --animate goes with --screenshot OUT.png (the animated PNG to write)\n");
      return zv::kExitUsage;
    }
  }
  if (!opt.csv.empty() && (opt.runs.empty() || opt.observable.empty())) {
    std::fprintf(stderr, "zhili-view: --csv needs --observable NAME and at least one RUN.h5\n");
    return zv::kExitUsage;
  }
  zv::set_language(opt.lang == "zh" ? zv::Lang::zh : zv::Lang::en);  // before any panel, the sweep's alone too
  // A sweep's analysis (app/sweep_panel.hpp): with --screenshot its panel
  // alone (zhili analyze's figures), else the viewer's Sweep tab.
  std::shared_ptr<zv::SweepView> sweep;
  if (!opt.sweep.empty() || opt.panel == zv::Panel::sweep) {
    if (!opt.screenshot.empty()) return zv::run_sweep_view(opt);
    sweep = std::make_shared<zv::SweepView>();
    if (const int code = zv::load_sweep_view(opt, *sweep); code != zv::kExitOk) return code;
  }
  const bool headless = !opt.screenshot.empty() || opt.bench_frames > 0;
  if (headless && opt.runs.empty() && opt.live.empty()) {
    std::fprintf(stderr, "zhili-view: --screenshot and --bench-frames need at least one RUN.h5 or --live\n");
    return zv::kExitUsage;
  }
  if (opt.live.empty() && (!opt.overrides.empty() || !opt.output.empty() || opt.live_steps >= 0)) {
    std::fprintf(stderr, "zhili-view: --set, -o and --live-steps go with --live SCENARIO.yaml\n");
    return zv::kExitUsage;
  }

  try {
    zv::Viewer viewer;
    zv::ViewerState& s = viewer.state();
    if (!open_runs(s, opt.runs)) return zv::kExitFile;
    // A live run has no steps yet: with it, the check waits until it has
    // some (headless, below); in the window it is not made.
    if (opt.live.empty() && !fits_runs(opt, start_date, s)) return zv::kExitUsage;
    if (!opt.live.empty()) {
      s.live = load_live(opt);
      if (!s.live) return zv::kExitUsage;
      if (headless && opt.live_steps >= 0) s.live->control().pause_at(opt.live_steps);
      s.live->start();  // builds the world while the window opens
    }
    if (!opt.time.empty()) s.set_time(start_time);
    // Without runs, start in the run browser: there is nothing else to show.
    s.panel = opt.runs.empty() && !s.live ? zv::Panel::runs : opt.panel;
    s.sweep = sweep;
    if (sweep) s.panel = zv::Panel::sweep;
    s.map_name = opt.map;
    s.compare_map = opt.map;
    s.observable = opt.observable;
    s.stacked = opt.stacked;
    s.present_title = opt.title;
    if (opt.present) zv::toggle_presentation(s);
    s.browser_folder = opt.browse;
    if (!opt.csv.empty()) {
      std::vector<zv::RunData*> runs;
      for (auto& r : s.runs) runs.push_back(r.get());
      // fits_runs() has checked --observable already, except with --live.
      if (!runs_have("--csv", "an observable", opt.observable, observable_names(s))) return zv::kExitUsage;
      try {
        zv::write_text_file(opt.csv, zv::observable_csv(runs, s.labels, opt.observable));
      } catch (const std::exception& e) {
        std::fprintf(stderr, "zhili-view: %s\n", e.what());
        return zv::kExitFile;
      }
      std::printf("CSV: %s\n", opt.csv.c_str());
      if (!headless) return zv::kExitOk;
    }

    std::unique_ptr<zv::Platform> platform;
    try {
      platform = std::make_unique<zv::Platform>(opt.width, opt.height, !headless, "zhili-view");
    } catch (const std::exception& e) {
      std::fprintf(stderr, "zhili-view: %s\n", e.what());
      return zv::kExitDisplay;
    }
    if (opt.hover_x >= 0.0f) platform->set_pointer(opt.hover_x, opt.hover_y);
    // The presentation sizes carry the characters of the runs' titles too.
    std::string run_text = opt.title;
    for (std::size_t i = 0; i < s.runs.size(); ++i) run_text += s.runs[i]->policy().description + s.labels[i];
    const zv::FontResult font = zv::load_fonts(17.0f, opt.font.empty() ? zv::kCjkFontPath : opt.font, run_text);
    s.cjk_font = font.cjk;
    if (!font.cjk) std::fprintf(stderr, "%s\n", font.message.c_str());

    if (!headless) return run_interactive(*platform, viewer);
    if (s.live) {
      if (const int code = settle_live(s); code != zv::kExitOk) return code;
      if (!fits_runs(opt, start_date, s)) return zv::kExitUsage;
      if (!opt.time.empty()) s.set_time(start_time);
    }
    if (opt.bench_frames > 0) {
      const zv::FrameStats st = zv::measure_frames(*platform, viewer, opt.bench_frames);
      std::printf("frames: %d at %dx%d, frame time mean %.2f ms, median %.2f ms, p95 %.2f ms: %.1f frames/s\n",
                  st.frames, opt.width, opt.height, st.mean_ms, st.median_ms, st.p95_ms, st.fps());
      if (opt.screenshot.empty()) return zv::kExitOk;
    }
    if (animate_from) {
      const auto& timeline = s.timeline;
      const double from = zv::decimal_year(*animate_from), to = zv::decimal_year(*animate_to);
      const std::size_t first = timeline.index_at(from);
      const std::size_t last = timeline.index_at(to);
      if (timeline.empty() || timeline.time(last) < from || to < timeline.time(0)) {
        std::fprintf(stderr, "zhili-view: --animate: %s is outside the runs' dates\n", opt.animate.c_str());
        return zv::kExitUsage;
      }
      try {
        const int frames = zv::write_animation(*platform, viewer, opt.screenshot, timeline.time(first) < from ? first + 1 : first,
                                               last, opt.fps, opt.panel_only);
        std::printf("Animation: %s (%d frames, %s to %s, %d frames/s)\n", opt.screenshot.c_str(), frames,
                    zv::date_label(timeline.time(timeline.time(first) < from ? first + 1 : first)).c_str(),
                    zv::date_label(timeline.time(last)).c_str(), opt.fps);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "zhili-view: %s\n", e.what());
        return zv::kExitFile;
      }
      return zv::kExitOk;
    }
    try {
      zv::take_screenshot(*platform, viewer, opt.screenshot, opt.panel_only);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "zhili-view: %s\n", e.what());
      return zv::kExitFile;
    }
    std::printf("Screenshot: %s\n", opt.screenshot.c_str());
    return zv::kExitOk;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhili-view: internal error: %s\n", e.what());
    return zv::kExitInternal;
  }
}
