// The MPI scheduler (mpi_scheduler.hpp says how it works). Compiled only when
// ZHILI_WITH_MPI is on; mpi_unavailable.cpp stands in otherwise.
#include "sweep/mpi_scheduler.hpp"

#include <mpi.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <thread>

#include "scenario/diagnostics.hpp"
#include "sweep/thread_workers.hpp"

namespace zhili::sweep::mpi {

namespace {
constexpr int kTagResult = 1;  // worker -> rank 0: the last run's record (empty: the first request)
constexpr int kTagRun = 2;     // rank 0 -> worker: the next run id, -1 = stop
}  // namespace

bool available() { return true; }

Session::Session() {
  int provided = 0;
  // Only the thread that initialised MPI calls it (rank 0's runner thread does not).
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Session::~Session() { MPI_Finalize(); }

void Session::abandon() {
  if (released_) return;
  released_ = true;
  std::uint64_t go[2] = {0, 0};
  MPI_Bcast(go, 2, MPI_UINT64_T, 0, MPI_COMM_WORLD);
}

void Session::schedule(const SweepContext& ctx, RunBook& book, int local_threads) {
  // Go, with the fingerprint every rank must match; then all agree or none runs.
  released_ = true;
  std::uint64_t go[2] = {1, sweep_fingerprint(ctx)};
  MPI_Bcast(go, 2, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  int ok = 1, all_ok = 0;
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (!all_ok)
    throw std::runtime_error("some MPI ranks could not plan this sweep (their messages are above); nothing was run");

  std::thread local([&] { run_in_threads(ctx, local_threads, book); });
  try {
    int active = size_ - 1;  // ranks not yet told to stop
    while (active > 0) {
      int flag = 0;
      MPI_Status st;
      MPI_Iprobe(MPI_ANY_SOURCE, kTagResult, MPI_COMM_WORLD, &flag, &st);
      if (!flag) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        continue;
      }
      int n = 0;
      MPI_Get_count(&st, MPI_BYTE, &n);
      std::string msg(static_cast<std::size_t>(n), '\0');
      MPI_Recv(msg.data(), n, MPI_BYTE, st.MPI_SOURCE, kTagResult, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (n > 0) {
        int id = -1;
        RunRecord rec;
        if (!decode_record(msg, id, rec) || id < 0 || id >= book.counts().total)
          throw std::runtime_error("MPI rank " + std::to_string(st.MPI_SOURCE) + " sent a garbled record");
        book.ended(id, std::move(rec));
      }
      const auto next = book.take();
      long long word = next ? *next : -1;
      MPI_Send(&word, 1, MPI_LONG_LONG, st.MPI_SOURCE, kTagRun, MPI_COMM_WORLD);
      if (!next) --active;
    }
  } catch (const std::exception& e) {
    // The other ranks wait on us and our runner thread cannot be stopped: end the job.
    std::fprintf(stderr, "zhili: %s\n", e.what());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  local.join();
}

int Session::serve(const std::string& sweep_file, const std::string& dir, bool summary_only,
                   const std::atomic<int>* stop) {
  std::string error;
  const std::optional<PlannedSweep> planned = try_plan_from_file(sweep_file, error);
  std::uint64_t go[2] = {0, 0};
  MPI_Bcast(go, 2, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  if (go[0] == 0) return 2;  // rank 0 could not start the sweep and says why

  std::optional<SweepContext> ctx;
  if (planned) ctx.emplace(SweepContext{planned->spec, planned->plan, planned->outcomes, dir, summary_only, stop});
  int ok = ctx && sweep_fingerprint(*ctx) == go[1];
  if (!ok) {
    if (error.empty()) error = "planned another sweep than rank 0 (is the sweep file the same on every node?)";
    std::fprintf(stderr, "zhili: MPI rank %d: %s\n", rank_, error.c_str());
  }
  int all_ok = 0;
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (!all_ok) return 2;

  serve_runs(*ctx, [](const std::string& result) -> std::optional<int> {
    MPI_Send(result.data(), static_cast<int>(result.size()), MPI_BYTE, 0, kTagResult, MPI_COMM_WORLD);
    long long word = -1;
    MPI_Recv(&word, 1, MPI_LONG_LONG, 0, kTagRun, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (word < 0) return std::nullopt;
    return static_cast<int>(word);
  });
  return 0;
}

}  // namespace zhili::sweep::mpi
