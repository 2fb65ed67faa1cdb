// Running a program from the viewer's tests: the project's one subprocess
// helper (tests/cli/subprocess.hpp) under the names these tests use.
#pragma once

#include "cli/subprocess.hpp"

namespace zhili::view::test {

using Result = zhili::testing::ProcessResult;
using zhili::testing::run_program;

}  // namespace zhili::view::test
