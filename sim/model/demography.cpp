#include "model/demography.hpp"

#include <algorithm>

#include "core/rng.hpp"

namespace zhili {

void Demography::setup(const World& w) {
  split_.reserve(w.households.capacity());
  tallies_.reserve(Executor::block_count(w.households.capacity()) + 1);
  city_homes_.reserve(w.grid.size());
  rural_homes_.reserve(w.grid.size());
}

void Demography::change(World& w, const StepContext& ctx) {
  auto& h = w.households;
  const auto& d = ctx.scenario.demography;
  const double dt = ctx.years_per_step;
  const double p_split = ctx.per_step(d.formation_rate);
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  split_.resize(h.size_alive());

  const Tally t = deterministic_reduce(
      ctx.exec, h.size_alive(), tallies_, Tally{},
      [&](std::size_t b, std::size_t e) {
        Tally k;
        for (std::size_t i = b; i < e; ++i) {
          CounterRng rng(seed, Stream::demography, step, h.id[i]);
          // Events are rare per household and step: one chance each, at the expected count.
          if (h.size[i] < 255 && rng.bernoulli(h.workers[i] * d.birth_rate * dt)) {
            ++h.size[i];
            ++h.children[i];
            ++k.births;
          }
          if (h.children[i] > 0 && rng.bernoulli(h.children[i] * dt / d.childhood_years)) {
            --h.children[i];
            ++h.workers[i];
          }
          if (h.workers[i] > 0 && rng.bernoulli(h.workers[i] * dt / d.working_years)) {
            --h.workers[i];
            ++h.elderly[i];
          }
          if (h.elderly[i] > 0 && rng.bernoulli(h.elderly[i] * d.elderly_death_rate * dt)) {
            --h.elderly[i];
            --h.size[i];
            ++k.deaths;
          } else if (h.size[i] > h.elderly[i] &&
                     rng.bernoulli((h.size[i] - h.elderly[i]) * d.death_rate * dt)) {
            if (h.workers[i] > 0) --h.workers[i]; else --h.children[i];
            --h.size[i];
            ++k.deaths;
          }
          k.dissolved += h.size[i] == 0;
          split_[i] = h.size[i] >= 4 && h.workers[i] >= 2 && rng.bernoulli(p_split);
          k.splits += split_[i];
        }
        return k;
      },
      [](Tally a, const Tally& b) {
        return Tally{a.births + b.births, a.deaths + b.deaths, a.dissolved + b.dissolved, a.splits + b.splits};
      });
  counts_ = DemographyCounts{t.births, t.deaths, t.dissolved, 0};
  if (t.dissolved == 0) return;
  // Remove empty households from the back, carrying the split flags with the
  // households that move into freed slots (the same rule as departures).
  for (std::size_t i = h.size_alive(); i-- > 0;) {
    if (h.size[i] != 0) continue;
    split_[i] = split_[h.size_alive() - 1];
    h.remove(i);
  }
  split_.resize(h.size_alive());
}

void Demography::form_households(World& w, const StepContext& ctx) {
  auto& h = w.households;
  auto& g = w.grid;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  bool any = false;
  for (std::size_t i = 0; i < split_.size() && !any; ++i) any = split_[i];
  if (!any) return;
  city_homes_.rebuild(g, VacancyIndex::Zones::urban, ctx.exec);
  rural_homes_.rebuild(g, VacancyIndex::Zones::rural, ctx.exec);

  const std::size_t parents = split_.size();  // households appended below are not parents
  for (std::size_t i = 0; i < parents; ++i) {
    if (!split_[i]) continue;
    const bool village = g.zone[h.cell[i]] == Zone::rural;
    const VacancyIndex& homes = village ? rural_homes_ : city_homes_;
    if (homes.homes() == 0) continue;
    CounterRng rng(seed, Stream::household_formation, step, h.id[i]);
    std::int32_t cell = -1;
    for (int tries = 0; tries < 4 && cell < 0; ++tries) {
      const std::int32_t c = homes.draw(rng);
      if (g.occupancy(c) < g.capacity[c]) cell = c;
    }
    if (cell < 0) continue;
    // Two working-age members leave to found their own household.
    h.size[i] = static_cast<std::uint8_t>(h.size[i] - 2);
    h.workers[i] = static_cast<std::uint8_t>(h.workers[i] - 2);
    const std::size_t slot = h.append(cell, h.registration[i], 2, h.arrival_step[i]);
    h.workers[slot] = 2;
    h.origin[slot] = village ? cell : h.origin[i];
    h.sector[slot] = village ? Sector::primary : Sector::none;
    h.digital[slot] = h.digital[i];
    (is_migrant(h.registration[slot]) ? g.migrants : g.registered)[cell]++;
    ++counts_.formed;
  }
}

}  // namespace zhili
