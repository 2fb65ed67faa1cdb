#include "world/households.hpp"

namespace zhili {

void HouseholdStore::reserve(std::size_t n, std::size_t ids) {
  slot_of_id_.reserve(ids);
  id.reserve(n);
  cell.reserve(n);
  registration.reserve(n);
  size.reserve(n);
  arrival_step.reserve(n);
  workers.reserve(n);
  sector.reserve(n);
  unemployed_steps.reserve(n);
  origin.reserve(n);
  income.reserve(n);
}

std::size_t HouseholdStore::append(std::int32_t home_cell, Registration reg, std::uint8_t persons,
                                   std::int32_t arrived) {
  const std::size_t slot = id.size();
  const HouseholdId hid = next_id_++;
  id.push_back(hid);
  cell.push_back(home_cell);
  registration.push_back(reg);
  size.push_back(persons);
  arrival_step.push_back(arrived);
  workers.push_back(1);
  sector.push_back(Sector::none);
  unemployed_steps.push_back(0);
  origin.push_back(kOutsideOrigin);
  income.push_back(0.0f);
  // The id index grows with ids ever issued (4 bytes each); reserve() sizes it for the run.
  slot_of_id_.push_back(static_cast<std::int32_t>(slot));
  return slot;
}

void HouseholdStore::remove(std::size_t slot) {
  const std::size_t last = id.size() - 1;
  slot_of_id_[id[slot]] = kNoSlot;
  if (slot != last) {
    id[slot] = id[last];
    cell[slot] = cell[last];
    registration[slot] = registration[last];
    size[slot] = size[last];
    arrival_step[slot] = arrival_step[last];
    workers[slot] = workers[last];
    sector[slot] = sector[last];
    unemployed_steps[slot] = unemployed_steps[last];
    origin[slot] = origin[last];
    income[slot] = income[last];
    slot_of_id_[id[slot]] = static_cast<std::int32_t>(slot);
  }
  id.pop_back();
  cell.pop_back();
  registration.pop_back();
  size.pop_back();
  arrival_step.pop_back();
  workers.pop_back();
  sector.pop_back();
  unemployed_steps.pop_back();
  origin.pop_back();
  income.pop_back();
}

}  // namespace zhili
