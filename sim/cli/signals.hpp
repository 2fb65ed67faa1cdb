// SIGINT and SIGTERM ask a run to stop cleanly: the current step finishes, the
// buffers are flushed, the file is marked interrupted. A second signal while
// stopping restores the default action, so an impatient Ctrl-C still kills.
#pragma once

#include <atomic>

namespace zhili {

// Installs the handlers; returns the flag they set (the signal number, or 0).
const std::atomic<int>& install_stop_handlers();

}  // namespace zhili
