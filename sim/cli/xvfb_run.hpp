// The command prefix that runs a program on a virtual X display (Xvfb), for
// the viewer's renderer where there is no display: `zhili analyze`'s figures
// and the screenshot tests.
//
// `xvfb-run -a` alone starts every search for a free display at :99, and two
// started at the same moment can both take it: one Xvfb then fails to start
// (seen under `ctest -j 2`). Each call starts its search at a display of its
// own, from the process id and a call count, so parallel callers do not meet.
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
  return {xvfb_run, "-a", "-n", std::to_string(start)};
}

}  // namespace zhili
