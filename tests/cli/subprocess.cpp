#include "subprocess.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace zhili::testing {

namespace {
pid_t spawn(const std::vector<std::string>& args, const std::string& out_path, const std::string& err_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    const int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    std::vector<char*> argv;
    std::string exe = ZHILI_EXE;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

ProcessResult run_zhili(const std::vector<std::string>& args) {
  const std::string base = std::string(ZHILI_BINARY_DIR) + "/cli_test_" + std::to_string(getpid());
  ProcessResult r;
  r.exit_code = wait_for(spawn(args, base + ".out", base + ".err"));
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

pid_t start_zhili(const std::vector<std::string>& args) { return spawn(args, "/dev/null", "/dev/null"); }

}  // namespace zhili::testing
