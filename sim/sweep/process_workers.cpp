#include "sweep/process_workers.hpp"

#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "scenario/diagnostics.hpp"

extern char** environ;

namespace zhili::sweep {

namespace {

constexpr const char* kWorkerEnv = "ZHILI_SWEEP_WORKER";  // "1": a worker; its stdin is the channel
constexpr const char* kParentEnv = "ZHILI_SWEEP_PARENT";  // the parent's pid, to notice it is gone
constexpr int kChannel = 0;                               // the worker's end of the socket pair
constexpr int kPollMs = 200;                              // how soon the parent notices a stop flag

// --- the wire: whole messages over a stream socket --------------------------

bool send_all(int fd, const void* data, std::size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    const ssize_t k = send(fd, p, n, MSG_NOSIGNAL);  // no SIGPIPE when the other end is gone
    if (k < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += k;
    n -= static_cast<std::size_t>(k);
  }
  return true;
}

bool recv_all(int fd, void* data, std::size_t n) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    const ssize_t k = recv(fd, p, n, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;  // the other end is gone
    p += k;
    n -= static_cast<std::size_t>(k);
  }
  return true;
}

bool send_frame(int fd, const std::string& payload) {
  const std::uint64_t n = payload.size();
  return send_all(fd, &n, sizeof n) && send_all(fd, payload.data(), payload.size());
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status))
    return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "ended";
}

// --- parent side -------------------------------------------------------------

std::string self_exe() {
  std::array<char, 4096> buf{};
  const ssize_t n = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) throw std::runtime_error("cannot start sweep workers: /proc/self/exe is not readable");
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

struct Worker {
  pid_t pid = -1;
  int fd = -1;       // the parent's end of its socket; -1 once it is gone
  std::string in;    // bytes received that do not make a whole message yet
  bool hello = false;
  int running = -1;  // the run it is on
};

class ProcessPool {
 public:
  ProcessPool(const SweepContext& ctx, const std::vector<std::string>& arguments, RunBook& book)
      : book_(book), exe_(self_exe()), fingerprint_(sweep_fingerprint(ctx)) {
    argv_text_.push_back("zhili");
    argv_text_.insert(argv_text_.end(), arguments.begin(), arguments.end());
    const std::string worker = std::string(kWorkerEnv) + "=", parent = std::string(kParentEnv) + "=";
    for (char** e = environ; *e; ++e)
      if (std::strncmp(*e, worker.c_str(), worker.size()) != 0 && std::strncmp(*e, parent.c_str(), parent.size()) != 0)
        env_text_.emplace_back(*e);
    env_text_.push_back(worker + "1");
    env_text_.push_back(parent + std::to_string(getpid()));
  }
  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;

  // Left only on an exception: the workers still there are stopped (SIGTERM
  // lets a running run mark its file interrupted) and waited for.
  ~ProcessPool() {
    for (auto& w : workers_)
      if (w.fd >= 0) {
        close(w.fd);
        kill(w.pid, SIGTERM);
        int status = 0;
        waitpid(w.pid, &status, 0);
      }
  }

  void run(int jobs) {
    for (int i = 0; i < jobs; ++i) workers_.push_back(start());
    bool forwarded = false;
    for (;;) {
      if (book_.stopping() && !forwarded) {  // the signal may have reached only us
        for (const auto& w : workers_)
          if (w.fd >= 0) kill(w.pid, book_.stop_signal());
        forwarded = true;
      }
      std::vector<pollfd> fds;
      std::vector<Worker*> who;
      for (auto& w : workers_)
        if (w.fd >= 0) {
          fds.push_back(pollfd{w.fd, POLLIN, 0});
          who.push_back(&w);
        }
      if (fds.empty()) break;
      if (poll(fds.data(), fds.size(), kPollMs) < 0 && errno != EINTR)
        throw std::system_error(errno, std::generic_category(), "sweep workers: poll");
      for (std::size_t i = 0; i < fds.size(); ++i)
        if (fds[i].revents != 0) receive(*who[i]);
    }
    if (!fatal_.empty()) throw std::runtime_error(fatal_);
  }

