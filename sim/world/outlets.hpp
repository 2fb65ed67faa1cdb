// Public service outlets in structure-of-arrays form, with stable ids (the
// same bookkeeping as households: world/id_index.hpp).
//
// The foundation provides the store; the services issue gives outlets their
// functions, queues and schedule of openings and closings. Outlets open and
// close during a run, so they get the same dense-slots-and-stable-ids design
// as households rather than a fixed array.
#pragma once

#include <cstdint>
#include <vector>

#include "world/id_index.hpp"

namespace zhili {

// Kinds of outlet named in the source essays (essay 5).
enum class OutletKind : std::uint8_t {
  district_centre,      // 区县政务服务中心: many departments under one roof
  street_station,       // 街道/乡镇便民服务站
  department_window,    // a single department's own window
  social_organisation,  // outlet run by a social organisation under a purchase contract
  count
};

using OutletId = AgentId;

class OutletStore {
 public:
  std::vector<OutletId> id;
  std::vector<std::int32_t> cell;
  std::vector<OutletKind> kind;
  std::vector<std::int16_t> windows;  // staffed service windows

  std::size_t size_alive() const { return id.size(); }
  void reserve(std::size_t n, std::size_t ids) {
    ids_.reserve(ids);
    each_field([n](auto& v) { v.reserve(n); });
  }
  std::size_t append(std::int32_t at_cell, OutletKind k, std::int16_t staffed_windows) {
    const std::size_t slot = id.size();
    id.push_back(ids_.issue(slot));
    cell.push_back(at_cell);
    kind.push_back(k);
    windows.push_back(staffed_windows);
    return slot;
  }
  // Closes the outlet in `slot`: the last outlet takes its slot, ids stay.
  void remove(std::size_t slot) {
    ids_.swap_remove(id, slot, [this](auto f) { each_field(f); });
  }
  std::int32_t slot_of(OutletId oid) const { return ids_.slot_of(oid); }

 private:
  template <class F>
  void each_field(F&& f) {
    f(id), f(cell), f(kind), f(windows);
  }
  IdIndex ids_;
};

}  // namespace zhili
