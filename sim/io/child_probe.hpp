// Runs a piece of work in a child process first, so that a library that
// crashes or hangs on bad input (HDF5 1.10 on a corrupted file: its global
// heap reads have no bounds checks and its metadata retries can sleep for
// hours) costs a child process instead of the program.
#pragma once

#include <chrono>
#include <functional>

namespace zhili::h5 {

enum class ProbeEnd {
  returned,   // `work` returned
  threw,      // `work` threw (the caller repeats it to get the exception)
  crashed,    // the child died of a signal (or exited otherwise, as a sanitizer does)
  timed_out,  // the child was still running at the limit and was killed
  no_child,   // fork failed: nothing was learned
};

struct ProbeResult {
  ProbeEnd end = ProbeEnd::no_child;
  int signal = 0;  // for `crashed`: the signal, 0 for an exit
};

// Forks; the child runs `work` and _exits (no exit handlers, no flushing of
// the parent's buffers). The parent waits at most `limit`.
ProbeResult run_in_child(const std::function<void()>& work, std::chrono::milliseconds limit);

}  // namespace zhili::h5
