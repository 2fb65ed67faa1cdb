// What a checkpoint holds of the model: for each class, the fields that last
// from one step to the next, in a fixed order (core/archive.hpp). Everything
// else is set up from the scenario and the map, or recomputed before it is
// read in the next step: cleared at the start of a step, refilled by a pass,
// or only the last step's output. docs/ARCHITECTURE.md, "Checkpoints", lists
// the decisions; the test continues runs from checkpoints and compares every
// dataset bit for bit.
#include "model/channels.hpp"
#include "model/conflict.hpp"
#include "model/disputes.hpp"
#include "model/grievance.hpp"
#include "model/incidents.hpp"
#include "model/metrics_services.hpp"
#include "model/model.hpp"
#include "model/relocation.hpp"
#include "model/services.hpp"

namespace zhili {

namespace {

template <class Record>
void queue(Archive& a, FifoQueue<Record>& q) {
  a.vec(q.items);  // served records too: `head` and the next compaction depend on them
  a.pod(q.head);
  a.pod(q.carry);
}

}  // namespace

void PublicServices::serialize(Archive& a) {
  a.section("services");
  a.vec(open_);
  a.vec(windows_);
  a.vec(purchased_);
  a.vec(expected_wait_);  // moving average of the waits people saw
  for (auto& o : outlets_) a.pod(o.needs);  // add_needs events change them
  a.vec(candidates_);
  a.pod(network_changed_);
  a.pod(network_measured_);
  a.pod(next_case_id_);
  cases_.serialize(a);
}

void PublicServices::restore_events(const Scenario& s, std::int64_t next_step) {
  events_ = s.services.events;
  next_event_ = 0;
  while (next_event_ < events_.size() && events_[next_event_].step < next_step) ++next_event_;
}

void ServiceMetrics::serialize(Archive& a) {
  a.section("service metrics");
  // Accessibility is measured when the network changes and once a year,
  // from where people lived then, and reported every step.
  for (auto& km : access_km_) a.vec(km);
  a.array(within_radius_);
  a.array(mean_minutes_);
  a.pod(measured_step_);
  a.pod(network_dirty_);
}

void ExpressionChannels::serialize(Archive& a) {
  a.section("channels");
  for (auto& q : queues_) queue(a, q);
  a.pod(tally_);  // legitimacy reads the last step's answers before the next step clears them
}

void Disputes::serialize(Archive& a) {
  a.section("disputes");
  a.pod(next_id_);
  for (auto& q : queues_) queue(a, q);
  a.vec(window_filed_);
  a.vec(window_concluded_);
  a.pod(window_pos_);
  a.array(pending_);
  a.pod(tally_);
}

void IncidentTracker::serialize(Archive& a) {
  a.section("incidents");
  a.pod(next_id_);
  a.pod(started_);
  a.pod(largest_);
  a.vec(open_);  // label_ indexes it
  a.vec(ended_);
  a.vec(label_);
  a.vec(hot_);
  a.vec(previous_hot_);
  a.vec(started_map_);  // incidents started per cell, a running total
}

void Conflict::serialize(Archive& a) {
  a.section("conflict");
  // Officers in the order they were posted: patrols draw by officer index,
  // and the posts depend on the levers of every step so far.
  a.vec(officer_post_);
  a.vec(officer_cell_);
  a.vec(cell_active_);
  a.vec(remaining_);
  incidents_.serialize(a);
}

void Grievance::serialize(Archive& a) {
  a.section("grievance");
  a.array(legitimacy_);
  // Measured by the last household pass, read by the next step before its own.
  a.pod(residents_);
  a.pod(city_rent_to_income_);
  channels_.serialize(a);
  disputes_.serialize(a);
  conflict_.serialize(a);
}

void Relocation::serialize(Archive& a, const CellGrid& grid) {
  a.section("relocation");
  // Sequential activation keeps its visiting order and its vacancy list
  // from step to step (each shuffled in place); the neighbour counts are
  // integer sums of the grid, rebuilt exactly.
  a.pod(state_current_);
  a.pod(villagers_);
  a.vec(agents_);
  a.vec(free_);
  if (a.is_loading() && sequential_) near_.rebuild(grid);
}

void Model::serialize(Archive& a) {
  a.section("world");
  auto& g = world_.grid;
  a.vec(g.capacity);
  a.vec(g.rent);
  a.vec(g.registered);
  a.vec(g.migrants);
  world_.households.serialize(a);
  relocation_.serialize(a, world_.grid);
  // Parts a scenario leaves off hold nothing: empty lists, written as such.
  services_.serialize(a);
  service_metrics_.serialize(a);
  grievance_.serialize(a);
  renewal_.serialize(a, world_);
  a.section("end");
}

void Model::restore_schedule(std::int64_t next_step) {
  if (scenario_.services.enabled) services_.restore_events(scenario_, next_step);
}

}  // namespace zhili
