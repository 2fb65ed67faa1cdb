// Open service cases in structure-of-arrays form: one entry per need that
// arose, is eligible and is neither completed nor expired yet.
//
// Cases are created in a deterministic order (household slot order within a
// step) and removed by a stable compaction at the end of each step (a case
// closed during the step waits with next_day = kClosedDay),
// so their order - and with it every serial pass over them - never depends
// on threads. A case carries its own id, the key of its random draws.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/archive.hpp"
#include "world/id_index.hpp"

namespace zhili {

inline constexpr std::int32_t kClosedDay = 0x7fffffff;  // next_day of a closed case

// Candidate outlets kept with each case (the nearest ones handling its need
// from its home block): a copy of the network's candidate row, refreshed when
// the network changes, so a visit reads them with the case instead of missing
// the cache on a row of the network's large table.
inline constexpr int kCaseCandidates = 6;
using CaseCandidates = std::array<std::int16_t, kCaseCandidates>;

// Where a case stands.
enum class CaseChannel : std::uint8_t {
  undecided,  // arose, has not acted yet
  online,     // filed online, being processed
  in_person,  // goes to outlets (chose to, or its online filing failed)
};

class ServiceCaseStore {
 public:
  std::vector<std::uint64_t> id;        // case id: key of its random draws
  std::vector<AgentId> household;       // the household's stable id
  std::vector<std::int32_t> home;       // the household's home cell when the need arose
  std::vector<std::uint8_t> need;       // NeedType
  std::vector<std::uint8_t> group;      // 0 registered (incl. settled, villagers), 1 migrant
  std::vector<std::uint8_t> zone;       // Zone of the home
  std::vector<std::uint8_t> digital;    // the household could use online services when the need arose
  std::vector<CaseChannel> channel;
  std::vector<std::uint8_t> departments_left;
  std::vector<std::uint8_t> trips;      // in-person visits so far
  std::vector<std::int32_t> arose_day;  // simulation day
  std::vector<std::int32_t> deadline_day;
  std::vector<std::int32_t> next_day;   // day of its next action
  std::vector<CaseCandidates> candidates;  // outlets to choose from (-1: none)

  std::size_t size() const { return id.size(); }
  void reserve(std::size_t n) {
    each_field([n](auto& v) { v.reserve(n); });
  }
  // Room for new cases [size(), n), filled field by field by their creator
  // (PublicServices::arise, in parallel, each at its place in slot order).
  void resize(std::size_t n) {
    each_field([n](auto& v) { v.resize(n); });
  }
  void serialize(Archive& a) {
    each_field([&a](auto& v) { a.vec(v); });
  }
  // Keeps the cases whose keep[i] is non-zero, in order.
  void compact(const std::vector<std::uint8_t>& keep) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < keep.size(); ++i) {
      if (!keep[i]) continue;
      if (out != i) each_field([i, out](auto& v) { v[out] = v[i]; });
      ++out;
    }
    each_field([out](auto& v) { v.resize(out); });
  }

 private:
  template <class F>
  void each_field(F&& f) {
    f(id), f(household), f(home), f(need), f(group), f(zone), f(digital), f(channel), f(departments_left), f(trips),
        f(arose_day), f(deadline_day), f(next_day), f(candidates);
  }
};

}  // namespace zhili