 private:
  Worker start() {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
      throw std::system_error(errno, std::generic_category(), "sweep workers: socketpair");
    std::vector<char*> argv, envp;
    for (auto& a : argv_text_) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_text_) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, sv[1], kChannel);  // the copy on stdin is not close-on-exec
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, exe_.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(sv[1]);
    if (rc != 0) {
      close(sv[0]);
      throw std::runtime_error("cannot start a sweep worker process (" + exe_ + "): " + std::strerror(rc));
    }
    return Worker{pid, sv[0], {}, false, -1};
  }

  void receive(Worker& w) {
    char buf[65536];
    const ssize_t k = recv(w.fd, buf, sizeof buf, 0);
    if (k < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (k <= 0) {
      gone(w);
      return;
    }
    w.in.append(buf, static_cast<std::size_t>(k));
    for (;;) {  // every whole message received
      std::uint64_t n = 0;
      if (w.in.size() < sizeof n) return;
      std::memcpy(&n, w.in.data(), sizeof n);
      if (w.in.size() - sizeof n < n) return;
      const std::string msg = w.in.substr(sizeof n, n);
      w.in.erase(0, sizeof n + n);
      message(w, msg);
    }
  }

  void message(Worker& w, const std::string& msg) {
    if (!w.hello) {
      std::uint64_t fingerprint = 0;
      std::string error;
      w.hello = true;
      if (!decode_hello(msg, fingerprint, error))
        fail("a sweep worker process sent a garbled hello");
      else if (!error.empty())
        fail("a sweep worker process could not plan the sweep:\n" + error);
      else if (fingerprint != fingerprint_)
        fail("a sweep worker process planned a different sweep (was the sweep file or its base scenario edited "
             "while the sweep started?)");
      next(w);
      return;
    }
    int id = -1;
    RunRecord rec;
    if (!decode_record(msg, id, rec) || id != w.running) {
      fail("a sweep worker process sent a garbled record");
      next(w);  // tells it to stop; its run is failed when it is gone
      return;
    }
    w.running = -1;
    book_.ended(id, std::move(rec));
    next(w);
  }

  // Hands the worker its next run, or tells it to stop.
  void next(Worker& w) {
    const auto id = fatal_.empty() ? book_.take() : std::nullopt;
    const std::int64_t word = id ? *id : -1;
    if (!send_all(w.fd, &word, sizeof word)) {
      if (id) book_.ended(*id, RunRecord{});  // never reached it: not run
      return;                                 // its end-of-file comes through poll
    }
    if (id) w.running = *id;
  }

  // The worker's end closed: it stopped, or it died.
  void gone(Worker& w) {
    close(w.fd);
    w.fd = -1;
    int status = 0;
    waitpid(w.pid, &status, 0);
    if (!w.hello && !book_.stopping())
      fail("a sweep worker process " + describe_exit(status) + " before it started");
    if (w.running >= 0) {  // it died on a run (out of memory, a crash): that run failed, the others go on
      RunRecord rec;
      rec.state = RunState::failed;
      rec.message = "the worker process running it " + describe_exit(status);
      book_.ended(w.running, std::move(rec));
      w.running = -1;
    }
  }

  void fail(const std::string& why) {
    if (fatal_.empty()) fatal_ = why;
  }

  RunBook& book_;
  std::string exe_;
  std::uint64_t fingerprint_;
  std::vector<std::string> argv_text_, env_text_;
  std::vector<Worker> workers_;
  std::string fatal_;  // the sweep cannot go on: no new run is handed out
};

// --- worker side -------------------------------------------------------------

// A worker's stop flag. Unlike the program's own handler, a second signal does
// not kill: the parent forwards the user's signal, which may have reached the
// worker already (Ctrl-C signals the whole process group).
std::atomic<int> g_worker_stop{0};
extern "C" void on_worker_signal(int sig) { g_worker_stop.store(sig); }

}  // namespace

void run_in_processes(const SweepContext& ctx, int jobs, const std::vector<std::string>& arguments, RunBook& book) {
  ProcessPool(ctx, arguments, book).run(jobs);
}

bool is_worker_process() {
  const char* v = std::getenv(kWorkerEnv);
  return v && std::strcmp(v, "1") == 0;
}

int serve_as_worker_process(const std::string& sweep_file, const std::string& dir, bool summary_only) {
  struct sigaction sa {};
  sa.sa_handler = on_worker_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  // Die with the parent; if it is gone already (it died before this line), stop now.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  const char* parent = std::getenv(kParentEnv);
  if (!parent || std::to_string(getppid()) != parent) return 1;

  std::string error;
  const std::optional<PlannedSweep> planned = try_plan_from_file(sweep_file, error);
  if (!planned) {
    send_frame(kChannel, encode_hello(0, error));
    return 2;
  }
  const SweepContext ctx{planned->spec, planned->plan, planned->outcomes, dir, summary_only, &g_worker_stop};
  if (!send_frame(kChannel, encode_hello(sweep_fingerprint(ctx), ""))) return 1;
  serve_runs(ctx, [](const std::string& result) -> std::optional<int> {
    if (!result.empty() && !send_frame(kChannel, result)) return std::nullopt;
    std::int64_t id = -1;
    if (!recv_all(kChannel, &id, sizeof id) || id < 0) return std::nullopt;
    return static_cast<int>(id);
  });
  return 0;
}

}  // namespace zhili::sweep
