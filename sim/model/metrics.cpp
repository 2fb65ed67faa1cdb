#include "model/metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/prefault.hpp"

namespace zhili {

namespace {

std::vector<std::string> registration_labels() {
  return {kRegistrationNames, kRegistrationNames + kRegistrationCount};
}
std::vector<std::string> zone_labels() { return {kZoneNames.begin(), kZoneNames.end()}; }

double share(double part, double whole) { return whole > 0 ? part / whole : 0.0; }
bool demography_on(const Scenario& s) { return s.demography.enabled; }

}  // namespace

void Metrics::setup(const World& w) {
  reserve_touched(tallies_, Executor::block_count(w.households.capacity()) + 1);  // core/prefault.hpp
  economy_.setup(w);
}

void Metrics::setup_neighbours(const World& w, int radius) {
  near_.setup(w.grid.width, w.grid.height, radius);
}

void Metrics::declare(ObservableTable& table, const Scenario& s) const {
  table.add(series_entries(), s, *this);
  if (s.economy.enabled) economy_.declare(table, s);
  table.add(demography_entries(), s, *this);
  table.add(map_entries(), s, *this);
}

void Metrics::compute(const World& w, const StepContext& ctx, const MeasureInputs& in) {
  const auto& h = w.households;
  const auto& g = w.grid;
  const double scale = ctx.scenario.population.scale;

  const Tally t = deterministic_reduce(
      ctx.exec, h.size_alive(), tallies_, Tally{},
      [&](std::size_t b, std::size_t e) {
        // Persons by (registration, zone): one add per household, into four
        // histograms taken in turn so that consecutive adds seldom wait on
        // each other; integer sums, so the totals do not depend on the order.
        constexpr std::size_t kBins = kRegistrationCount * kZoneCount;
        constexpr std::size_t kCopies = 4;
        std::array<std::array<std::int32_t, kBins>, kCopies> hist{};  // a block: <= 4096 x 255 persons
        Tally k;
        std::array<std::uint16_t, Executor::kBlock> split;
        std::size_t splits = 0;
        for (std::size_t i = b; i < e; ++i) {
          const auto zone = static_cast<std::size_t>(g.zone[h.cell[i]]);
          const auto reg = static_cast<std::size_t>(h.registration[i]);
          hist[i % kCopies][reg * kZoneCount + zone] += h.size[i];
          k.children += h.children[i];
          k.elderly += h.elderly[i];
          k.digital_households += h.digital[i];
          k.special_households += h.special[i];
          split[splits] = static_cast<std::uint16_t>(i - b);
          splits += (h.origin[i] >= 0) & (h.left_at_origin(i) != 0);
        }
        // Members left at an origin on the map are villagers there
        // (model/families.hpp): those households, gathered above without a
        // branch (they are mixed at random among the others).
        for (std::size_t q = 0; q < splits; ++q) {
          const std::size_t i = b + split[q];
          const auto at = static_cast<std::size_t>(g.zone[h.origin[i]]);
          constexpr auto kRural = static_cast<std::size_t>(Registration::registered_rural);
          hist[0][kRural * kZoneCount + at] += h.left_at_origin(i);
          k.children += h.left_children[i];
          k.elderly += h.left_elderly[i];
        }
        for (std::size_t reg = 0; reg < kRegistrationCount; ++reg) {
          for (std::size_t zone = 0; zone < kZoneCount; ++zone) {
            std::int64_t persons = 0;
            for (const auto& copy : hist) persons += copy[reg * kZoneCount + zone];
            k.by_registration[reg] += persons;
            k.by_zone[zone] += persons;
            if (is_migrant(static_cast<Registration>(reg))) k.migrants_by_zone[zone] += persons;
          }
        }
        return k;
      },
      [](Tally a, const Tally& b) {
        a.children += b.children;
        a.elderly += b.elderly;
        a.digital_households += b.digital_households;
        a.special_households += b.special_households;
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

  // Occupancy and dissimilarity over cells, in integers (exact, so the
  // order of the sums does not matter): chunks of at most 4096 cells summed in
  // 32 bits (4096 x 100,000 homes < 2^31), so these loops vectorise.
  std::int64_t all_mig = 0, all_reg = 0, capacity = 0, mixed = 0;
  for (std::size_t c0 = 0; c0 < g.size(); c0 += 4096) {
    const std::size_t c1 = std::min(g.size(), c0 + 4096);
    std::int32_t mig = 0, reg = 0, cap = 0, mix = 0;
    for (std::size_t c = c0; c < c1; ++c) {
      mig += g.migrants[c];
      reg += g.registered[c];
      cap += g.capacity[c];
      mix += (g.migrants[c] > 0) & (g.registered[c] > 0);
    }
    all_mig += mig;
    all_reg += reg;
    capacity += cap;
    mixed += mix;
  }
  const std::int64_t occupied = all_mig + all_reg;
  // D = 1/2 sum_c |m_c/M - r_c/R| = 1 - sum_c min(m_c/M, r_c/R): only cells
  // holding both groups add to the sum, kept exact as sum_c min(m_c R, r_c M)
  // <= M R; one rounding at the end.
  double dissimilarity = 0.0;
  if (all_mig > 0 && all_reg > 0) {
    std::int64_t overlap = 0;
    if (mixed > 0) {
      for (std::size_t c = 0; c < g.size(); ++c) {
        const std::int64_t m = g.migrants[c], r = g.registered[c];
        if (m > 0 && r > 0) overlap += std::min(m * all_reg, r * all_mig);
      }
    }
    const std::int64_t both = all_mig * all_reg;
    dissimilarity = static_cast<double>(both - overlap) / static_cast<double>(both);
  }

  at_.scale = scale;
  at_.tally = t;
  at_.persons = persons;
  at_.migrant_persons = migrant_persons;
  at_.households = h.size_alive();
  at_.flows = in.flows;
  at_.moves = in.moves;
  if (in.demography) at_.demography = *in.demography;
  at_.occupied = occupied;
  at_.capacity = capacity;
  at_.dissimilarity = dissimilarity;
  if (in.neighbours) {
    at_.same_group_share = in.neighbours->pairs().share();
  } else {
    near_.rebuild(g);
    at_.same_group_share = near_.pairs().share();
  }
  if (in.labour && in.rural) economy_.compute(w, ctx, *in.labour, *in.rural);
}

const std::vector<SeriesEntry<Metrics>>& Metrics::series_entries() {
  using W = SeriesWriter;
  static const std::vector<SeriesEntry<Metrics>> entries{
      {{"population", "persons", "Residents of the map, real persons", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.persons * m.at_.scale); }},
      {{"households", "households", "Resident households, real households", "", {}},
       [](const Metrics& m, W& out) { out.put(static_cast<double>(m.at_.households) * m.at_.scale); }},
      {{"population_by_registration", "persons", "Residents by registration status", "registration",
        registration_labels()},
       [](const Metrics& m, W& out) {
         for (auto v : m.at_.tally.by_registration) out.put(v * m.at_.scale);
       }},
      {{"migrant_share", "1", "Share of residents who are migrants (floating population)", "", {}},
       [](const Metrics& m, W& out) { out.put(share(m.at_.migrant_persons, m.at_.persons)); }},
      {{"population_by_zone", "persons", "Residents by zone type", "zone", zone_labels()},
       [](const Metrics& m, W& out) {
         for (auto v : m.at_.tally.by_zone) out.put(v * m.at_.scale);
       }},
      {{"migrant_share_by_zone", "1", "Share of each zone's residents who are migrants", "zone", zone_labels()},
       [](const Metrics& m, W& out) {
         for (std::size_t z = 0; z < kZoneCount; ++z)
           out.put(share(m.at_.tally.migrants_by_zone[z], m.at_.tally.by_zone[z]));
       }},
      {{"arrivals", "households/step", "Migrant households arriving during the step", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.flows.arrivals * m.at_.scale); }},
      {{"departures", "households/step", "Migrant households returning home during the step", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.flows.departures * m.at_.scale); }},
      {{"settlements", "households/step",
        "Migrant households converted to registered residents (市民化) during the step", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.flows.settlements * m.at_.scale); }},
      {{"moves", "households/step", "Households moving within the city during the step", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.moves.moves * m.at_.scale); }},
      {{"content_share", "1",
        "Share of households content with their neighbourhood's group mix (synchronous relocation: "
        "before moves; sequential: each on its turn)", "", {}},
       [](const Metrics& m, W& out) {
         out.put(share(m.at_.moves.content, static_cast<double>(m.at_.households)));
       }},
      {{"dissimilarity", "1",
        "Dissimilarity index of migrant vs registered households over cells (Duncan & Duncan 1955)", "", {}, Better::lower},
       [](const Metrics& m, W& out) { out.put(m.at_.dissimilarity); }},
      {{"same_group_neighbour_share", "1",
        "Share of same-group households among the households within relocation.radius of each "
        "household, pooled over all households (Schelling segregation; NetLogo's percent similar)", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.same_group_share); }},
      {{"housing_occupancy", "1", "Occupied share of the housing capacity", "", {}},
       [](const Metrics& m, W& out) { out.put(share(m.at_.occupied, m.at_.capacity)); }},
      {{"floating_population", "persons",
        "Migrants living on the map away from their registration (流动人口), real persons", "", {}},
       [](const Metrics& m, W& out) { out.put(m.at_.migrant_persons * m.at_.scale); }},
      {{"population_by_age", "persons", "Residents by age group (working age = the household's workers)", "age",
        {"children", "working_age", "elderly"}},
       [](const Metrics& m, W& out) {
         const Tally& t = m.at_.tally;
         out.put(static_cast<double>(t.children) * m.at_.scale);
         out.put(static_cast<double>(m.at_.persons - t.children - t.elderly) * m.at_.scale);
         out.put(static_cast<double>(t.elderly) * m.at_.scale);
       }},
      {{"digital_access_share", "1", "Share of households able to use online services", "", {}},
       [](const Metrics& m, W& out) {
         out.put(share(static_cast<double>(m.at_.tally.digital_households), static_cast<double>(m.at_.households)));
       }},
      {{"special_population", "households",
        "Households with a member in a special population (帮教 targets), real households", "", {}},
       [](const Metrics& m, W& out) { out.put(static_cast<double>(m.at_.tally.special_households) * m.at_.scale); }},
  };
  return entries;
}

