#include "model/validation.hpp"

#include <string>
#include <vector>

#include "model/services.hpp"

namespace zhili {

namespace {

[[noreturn]] void fail(const std::string& what) { throw ValidationError(what); }

}  // namespace

void check_households(const World& w) {
  const auto& h = w.households;
  const auto cells = static_cast<std::int64_t>(w.grid.size());
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    const std::string at = "household in slot " + std::to_string(i) + " (id " + std::to_string(h.id[i]) + ")";
    if (h.cell[i] < 0 || h.cell[i] >= cells) fail(at + ": home cell " + std::to_string(h.cell[i]) + " is off the map");
    if (static_cast<std::size_t>(h.registration[i]) >= kRegistrationCount) fail(at + ": no such registration");
    if (h.size[i] < 1) fail(at + ": no persons");
    if (h.children[i] + h.elderly[i] > h.size[i])
      fail(at + ": " + std::to_string(h.children[i] + h.elderly[i]) + " children and elderly in " +
           std::to_string(h.size[i]) + " persons");
    // Members are left behind only by a household living away from its origin.
    if (h.left_at_origin(i) != 0 && h.registration[i] == Registration::registered_rural &&
        w.grid.zone[static_cast<std::size_t>(h.cell[i])] == Zone::rural)
      fail(at + ": a villager at home with " + std::to_string(h.left_at_origin(i)) + " members left behind");
    if (h.workers[i] > h.size[i] - h.children[i] - h.elderly[i])
      fail(at + ": " + std::to_string(h.workers[i]) + " workers among " +
           std::to_string(h.size[i] - h.children[i] - h.elderly[i]) + " persons of working age");
    if (h.away[i] > 1) fail(at + ": away flag " + std::to_string(h.away[i]));
  }
}

void check_cell_counts(const World& w) {
  const auto& g = w.grid;
  const auto& h = w.households;
  std::vector<std::int64_t> registered(g.size(), 0), migrants(g.size(), 0);
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    ++(is_migrant(h.registration[i]) ? migrants : registered)[static_cast<std::size_t>(h.cell[i])];
  for (std::size_t c = 0; c < g.size(); ++c) {
    if (registered[c] == g.registered[c] && migrants[c] == g.migrants[c]) continue;
    fail("cell " + std::to_string(c) + " (x " + std::to_string(c % static_cast<std::size_t>(g.width)) + ", y " +
         std::to_string(c / static_cast<std::size_t>(g.width)) + ") counts " + std::to_string(g.registered[c]) +
         " registered and " + std::to_string(g.migrants[c]) + " migrant households; its households are " +
         std::to_string(registered[c]) + " and " + std::to_string(migrants[c]));
  }
}

void check_id_index(const World& w) {
  const auto& h = w.households;
  for (std::size_t i = 0; i < h.size_alive(); ++i)
    if (h.slot_of(h.id[i]) != static_cast<std::int32_t>(i))
      fail("id " + std::to_string(h.id[i]) + " is in slot " + std::to_string(i) + "; the index says slot " +
           std::to_string(h.slot_of(h.id[i])));
  std::size_t indexed = 0;
  for (HouseholdId id = 0; id < h.next_id(); ++id) {
    const std::int32_t slot = h.slot_of(id);
    if (slot == kNoSlot) continue;
    ++indexed;
    if (slot < 0 || static_cast<std::size_t>(slot) >= h.size_alive() || h.id[static_cast<std::size_t>(slot)] != id)
      fail("the index puts id " + std::to_string(id) + " in slot " + std::to_string(slot) +
           ", which holds another household or none");
  }
  if (indexed != h.size_alive())
    fail("the index holds " + std::to_string(indexed) + " ids for " + std::to_string(h.size_alive()) + " households");
}

void check_world(const World& w, bool cell_counts_current) {
  check_households(w);
  check_id_index(w);
  if (cell_counts_current) check_cell_counts(w);
}

void check_case_store(const ServiceCaseStore& cases, const World& w) {
  const std::size_t n = cases.size();
  for (const std::size_t size : {cases.household.size(), cases.home.size(), cases.need.size(), cases.group.size(),
                                 cases.zone.size(), cases.digital.size(), cases.channel.size(),
                                 cases.departments_left.size(), cases.trips.size(), cases.arose_day.size(),
                                 cases.deadline_day.size(), cases.next_day.size(), cases.candidates.size()})
    if (size != n) fail("the case store's fields differ in length: " + std::to_string(size) + " against " + std::to_string(n) + " ids");
  const auto cells = static_cast<std::int64_t>(w.grid.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string at = "case " + std::to_string(cases.id[i]) + " (entry " + std::to_string(i) + ")";
    if (i > 0 && cases.id[i] <= cases.id[i - 1]) fail(at + ": ids out of creation order");
    if (cases.need[i] >= kNeedCount) fail(at + ": no such need");
    if (cases.group[i] > 1) fail(at + ": no such group");
    if (cases.zone[i] >= kZoneCount) fail(at + ": no such zone");
    if (cases.home[i] < 0 || cases.home[i] >= cells) fail(at + ": home cell off the map");
    if (cases.household[i] >= w.households.next_id()) fail(at + ": household id never issued");
  }
}

}  // namespace zhili
