// Checkpoint files: the whole state of a run at the start of a step, so a
// planner can continue it later, with other levers, without simulating the
// years before again (`zhili run --checkpoint-at DATE`, `zhili run --from`;
// docs/FORMAT.md, "Checkpoints").
//
// A file holds a header (format, the step and its date, the seed, and what
// must be the same for a run to continue from it: dates, spin-up, scale, the
// map, the submodels switched on, the outlets) and the engine's state
// (Engine::save, core/archive.hpp), with a checksum. A continued run is
// bit-identical to the uninterrupted one when nothing else changed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/archive.hpp"
#include "io/result_layout.hpp"
#include "engine/engine.hpp"

namespace zhili {

struct Checkpoint {
  std::string path;
  std::int64_t step = 0;       // steps done: a continued run starts with this one
  std::string date;            // its start date, YYYY-MM-DD
  std::uint64_t seed = 0;
  std::string scenario_name;
  std::string program;         // "zhili VERSION (COMMIT)" that wrote it: only the same program reads it
  std::string run_file;        // the result file of the run that wrote it
  std::string run_started;     // that file's /run start_time: tells it from a later run to the same path
  std::uint64_t run_scenario = 0;  // FNV-1a of that run's resolved scenario
  std::vector<std::uint64_t> event_rows;  // rows of each event table in run_file before the checkpoint
  std::string shape;           // "key=value" lines that a continuing scenario must match
  std::string state;           // Engine::save's bytes
};

// Where a run writing `output` puts its checkpoint at `date`: beside it,
// "<output without .h5>.<YYYY-MM-DD>.ckpt".
std::string checkpoint_path(const std::string& output, const Date& date);

// The lines of `shape` for a scenario and its built engine.
std::string checkpoint_shape(const Scenario& s, const Engine& e);

// Writes the engine's state at its current step, through a temporary file
// and a rename; `run_file` is the result file of the run, `event_rows` the
// rows of each of its event tables so far. Throws std::runtime_error naming
// the file.
void write_checkpoint(const std::string& path, Engine& engine, const RunMetadata& run, const std::string& run_file,
                      std::vector<std::uint64_t> event_rows);
// FNV-1a 64 of a text (a resolved scenario).
std::uint64_t text_hash(const std::string& text);
// Reads and checks a checkpoint file; throws CheckpointError naming it.
Checkpoint read_checkpoint(const std::string& path);

// What keeps `s` from continuing `c`, one line per key that differs ("" when
// nothing does); `e` is `s` built (the map is compared as built).
std::string checkpoint_mismatch(const Checkpoint& c, const Scenario& s, const Engine& e);

}  // namespace zhili
