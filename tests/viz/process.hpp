// Running programs from the viewer tests (zhili to make runs, zhili-view
// under xvfb-run to take screenshots), capturing exit status and output.
#pragma once

#include <string>
#include <vector>

namespace zhili::view::test {

struct Result {
  int exit_code = -1;  // exit status, or 128 + signal number
  std::string out, err;
};

// Runs argv[0] (a path) with the arguments; stdin is /dev/null.
Result run_program(const std::vector<std::string>& argv);

}  // namespace zhili::view::test
