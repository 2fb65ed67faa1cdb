// Progress display for long runs: a live bar on a terminal, a plain line every
// 10 % otherwise (log files, CI, batch jobs).
#pragma once

#include <cstdio>
#include <string>

#include "engine/runner.hpp"

namespace zhili {

class ProgressDisplay {
 public:
  // `interactive`: stream is a terminal. `quiet`: print nothing.
  ProgressDisplay(std::FILE* stream, bool interactive, bool quiet)
      : out_(stream), interactive_(interactive), quiet_(quiet) {}
  void update(const Progress& p);
  void finish();  // ends the bar's line

 private:
  std::FILE* out_;
  bool interactive_;
  bool quiet_;
  double last_draw_s_ = -1.0;
  int last_decile_ = 0;
  bool drawn_ = false;
};

std::string format_duration(double seconds);  // "1:02:03", "4:05"

}  // namespace zhili
