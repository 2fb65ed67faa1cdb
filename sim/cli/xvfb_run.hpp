// The command prefix that runs a program on a virtual X display (Xvfb), for
// the viewer's renderer where there is no display: `zhili analyze`'s figures
// and the screenshot tests.
//
// `xvfb-run -a` alone starts every search for a free display at :99, and two
// started at the same moment can both take it: one Xvfb then fails to start
// (seen under `ctest -j 2`). Each call starts its search at a display of its
// own, from the process id and a call count, so parallel callers do not meet.
//
// The server runs with -noreset. Without it, Xvfb resets when its last client
// (the viewer) disconnects and signals its readiness again with SIGUSR1 to
// xvfb-run, which traps that signal for its start-up; arriving while xvfb-run's
// exit handler runs `rm -r` on its temporary directory, the trapped signal
// makes dash report the removal failed, though it succeeded, and xvfb-run
// exits 5 instead of the program's own code (seen in `make sanitize`, where
// the viewer's slower exit shifts the timing: 10 of 120 quick error exits
// there, against 0 of 120 with -noreset).
// The screen is xvfb-run's default.
#pragma once

#include <unistd.h>

#include <atomic>
#include <string>
#include <vector>

namespace zhili {

inline constexpr const char* kXvfbRun = "/usr/bin/xvfb-run";  // Debian package xvfb

inline std::vector<std::string> xvfb_run_prefix(const std::string& xvfb_run = kXvfbRun) {
  static std::atomic<int> calls{0};
  const int start = 100 + static_cast<int>(::getpid() % 4000) * 8 + calls.fetch_add(1) % 8;
  return {xvfb_run, "-a", "-n", std::to_string(start), "-s", "-screen 0 1280x1024x24 -noreset"};
}

}  // namespace zhili
