// Whether this process is one of several MPI ranks, from what the launchers
// put in the environment: always compiled, so a build without MPI can tell.
#include <cstdlib>
#include <string>

#include "sweep/mpi_scheduler.hpp"

namespace zhili::sweep::mpi {

namespace {
int env_int(const char* name, int missing) {
  const char* v = std::getenv(name);
  if (!v || !*v) return missing;
  try {
    return std::stoi(v);
  } catch (const std::exception&) {
    return missing;
  }
}
}  // namespace

int launched_ranks() {
  if (const int n = env_int("OMPI_COMM_WORLD_SIZE", 0); n > 0) return n;  // Open MPI's mpirun
  if (const int n = env_int("PMI_SIZE", 0); n > 0) return n;              // MPICH's Hydra, srun --mpi=pmi2
  if (std::getenv("PMIX_RANK")) return -1;                                 // srun --mpi=pmix: MPI will say
  return 0;
}

int launched_rank() {
  if (const int r = env_int("OMPI_COMM_WORLD_RANK", -1); r >= 0) return r;
  if (const int r = env_int("PMI_RANK", -1); r >= 0) return r;
  return env_int("PMIX_RANK", 0);
}

}  // namespace zhili::sweep::mpi