const std::vector<SeriesEntry<Metrics>>& Metrics::demography_entries() {
  using W = SeriesWriter;
  static const std::vector<SeriesEntry<Metrics>> entries{
      {{"births", "persons/step", "Births during the step, real persons", "", {}},
       [](const Metrics& m, W& out) { out.put(static_cast<double>(m.at_.demography.births) * m.at_.scale); },
       demography_on},
      {{"deaths", "persons/step", "Deaths during the step, real persons", "", {}},
       [](const Metrics& m, W& out) { out.put(static_cast<double>(m.at_.demography.deaths) * m.at_.scale); },
       demography_on},
      {{"households_formed", "households/step", "New households split off during the step, real households", "",
        {}},
       [](const Metrics& m, W& out) { out.put(static_cast<double>(m.at_.demography.formed) * m.at_.scale); },
       demography_on},
  };
  return entries;
}

const std::vector<MapEntry<Metrics>>& Metrics::map_entries() {
  static const std::vector<MapEntry<Metrics>> entries{
      {{"households", "households", "Resident households per cell, real households"},
       [](const Metrics&, const MapInputs& in, std::span<float> cells) {
         const auto& g = in.world.grid;
         const double scale = in.scenario.population.scale;
         for (std::size_t c = 0; c < g.size(); ++c)
           cells[c] = static_cast<float>((g.registered[c] + g.migrants[c]) * scale);
       }},
      {{"migrant_share", "1", "Share of the cell's households who are migrants (NaN when empty)"},
       [](const Metrics&, const MapInputs& in, std::span<float> cells) {
         const auto& g = in.world.grid;
         for (std::size_t c = 0; c < g.size(); ++c) {
           const auto occ = g.registered[c] + g.migrants[c];
           cells[c] = occ > 0 ? static_cast<float>(g.migrants[c]) / occ : NAN;
         }
       }},
      {{"occupancy", "1", "Occupied share of the cell's housing capacity (NaN when none)"},
       [](const Metrics&, const MapInputs& in, std::span<float> cells) {
         const auto& g = in.world.grid;
         for (std::size_t c = 0; c < g.size(); ++c) {
           const auto occ = g.registered[c] + g.migrants[c];
           cells[c] = g.capacity[c] > 0 ? static_cast<float>(occ) / g.capacity[c] : NAN;
         }
       }},
      {{"rent", "yuan/month", "Monthly rent per household"},
       [](const Metrics&, const MapInputs& in, std::span<float> cells) {
         const auto& g = in.world.grid;
         for (std::size_t c = 0; c < g.size(); ++c) cells[c] = g.rent[c];
       }},
      {{"zone", "code", "Zone type: 0 urban_core, 1 fringe, 2 urban_village, 3 suburb, 4 rural"},
       [](const Metrics&, const MapInputs& in, std::span<float> cells) {
         const auto& g = in.world.grid;
         for (std::size_t c = 0; c < g.size(); ++c) cells[c] = static_cast<float>(g.zone[c]);
       }},
  };
  return entries;
}

}  // namespace zhili
