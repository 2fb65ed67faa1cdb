// Open service cases in structure-of-arrays form: one entry per need that
// arose, is eligible and is neither completed nor expired yet.
//
// Cases are created in a deterministic order (household slot order within a
// step) and removed by a stable compaction at the end of each step (a case
// closed during the step waits with next_day = kClosedDay),
// so their order - and with it every serial pass over them - never depends
// on threads. A case carries its own id, the key of its random draws.
#pragma once

#include <cstdint>
#include <vector>

#include "world/id_index.hpp"

namespace zhili {

inline constexpr std::int32_t kClosedDay = 0x7fffffff;  // next_day of a closed case

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

  std::size_t size() const { return id.size(); }
  void reserve(std::size_t n) {
    each_field([n](auto& v) { v.reserve(n); });
  }
  void push(std::uint64_t case_id, AgentId hh, std::int32_t cell, std::uint8_t need_type,
            std::uint8_t grp, std::uint8_t zn, std::uint8_t online_able, std::uint8_t departments,
            std::int32_t day, std::int32_t deadline) {
    id.push_back(case_id);
    household.push_back(hh);
    home.push_back(cell);
    need.push_back(need_type);
    group.push_back(grp);
    zone.push_back(zn);
    digital.push_back(online_able);
    channel.push_back(CaseChannel::undecided);
    departments_left.push_back(departments);
    trips.push_back(0);
    arose_day.push_back(day);
    deadline_day.push_back(deadline);
    next_day.push_back(day);
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
        f(arose_day), f(deadline_day), f(next_day);
  }
};

}  // namespace zhili
