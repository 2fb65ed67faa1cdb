// Helpers shared by the sweep tests that run the program: a fresh folder, a
// small sweep file, reading files back, looking for leftover worker processes.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace zhili::testing {

// A fresh, empty folder under the build tree.
std::string fresh_dir(const std::string& name);
std::string read_file(const std::string& path);  // "" when missing
std::vector<std::string> split_lines(const std::string& text);

// A sweep of the small test city: 2 openness values x `replicates`, `steps` months.
std::string write_small_sweep(const std::string& dir, int steps, int replicates);

// Live processes started as sweep workers of `parent` (their environment names it).
int workers_of(pid_t parent);
// Waits up to `seconds` for every worker of `parent` to be gone; true if they are.
bool workers_gone(pid_t parent, double seconds);
// Waits up to `seconds` for `path` to exist.
bool wait_for_file(const std::string& path, double seconds);

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
};

}  // namespace zhili::testing
