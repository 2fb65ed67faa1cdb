// Stable ids for agents whose slots move: the bookkeeping shared by every
// structure-of-arrays store of agents that come and go (households).
//
// Stores keep their agents dense: a departure moves the last agent into the
// freed slot. Ids are issued once, never reused, and map to the current slot
// (kNoSlot once the agent is gone), so anything that must refer to an agent
// across steps keeps its id.
#pragma once

#include <cstdint>
#include <vector>

#include "core/archive.hpp"

namespace zhili {

using AgentId = std::uint64_t;
inline constexpr std::int32_t kNoSlot = -1;

class IdIndex {
 public:
  void reserve(std::size_t ids) { slot_of_id_.reserve(ids); }

  // A fresh id for an agent placed in `slot`.
  AgentId issue(std::size_t slot) {
    slot_of_id_.push_back(static_cast<std::int32_t>(slot));
    return next_id_++;
  }
  void moved(AgentId id, std::size_t slot) { slot_of_id_[id] = static_cast<std::int32_t>(slot); }
  void removed(AgentId id) { slot_of_id_[id] = kNoSlot; }

  std::int32_t slot_of(AgentId id) const { return id < slot_of_id_.size() ? slot_of_id_[id] : kNoSlot; }

  // Removes the agent in `slot` of a store: the last agent moves into it.
  // `ids` is the store's id array; `each_field(f)` applies f to every one of
  // its per-agent arrays (ids included).
  template <class Ids, class EachField>
  void swap_remove(const Ids& ids, std::size_t slot, EachField&& each_field) {
    const std::size_t last = ids.size() - 1;
    removed(ids[slot]);
    if (slot != last) moved(ids[last], slot);
    each_field([slot, last](auto& v) {
      v[slot] = v[last];
      v.pop_back();
    });
  }
  AgentId next_id() const { return next_id_; }
  // A checkpoint (core/archive.hpp): the ids issued and where each one is.
  void serialize(Archive& a) {
    a.pod(next_id_);
    a.vec(slot_of_id_);
  }

 private:
  AgentId next_id_ = 0;
  std::vector<std::int32_t> slot_of_id_;  // 4 bytes per id ever issued
};

}  // namespace zhili
