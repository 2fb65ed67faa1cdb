#include "sweep_fixture.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace zhili::testing {

namespace fs = std::filesystem;

std::string fresh_dir(const std::string& name) {
  const auto d = fs::path(ZHILI_BINARY_DIR) / "sweep_test" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d.string();
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string l; std::getline(ss, l);) out.push_back(l);
  return out;
}

std::string write_small_sweep(const std::string& dir, int steps, int replicates) {
  const std::string path = dir + "/sweep.yaml";
  std::ofstream(path) << "base: " << ZHILI_SOURCE_DIR << "/tests/data/small.yaml\n"
                      << "overrides: [run.steps=" << steps << ", output.map_every=0]\n"
                      << "factors:\n"
                         "  policy.hukou.openness: {values: [0.2, 0.8]}\n"
                      << "replicates: " << replicates << "\n"
                      << "seed: 11\n";
  return path;
}

int workers_of(pid_t parent) {
  const std::string needle = "ZHILI_SWEEP_PARENT=" + std::to_string(parent);
  int n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string env = read_file(e.path().string() + "/environ");  // empty for a zombie
    std::stringstream ss(env);
    for (std::string var; std::getline(ss, var, '\0');)
      if (var == needle) {
        ++n;
        break;
      }
  }
  return n;
}

bool workers_gone(pid_t parent, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (workers_of(parent) > 0) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

bool wait_for_file(const std::string& path, double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!fs::exists(path)) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

ScopedEnv::ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
ScopedEnv::~ScopedEnv() { unsetenv(name_.c_str()); }

}  // namespace zhili::testing
