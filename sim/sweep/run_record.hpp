// What became of one run of a sweep, and the same as bytes: worker processes
// (pipes) and MPI ranks (messages) send it to the process that keeps the
// books, so every way of running a sweep ends with the same records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace zhili::sweep {

enum class RunState { not_run, finished, failed, interrupted };
std::string to_string(RunState s);

struct RunRecord {
  RunState state = RunState::not_run;
  bool resumed = false;    // found complete on disk, not run again
  bool bad_input = false;  // failed on the scenario (world building), not on a file
  std::string message;     // why it failed
  std::string row;         // summary row, when finished
};

// Run id and record as bytes (fixed-width little-endian integers, strings
// with their length first). Both ends are the same program, so the format
// needs no version; decode still checks lengths and says false on garbage.
std::string encode_record(int id, const RunRecord& rec);
bool decode_record(std::string_view bytes, int& id, RunRecord& rec);

// The hello a worker sends before its first run: the fingerprint of the sweep
// as it planned it, or why it could not plan it (fingerprint 0).
std::string encode_hello(std::uint64_t fingerprint, const std::string& error);
bool decode_hello(std::string_view bytes, std::uint64_t& fingerprint, std::string& error);

}  // namespace zhili::sweep
