// Runs of a sweep in worker processes. Runs that write result files cannot
// share a process: Debian's thread-safe HDF5 serialises every call behind one
// global lock, so two writing threads wait for each other (docs/SWEEPS.md,
// Timing). The sweep instead starts `jobs` copies of its own program
// (/proc/self/exe) in worker mode, each with its own HDF5.
//
// The channel is a Unix socket pair on the worker's stdin. A worker plans the
// sweep itself from the sweep file and sends a hello with the plan's
// fingerprint; then the parent sends run ids (8 bytes, -1 = stop) and the
// worker answers each with the run's record (an 8-byte length, then
// encode_record). The parent keeps the books: a worker takes the next run when
// it reports the last, so scheduling is dynamic and the summary is the one the
// threads would write. A worker asks for SIGKILL when its parent dies
// (PR_SET_PDEATHSIG), so a sweep killed outright leaves no run writing behind
// it; SIGINT/SIGTERM reach the parent and are forwarded once.
#pragma once

#include <string>
#include <vector>

#include "sweep/run_book.hpp"
#include "sweep/run_one.hpp"

namespace zhili::sweep {

// Parent side. `arguments`: the worker's command line after the program name
// ({"sweep", FILE, "-o", DIR, ...}); the environment tells it it is a worker.
// Throws std::runtime_error when no worker can be started or a worker planned
// another sweep (the sweep file changed under the sweep).
void run_in_processes(const SweepContext& ctx, int jobs, const std::vector<std::string>& arguments, RunBook& book);

// Worker side: true in a process started by run_in_processes.
bool is_worker_process();
// Plans the sweep, says hello, serves runs until told to stop. Returns the
// process exit code; messages go to the parent, not to the terminal.
int serve_as_worker_process(const std::string& sweep_file, const std::string& dir, bool summary_only);

}  // namespace zhili::sweep
