#include "world/households.hpp"

namespace zhili {

void HouseholdStore::reserve(std::size_t n, std::size_t ids) {
  ids_.reserve(ids);
  each_field([n](auto& v) { v.reserve(n); });
}

std::size_t HouseholdStore::append(std::int32_t home_cell, Registration reg, std::uint8_t persons,
                                   std::int32_t arrived) {
  const std::size_t slot = id.size();
  id.push_back(ids_.issue(slot));
  cell.push_back(home_cell);
  registration.push_back(reg);
  size.push_back(persons);
  arrival_step.push_back(arrived);
  workers.push_back(1);
  sector.push_back(Sector::none);
  job_zone.push_back(0);
  unemployed_steps.push_back(0);
  origin.push_back(kOutsideOrigin);
  income.push_back(0.0f);
  children.push_back(0);
  elderly.push_back(0);
  digital.push_back(0);
  special.push_back(0);
  unmet_load.push_back(0.0f);
  social.push_back(0);
  detained.push_back(0);
  left_children.push_back(0);
  left_elderly.push_back(0);
  left_workers.push_back(0);
  away.push_back(0);
  insured.push_back(0);
  shock.push_back(0);
  return slot;
}

void HouseholdStore::remove(std::size_t slot) {
  ids_.swap_remove(id, slot, [this](auto f) { each_field(f); });
}

}  // namespace zhili
