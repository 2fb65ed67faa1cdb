// Households in structure-of-arrays form, each with a stable id separate from
// its slot.
//
// Slots [0, size()) are alive. Arrivals append; departures swap the last
// household into the freed slot, so the store stays dense and step functions
// loop over plain arrays. Slots move, ids never do: anything that must refer to
// a household across steps keeps its id and looks up slot_of(id).
//
// Memory is reserved up front (reserve()); append() within the reserve never
// allocates, so the step loop allocates nothing in steady state.
#pragma once

#include <cstdint>
#include <vector>

#include "core/staggered_allocator.hpp"
#include "world/id_index.hpp"

namespace zhili {

// Registration status (户籍 and residence permit 居住证).
enum class Registration : std::uint8_t {
  registered_urban,  // local urban hukou holder
  registered_rural,  // rural hukou holder living in the countryside
  migrant,           // floating population without residence permit (人户分离)
  migrant_permit,    // migrant holding a residence permit
  settled,           // former migrant converted to a registered resident (市民化)
  count
};
inline constexpr std::size_t kRegistrationCount = static_cast<std::size_t>(Registration::count);
inline constexpr const char* kRegistrationNames[kRegistrationCount] = {
    "registered_urban", "registered_rural", "migrant", "migrant_permit", "settled"};

inline bool is_migrant(Registration r) {
  return r == Registration::migrant || r == Registration::migrant_permit;
}
// Holds an urban registration (the "urbanization by registration" numerator).
inline bool is_urban_registered(Registration r) {
  return r == Registration::registered_urban || r == Registration::settled;
}

// Where the household's main worker works; `none` = unemployed.
enum class Sector : std::uint8_t { none, primary, secondary, tertiary, count };
inline constexpr std::size_t kSectorCount = static_cast<std::size_t>(Sector::count);
inline constexpr const char* kSectorNames[kSectorCount] = {"unemployed", "primary", "secondary",
                                                           "tertiary"};

// Origin of a household that came from outside the map (not from its countryside).
inline constexpr std::int32_t kOutsideOrigin = -1;

using HouseholdId = AgentId;

class HouseholdStore {
 public:
  // Per-household fields, one array each: 8+4+1+1+4 + 1+1+1+2+4+4 + 1+1+1+1 + 4+1+1 + 1+1+1+1+1+1
  // = 47 bytes per household. Housing cost is not stored: it is the rent of the home cell. Each array
  // starts at its own offset within a page (core/staggered_allocator.hpp): passes read up to
  // nine byte-wide fields at one slot, which would otherwise share one L1 cache set.
  AgentArray<HouseholdId> id;
  AgentArray<std::int32_t> cell;          // home cell index
  AgentArray<Registration> registration;
  AgentArray<std::uint8_t> size;          // persons
  AgentArray<std::int32_t> arrival_step;  // step the household arrived in the city (<0: before the run)
  AgentArray<std::uint8_t> workers;       // persons of working age in work or seeking it
  AgentArray<Sector> sector;              // where they work (none = unemployed)
  AgentArray<std::uint8_t> job_zone;      // zone (Zone) of the job when sector is secondary or
                                           //   tertiary; may differ from the home's (commuting)
  AgentArray<std::uint16_t> unemployed_steps;  // consecutive steps without urban work
  AgentArray<std::int32_t> origin;        // rural cell the household came from, or kOutsideOrigin
  AgentArray<float> income;               // household income, yuan/month
  AgentArray<std::uint8_t> children;      // persons under working age
  AgentArray<std::uint8_t> elderly;       // persons past working age
  AgentArray<std::uint8_t> digital;       // 1: can use online services (digital access)
  AgentArray<std::uint8_t> special;       // 1: special population (released prisoners, drug
                                           //    users, idle youth; higher conflict risk)
  // Grievance and conflict (model/grievance.hpp).
  AgentArray<float> unmet_load;           // remembered unmet needs, importance-weighted (decays)
  AgentArray<std::uint8_t> social;        // bit 0 active (Epstein), bit 1 complaint pending,
                                           //   bits 2-3 escalation level (ignored complaints, 0..3)
  AgentArray<std::uint8_t> detained;      // steps left in detention (0: free)
  // Split families and social insurance (model/families.hpp). `size`, `workers`,
  // `children` and `elderly` count the members present; those left at the
  // origin are apart.
  AgentArray<std::uint8_t> left_children;  // children left at the origin (留守儿童)
  AgentArray<std::uint8_t> left_elderly;   // elderly left at the origin
  AgentArray<std::uint8_t> left_workers;   // workers left at the origin, who farm there
  AgentArray<std::uint8_t> away;           // 1: a registered household living away from its
                                           //    registration within the city (市辖区内人户分离)
  AgentArray<std::uint8_t> insured;        // insurance bits (model/families.hpp, insurance_bits)
  AgentArray<std::uint8_t> shock;          // health shock: bit 7 work injury (else illness),
                                           //   bits 0-6 steps it still counts as recent

  std::size_t size_alive() const { return id.size(); }
  // Members of the household left at its origin, of any age.
  int left_at_origin(std::size_t slot) const {
    return left_children[slot] + left_elderly[slot] + left_workers[slot];
  }
  // Reserve room for n households alive at once and `ids` ids issued in total.
  void reserve(std::size_t n, std::size_t ids);
  std::size_t capacity() const { return id.capacity(); }

  // Appends a household with a fresh id and returns its slot.
  std::size_t append(std::int32_t home_cell, Registration reg, std::uint8_t persons,
                     std::int32_t arrived);
  // Removes the household in `slot` by moving the last one into it.
  void remove(std::size_t slot);

  std::int32_t slot_of(HouseholdId hid) const { return ids_.slot_of(hid); }
  // A checkpoint: every field of every household, in slot order (the order
  // is part of the state: blocks of slots make the reductions), and the ids.
  void serialize(Archive& a) {
    each_field([&a](auto& v) { a.vec(v); });
    ids_.serialize(a);
  }
  HouseholdId next_id() const { return ids_.next_id(); }

 private:
  // Applies f to every per-household array, for the operations that treat them alike.
  template <class F>
  void each_field(F&& f) {
    f(id), f(cell), f(registration), f(size), f(arrival_step), f(workers), f(sector), f(job_zone),
        f(unemployed_steps), f(origin), f(income), f(children), f(elderly), f(digital), f(special),
        f(unmet_load), f(social), f(detained), f(left_children), f(left_elderly), f(left_workers), f(away), f(insured),
        f(shock);
  }

  IdIndex ids_;
};

}  // namespace zhili
