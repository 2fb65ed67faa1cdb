#include "model/metrics.hpp"

#include <cmath>

namespace zhili {

namespace {

std::vector<std::string> registration_labels() {
  return {kRegistrationNames, kRegistrationNames + kRegistrationCount};
}
std::vector<std::string> zone_labels() { return {kZoneNames.begin(), kZoneNames.end()}; }

enum MapIndex : std::size_t { map_households, map_migrant_share, map_occupancy, map_rent, map_zone };

}  // namespace

std::vector<SeriesSpec> Metrics::series_specs() {
  return {
      {"population", "persons", "Residents of the map, real persons", "", {}},
      {"households", "households", "Resident households, real households", "", {}},
      {"population_by_registration", "persons", "Residents by registration status",
       "registration", registration_labels()},
      {"migrant_share", "1", "Share of residents who are migrants (floating population)", "", {}},
      {"population_by_zone", "persons", "Residents by zone type", "zone", zone_labels()},
      {"migrant_share_by_zone", "1", "Share of each zone's residents who are migrants", "zone",
       zone_labels()},
      {"arrivals", "households/step", "Migrant households arriving during the step", "", {}},
      {"departures", "households/step", "Migrant households returning home during the step", "", {}},
      {"settlements", "households/step",
       "Migrant households converted to registered residents (市民化) during the step", "", {}},
      {"moves", "households/step", "Households moving within the city during the step", "", {}},
      {"content_share", "1",
       "Share of households content with their neighbourhood's group mix (before moves)", "", {}},
      {"dissimilarity", "1",
       "Dissimilarity index of migrant vs registered households over cells (Duncan & Duncan 1955)",
       "", {}},
      {"housing_occupancy", "1", "Occupied share of the housing capacity", "", {}},
  };
}

std::vector<MapSpec> Metrics::map_specs() {
  return {
      {"households", "households", "Resident households per cell, real households"},
      {"migrant_share", "1", "Share of the cell's households who are migrants (NaN when empty)"},
      {"occupancy", "1", "Occupied share of the cell's housing capacity (NaN when none)"},
      {"rent", "yuan/month", "Monthly rent per household"},
      {"zone", "code", "Zone type: 0 urban_core, 1 fringe, 2 urban_village, 3 suburb, 4 rural"},
  };
}

void Metrics::setup(const World& w) {
  tallies_.reserve(Executor::block_count(w.households.capacity()) + 1);
}

void Metrics::compute(const World& w, const StepContext& ctx, const FlowCounts& flows,
                      const RelocationCounts& moves, std::span<double> row) {
  const auto& h = w.households;
  const auto& g = w.grid;
  const double scale = ctx.scenario.population.scale;

  const Tally t = deterministic_reduce(
      ctx.exec, h.size_alive(), tallies_, Tally{},
      [&](std::size_t b, std::size_t e) {
        Tally k;
        for (std::size_t i = b; i < e; ++i) {
          const std::int64_t persons = h.size[i];
          const auto zone = static_cast<std::size_t>(g.zone[h.cell[i]]);
          k.by_registration[static_cast<std::size_t>(h.registration[i])] += persons;
          k.by_zone[zone] += persons;
          if (is_migrant(h.registration[i])) k.migrants_by_zone[zone] += persons;
        }
        return k;
      },
      [](Tally a, const Tally& b) {
        for (std::size_t r = 0; r < kRegistrationCount; ++r) a.by_registration[r] += b.by_registration[r];
        for (std::size_t z = 0; z < kZoneCount; ++z) {
          a.by_zone[z] += b.by_zone[z];
          a.migrants_by_zone[z] += b.migrants_by_zone[z];
        }
        return a;
      });

  std::int64_t persons = 0;
  for (auto v : t.by_registration) persons += v;
  const std::int64_t migrant_persons =
      t.by_registration[static_cast<std::size_t>(Registration::migrant)] +
      t.by_registration[static_cast<std::size_t>(Registration::migrant_permit)];
  const auto share = [](double part, double whole) { return whole > 0 ? part / whole : 0.0; };

  // Dissimilarity and occupancy over cells, summed in cell order.
  std::int64_t all_mig = 0, all_reg = 0, occupied = 0, capacity = 0;
  for (std::size_t c = 0; c < g.size(); ++c) {
    all_mig += g.migrants[c];
    all_reg += g.registered[c];
    capacity += g.capacity[c];
  }
  occupied = all_mig + all_reg;
  double dissimilarity = 0.0;
  if (all_mig > 0 && all_reg > 0) {
    for (std::size_t c = 0; c < g.size(); ++c)
      dissimilarity += std::fabs(static_cast<double>(g.migrants[c]) / all_mig -
                                 static_cast<double>(g.registered[c]) / all_reg);
    dissimilarity *= 0.5;
  }

  std::size_t k = 0;
  row[k++] = persons * scale;
  row[k++] = static_cast<double>(h.size_alive()) * scale;
  for (auto v : t.by_registration) row[k++] = v * scale;
  row[k++] = share(migrant_persons, persons);
  for (auto v : t.by_zone) row[k++] = v * scale;
  for (std::size_t z = 0; z < kZoneCount; ++z) row[k++] = share(t.migrants_by_zone[z], t.by_zone[z]);
  row[k++] = flows.arrivals * scale;
  row[k++] = flows.departures * scale;
  row[k++] = flows.settlements * scale;
  row[k++] = moves.moves * scale;
  row[k++] = share(moves.content, static_cast<double>(h.size_alive()));
  row[k++] = dissimilarity;
  row[k++] = share(occupied, capacity);
}

void Metrics::fill_map(const World& w, const Scenario& s, std::size_t map_index,
                       std::span<float> cells) const {
  const auto& g = w.grid;
  const double scale = s.population.scale;
  for (std::size_t c = 0; c < g.size(); ++c) {
    const auto occ = g.registered[c] + g.migrants[c];
    float v = 0.0f;
    switch (map_index) {
      case map_households: v = static_cast<float>(occ * scale); break;
      case map_migrant_share: v = occ > 0 ? static_cast<float>(g.migrants[c]) / occ : NAN; break;
      case map_occupancy:
        v = g.capacity[c] > 0 ? static_cast<float>(occ) / g.capacity[c] : NAN;
        break;
      case map_rent: v = g.rent[c]; break;
      case map_zone: v = static_cast<float>(g.zone[c]); break;
      default: break;
    }
    cells[c] = v;
  }
}

}  // namespace zhili
