#include "io/child_probe.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

namespace zhili::h5 {

namespace {
constexpr int kReturned = 0, kThrew = 3;
}  // namespace

ProbeResult run_in_child(const std::function<void()>& work, std::chrono::milliseconds limit) {
  const pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    int code = kReturned;
    try {
      work();
    } catch (...) {
      code = kThrew;
    }
    _exit(code);
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto pause = std::chrono::microseconds(50);
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      if (WIFSIGNALED(status)) return {ProbeEnd::crashed, WTERMSIG(status)};
      const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      if (code == kReturned) return {ProbeEnd::returned, 0};
      if (code == kThrew) return {ProbeEnd::threw, 0};
      // Any other exit: a sanitizer's report (AddressSanitizer exits 1), or
      // a library that called exit() itself: as bad as a crash.
      return {ProbeEnd::crashed, 0};
    }
    if (done < 0) return {};
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return {ProbeEnd::timed_out, 0};
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(20000));
  }
}

}  // namespace zhili::h5
