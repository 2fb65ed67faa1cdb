// Collective incidents (docs/MODEL.md 7.12): a cell whose vision holds at
// least conflict.incident_threshold real active households is "hot"; each
// 8-connected patch of hot cells is an incident in progress. A patch that
// overlaps the previous step's patch of an incident continues it (patches
// that join continue the oldest incident); an incident with no patch in a
// step has ended and becomes a row of the result file's event table
// /events/incidents.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/archive.hpp"
#include "core/parallel.hpp"

namespace zhili {

struct IncidentRecord {
  std::int64_t id = 0;
  std::int64_t start_step = 0;
  std::int64_t last_step = 0;     // last step it was in progress
  double peak_actives = 0;        // real active households in its patch, at the peak
  std::int64_t peak_cells = 0;    // cells of its patch, at the peak
  std::int32_t centre = 0;        // cell of the patch's most active vision, at the peak
  bool ongoing = false;           // still in progress when written (end of the run)
};

class IncidentTracker {
 public:
  void setup(int width, int height);
  // One step: `vision_actives` real active households within each cell's
  // vision, `cell_actives` real actives in the cell itself.
  // With `gathering_radius` R > 0, an incident is a gathering: hot cells, most
  // active first, join the first-placed peak within R cells or become one.
  void step(std::int64_t step, std::span<const double> vision_actives, std::span<const double> cell_actives,
            double threshold, int gathering_radius = 0);

  std::int64_t started() const { return started_; }        // this step
  double largest() const { return largest_; }  // real active households of the largest incident this step
  std::int64_t in_progress() const { return static_cast<std::int64_t>(open_.size()); }
  // Incidents that ended this step (and, after close_all, those still open).
  const std::vector<IncidentRecord>& ended() const { return ended_; }
  // Incidents in progress after this step (last_step = this step).
  const std::vector<IncidentRecord>& open() const { return open_; }
  void close_all();  // the run ends: every open incident is written as ongoing
  // A step with no hot cell and no incident open: nothing starts, ends or continues.
  void quiet_step() {
    ended_.clear();
    started_ = 0;
    largest_ = 0;
  }
  // Incidents started per cell (where their patch was centred when they began), cumulative.
  const std::vector<float>& started_map() const { return started_map_; }

  // What lasts from one step to the next, for a checkpoint (model/model_state.cpp).
  void serialize(Archive& a);
 private:
  int find(int a);
  int width_ = 0, height_ = 0;
  std::int64_t next_id_ = 0;
  std::int64_t started_ = 0;
  double largest_ = 0;
  std::vector<IncidentRecord> open_, ended_, still_open_;
  std::vector<std::int32_t> label_;       // per cell: index into open_ of the patch it was in last step, or -1
  std::vector<std::int32_t> hot_;         // this step's hot cells, in cell order
  std::vector<std::int32_t> hot_index_;   // per cell: position in hot_, or -1
  std::vector<std::int32_t> parent_;      // union-find over hot_
  std::vector<std::int32_t> order_, rank_;  // gatherings: hot_ by actives in vision, and each one's place
  std::vector<std::int32_t> peak_at_;     // gatherings: per cell, the hot_ index of a peak there, or -1
  std::vector<std::int32_t> previous_hot_;
  std::vector<float> started_map_;
  // Scratch, grown to the largest step's size and reused.
  struct Patch {
    std::int32_t incident = -1;  // index into open_ of the incident it continues
    double actives = 0;
    std::int64_t cells = 0;
    std::int32_t centre = -1;
    double centre_vision = -1;
  };
  std::vector<Patch> patch_;
  std::vector<std::int32_t> continued_, new_index_;
};

}  // namespace zhili
