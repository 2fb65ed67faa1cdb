// Running the zhili program from tests: capture its output and exit status,
// or start it in the background to signal it.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace zhili::testing {

struct ProcessResult {
  int exit_code = -1;  // exit status, or 128 + signal number when killed
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs argv[0] (a path) with the rest as arguments, waits, returns status and output.
ProcessResult run_program(const std::vector<std::string>& argv);

// Runs ZHILI_EXE with `args`, waits, returns status and output.
ProcessResult run_zhili(const std::vector<std::string>& args);

// Starts ZHILI_EXE with `args` (output to /dev/null); returns its pid.
pid_t start_zhili(const std::vector<std::string>& args);
// Waits for `pid`; returns exit status or 128 + signal.
int wait_for(pid_t pid);

}  // namespace zhili::testing
