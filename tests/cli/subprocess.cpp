#include "subprocess.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "core/read_file.hpp"

namespace zhili::testing {

namespace {
// Output goes through files: pipes could fill up and block the child.
pid_t spawn(const std::vector<std::string>& argv, const std::string& out_path, const std::string& err_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    const int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    std::vector<std::string> copy = argv;
    std::vector<char*> args;
    for (auto& a : copy) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

std::vector<std::string> zhili_argv(const std::vector<std::string>& args) {
  std::vector<std::string> argv{ZHILI_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

std::string contents(const std::string& path) {
  std::string text;
  read_whole_file(path, text);
  return text;
}
}  // namespace

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

ProcessResult run_program(const std::vector<std::string>& argv) {
  const std::string base = std::string(ZHILI_BINARY_DIR) + "/test_process_" + std::to_string(getpid());
  ProcessResult r;
  r.exit_code = wait_for(spawn(argv, base + ".out", base + ".err"));
  r.out = contents(base + ".out");
  r.err = contents(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

ProcessResult run_zhili(const std::vector<std::string>& args) { return run_program(zhili_argv(args)); }

pid_t start_zhili(const std::vector<std::string>& args) { return spawn(zhili_argv(args), "/dev/null", "/dev/null"); }

}  // namespace zhili::testing
