// Sweeps over MPI ranks: `mpirun -np N zhili sweep SWEEP.yaml -o DIR`.
//
// Rank 0 keeps the books (RunBook) and hands out run ids on request; every
// other rank plans the sweep itself from the sweep file (a shared file
// system is assumed, as for DIR), proves it planned the same sweep
// (fingerprint, collectively), then loops: send the last run's record, receive
// the next id (-1 = stop). Rank 0 also runs runs, on a second thread that
// makes no MPI call (MPI_THREAD_FUNNELED); its own thread polls for requests
// with MPI_Iprobe and a 1 ms sleep rather than a blocking receive, which in
// Open MPI spins a core. Only rank 0 writes the manifest and summary.
//
// The MPI build is optional (CMake option ZHILI_WITH_MPI). Whether a process
// was started by mpirun/srun is read from the environment, so a plain `zhili
// sweep` never initialises MPI, and a build without MPI started as several
// ranks says so instead of running N copies of the sweep into one folder.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "sweep/run_book.hpp"
#include "sweep/run_one.hpp"

namespace zhili::sweep::mpi {

// Whether this build can use MPI.
bool available();

// The number of ranks the launcher says this process is one of
// (OMPI_COMM_WORLD_SIZE, PMI_SIZE); -1 when launched by a PMIx launcher that
// does not say (PMIX_RANK only: srun --mpi=pmix); 0 when not launched as a rank.
int launched_ranks();
// This process's rank as the launcher says it (0 when it does not).
int launched_rank();

class Session {
 public:
  // MPI_Init_thread. Throws std::runtime_error when the build has no MPI.
  Session();
  ~Session();  // MPI_Finalize
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

  // Rank 0: spreads the runs over the ranks and `local_threads` threads of
  // its own. Throws std::runtime_error when a rank planned another sweep.
  void schedule(const SweepContext& ctx, RunBook& book, int local_threads);
  // Rank 0, when it failed before schedule(): lets the other ranks go.
  void abandon();
  // Other ranks: plan the sweep, serve runs until rank 0 says stop.
  // Returns the exit code (0; 2 when the sweep could not be planned here).
  int serve(const std::string& sweep_file, const std::string& dir, bool summary_only, const std::atomic<int>* stop);

 private:
  int rank_ = 0, size_ = 1;
  bool released_ = false;  // rank 0 has said go or no-go
};

}  // namespace zhili::sweep::mpi
