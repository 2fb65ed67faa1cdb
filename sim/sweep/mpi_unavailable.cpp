// The MPI scheduler in a build without MPI (ZHILI_WITH_MPI=OFF, or no MPI
// found at configure time): it can only say so.
#include <stdexcept>

#include "sweep/mpi_scheduler.hpp"

namespace zhili::sweep::mpi {

bool available() { return false; }

Session::Session() {
  throw std::runtime_error(
      "this zhili was built without MPI, but it was started as one of several MPI ranks (mpirun/srun). "
      "Run `zhili sweep` without mpirun, or rebuild with Open MPI installed (Debian: libopenmpi-dev) and "
      "-DZHILI_WITH_MPI=ON.");
}
Session::~Session() = default;

void Session::schedule(const SweepContext&, RunBook&, int) { throw std::logic_error("MPI: not built"); }
void Session::abandon() {}
int Session::serve(const std::string&, const std::string&, bool, const std::atomic<int>*) {
  throw std::logic_error("MPI: not built");
}

}  // namespace zhili::sweep::mpi
