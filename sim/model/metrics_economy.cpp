#include "model/metrics_economy.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

#include "core/parallel.hpp"
#include "core/prefault.hpp"
#include "model/families.hpp"

namespace zhili {

namespace {

std::vector<std::string> registration_labels() {
  return {kRegistrationNames, kRegistrationNames + kRegistrationCount};
}

// log2 of x > 0 from its bits: the exponent plus log2 of the mantissa's top 8
// bits' midpoint, from a table (error < 0.003, a 26th of a Gini bin's width
// of 0.078 in log2 units). A library log costs more than the rest of the
// measuring pass per household.
struct Log2Table {
  std::array<double, 256> mantissa{};
  Log2Table() {
    for (int m = 0; m < 256; ++m) mantissa[static_cast<std::size_t>(m)] = std::log2(1.0 + (m + 0.5) / 256.0);
  }
};
const Log2Table kLog2;

double approx_log2(double x) {
  const auto bits = std::bit_cast<std::uint64_t>(x);
  const auto exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  return exponent + kLog2.mantissa[(bits >> 44) & 0xff];
}

// Bin of a per-capita income relative to the reference income (the rural
// income of the step), so the bins fit any currency unit and any year.
int gini_bin(double relative) {
  if (!(relative > 1e-3)) return 0;
  constexpr double kBinsPerLog2 = EconomyMetrics::kGiniBins / 6.0 * 0.30102999566398120;  // log10(2)
  const int b = static_cast<int>(approx_log2(relative) * kBinsPerLog2 + 0.5 * EconomyMetrics::kGiniBins);
  return std::clamp(b, 0, EconomyMetrics::kGiniBins - 1);
}

// Gini from a Lorenz curve of binned incomes (trapezoids).
template <std::size_t N>
double gini(const std::array<double, N>& persons, const std::array<double, N>& income) {
  double total_p = 0, total_y = 0;
  for (std::size_t b = 0; b < N; ++b) {
    total_p += persons[b];
    total_y += income[b];
  }
  if (total_p <= 0 || total_y <= 0) return 0.0;
  double area = 0, cum_y = 0;
  for (std::size_t b = 0; b < N; ++b) {
    const double y0 = cum_y;
    cum_y += income[b] / total_y;
    area += persons[b] / total_p * (y0 + cum_y);
  }
  return 1.0 - area;
}

}  // namespace

void EconomyMetrics::setup(const World& w) {
  // core/prefault.hpp: a tally per block each step (its income bins make it
  // a few pages a block).
  reserve_touched(tallies_, Executor::block_count(w.households.capacity()) + 1);
}

void EconomyMetrics::declare(ObservableTable& table, const Scenario& s) const {
  table.add(series_entries(), s, *this);
}

void EconomyMetrics::compute(const World& w, const StepContext& ctx, const LabourState& labour,
                             const RuralMigrationCounts& rural) {
  const auto& h = w.households;
  const auto& g = w.grid;
  const double scale = ctx.scenario.population.scale;

  const double reference = labour.rural_income > 0 ? labour.rural_income : labour.mean_urban_wage();
  // A split household sends this share of its income to its members left
  // behind: villagers of its origin when that is on the map, else gone from it.
  const double remit = ctx.scenario.family.enabled ? ctx.scenario.family.remittance_share : 0.0;
  const double farm_income = labour.rural_income;
  const double nonfarm_wage = labour.nonfarm_wage, left_farming = labour.left_farming_share;
  const double tertiary = labour.tertiary_share;
  const bool families = Families::active(ctx.scenario);
  const Tally t = deterministic_reduce(
      ctx.exec, h.size_alive(), tallies_, Tally{},
      [&](std::size_t b, std::size_t e) {
        Tally k;
        // Split households with members at an origin on the map, gathered
        // without a branch and visited after the block: the test would
        // mispredict (they are mixed at random among the others).
        std::array<std::uint16_t, Executor::kBlock> split;
        std::size_t splits = 0;
        for (std::size_t i = b; i < e; ++i) {
          const auto cell = static_cast<std::size_t>(h.cell[i]);
          const std::size_t c = class_of(static_cast<std::size_t>(h.registration[i]), static_cast<std::size_t>(g.zone[cell]),
                                         static_cast<std::size_t>(h.sector[i]));
          const double persons = h.size[i];
          const bool left = h.left_at_origin(i) != 0;
          const double sent = static_cast<double>(left) * remit * h.income[i];
          const double income = h.income[i] - sent;
          k.persons[c] += persons;
          k.income[c] += income;
          k.workers[c] += h.workers[i];
          k.rent[c] += g.rent[cell];
          const int bin = gini_bin(income / persons / reference);
          k.bin_persons[bin] += persons;
          k.bin_income[bin] += income;
          split[splits] = static_cast<std::uint16_t>(i - b);
          splits += left & (h.origin[i] >= 0);
        }
        for (std::size_t q = 0; q < splits; ++q) {
          const std::size_t i = b + split[q];
          const auto home_class = [&](Sector s) {
            return class_of(static_cast<std::size_t>(Registration::registered_rural),
                            static_cast<std::size_t>(g.zone[static_cast<std::size_t>(h.origin[i])]),
                            static_cast<std::size_t>(s));
          };
          const std::size_t at = home_class(Sector::primary);
          // The workers left there farm, within farming's room, or work off
          // the farm nearby: their own income, and their place in employment.
          const double left = h.left_at_origin(i);
          const double farming = h.left_workers[i] * left_farming, off_farm = h.left_workers[i] - farming;
          const double at_home = remit * h.income[i] + farming * farm_income + off_farm * nonfarm_wage;
          k.persons[at] += left;
          k.income[at] += at_home;
          k.workers[at] += farming;
          k.workers[home_class(Sector::secondary)] += off_farm * (1.0 - tertiary);
          k.workers[home_class(Sector::tertiary)] += off_farm * tertiary;
          const int home_bin = gini_bin(at_home / left / reference);
          k.bin_persons[home_bin] += left;
          k.bin_income[home_bin] += at_home;
        }
        // The families' tally of the block, while its arrays are in cache.
        if (families) {
          FamilyTally family;
          family.add_block(h, b, e);
          k.family = family;
        }
        return k;
      },
      [](Tally a, const Tally& b) {
        for (std::size_t c = 0; c < kClasses; ++c) {
          a.persons[c] += b.persons[c];
          a.income[c] += b.income[c];
          a.workers[c] += b.workers[c];
          a.rent[c] += b.rent[c];
        }
        for (int k = 0; k < kGiniBins; ++k) {
          a.bin_persons[k] += b.bin_persons[k];
          a.bin_income[k] += b.bin_income[k];
        }
        a.family.merge(b.family);
        return a;
      });

  family_ = t.family;
  families_counted_ = families;
  // The row's tallies, summed over the classes.
  Measured& m = at_;
  m = Measured{};
  m.scale = scale;
  m.labour = &labour;
  m.rural = rural;
  for (std::size_t r = 0; r < kRegistrationCount; ++r)
    for (std::size_t z = 0; z < kZoneCount; ++z)
      for (std::size_t sec = 0; sec < kSectorCount; ++sec) {
        const std::size_t c = class_of(r, z, sec);
        m.persons_r[r] += t.persons[c];
        m.income_r[r] += t.income[c];
        m.zone_persons[z] += t.persons[c];
        m.zone_income[z] += t.income[c];
        m.employed_s[sec] += t.workers[c];
        if (z == static_cast<std::size_t>(Zone::rural)) {
          m.rural_persons += t.persons[c];
          m.rural_income += t.income[c];
          continue;
        }
        m.city_persons += t.persons[c];
        m.city_income += t.income[c];
        m.city_rent += t.rent[c];
        m.force_r[r] += t.workers[c];
        m.zone_force[z] += t.workers[c];
        if (sec == static_cast<std::size_t>(Sector::none)) {
          m.unemployed_r[r] += t.workers[c];
          m.zone_unemployed[z] += t.workers[c];
        }
      }
  for (double p : m.persons_r) m.persons += p;
  m.urban_registered = m.persons_r[static_cast<std::size_t>(Registration::registered_urban)] +
                       m.persons_r[static_cast<std::size_t>(Registration::settled)];
  m.employed = m.employed_s[1] + m.employed_s[2] + m.employed_s[3];
  m.gini = gini(t.bin_persons, t.bin_income);
}

namespace {

double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }
// Unemployment of a group or zone without an urban labour force is not 0 but undefined.
double unemployment(double unemployed, double force) {
  return force > 0 ? unemployed / force : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

const std::vector<SeriesEntry<EconomyMetrics>>& EconomyMetrics::series_entries() {
  using E = EconomyMetrics;
  using W = SeriesWriter;
  const std::vector<std::string> zones{kZoneNames.begin(), kZoneNames.end()};
  static const std::vector<SeriesEntry<EconomyMetrics>> entries{
      {{"urban_share", "1", "Urbanization by residence: share of people living in the city's zones", "", {}},
       [](const E& e, W& out) { out.put(ratio(e.at_.city_persons, e.at_.persons)); }},
      {{"urban_share_registration", "1",
        "Urbanization by registration: share of people holding an urban registration (incl. settled)", "", {}},
       [](const E& e, W& out) { out.put(ratio(e.at_.urban_registered, e.at_.persons)); }},
      {{"urban_employment_rate", "1", "p: employed urban workers over the urban labour force", "", {}, Better::higher},
       [](const E& e, W& out) { out.put(e.at_.labour->employment_rate); }},
      {{"unemployment_by_group", "1",
        "Unemployed share of the urban labour force by registration (villagers, who farm or work off the farm "
        "nearby, are not in it: n/a)", "registration", registration_labels(), Better::lower},
       [](const E& e, W& out) {
         for (std::size_t r = 0; r < kRegistrationCount; ++r)
           out.put(unemployment(e.at_.unemployed_r[r], e.at_.force_r[r]));
       }},
      {{"income_per_capita_by_group", "yuan/month", "Mean income per person by registration", "registration",
        registration_labels(), Better::higher},
       [](const E& e, W& out) {
         for (std::size_t r = 0; r < kRegistrationCount; ++r) out.put(ratio(e.at_.income_r[r], e.at_.persons_r[r]));
       }},
      {{"urban_rural_income_ratio", "ratio", "Per-capita income of city residents over that of rural residents",
        "", {}, Better::lower},
       [](const E& e, W& out) {
         out.put(ratio(ratio(e.at_.city_income, e.at_.city_persons), ratio(e.at_.rural_income, e.at_.rural_persons)));
       }},
      {{"gini", "1", "Gini coefficient of per-capita income over all persons (binned Lorenz curve)", "", {}, Better::lower},
       [](const E& e, W& out) { out.put(e.at_.gini); }},
      {{"employment_share", "1", "Employed workers by sector (villagers in primary)", "sector",
        {"primary", "secondary", "tertiary"}},
       [](const E& e, W& out) {
         for (std::size_t s = 1; s < kSectorCount; ++s) out.put(ratio(e.at_.employed_s[s], e.at_.employed));
       }},
      {{"urban_jobs", "jobs", "Urban jobs in the secondary and tertiary sectors, real workers", "", {}},
       [](const E& e, W& out) { out.put((e.at_.labour->jobs_secondary + e.at_.labour->jobs_tertiary) * e.at_.scale); }},
      {{"mean_urban_wage", "yuan/month", "Expected wage of an urban job, W_U", "", {}},
       [](const E& e, W& out) { out.put(e.at_.labour->mean_urban_wage()); }},
      {{"rural_income", "yuan/month", "Income of a farm worker, W_R", "", {}},
       [](const E& e, W& out) { out.put(e.at_.labour->rural_income); }},
      {{"expected_gain", "yuan/month", "Harris-Todaro gain p W_U - W_R - cost per worker", "", {}},
       [](const E& e, W& out) { out.put(e.at_.rural.expected_gain); }},
      {{"rural_to_urban", "households/step", "Villagers moving to the city during the step", "", {}},
       [](const E& e, W& out) { out.put(e.at_.rural.to_city * e.at_.scale); }},
      {{"returns", "households/step", "Migrants returning to the countryside during the step", "", {}},
       [](const E& e, W& out) { out.put(e.at_.rural.returns * e.at_.scale); }},
      {{"unemployment_by_zone", "1",
        "Unemployed share of the urban labour force by zone (the rural zone has none: n/a)", "zone", zones, Better::lower},
       [](const E& e, W& out) {
         for (std::size_t z = 0; z < kZoneCount; ++z) out.put(unemployment(e.at_.zone_unemployed[z], e.at_.zone_force[z]));
       }},
      {{"income_per_capita_by_zone", "yuan/month", "Mean income per person by zone", "zone", zones, Better::higher},
       [](const E& e, W& out) {
         for (std::size_t z = 0; z < kZoneCount; ++z) out.put(ratio(e.at_.zone_income[z], e.at_.zone_persons[z]));
       }},
      {{"housing_cost_burden", "1",
        "Rent of the city's households' homes over their income (housing cost = the home cell's rent)", "", {}, Better::lower},
       [](const E& e, W& out) { out.put(ratio(e.at_.city_rent, e.at_.city_income)); }},
      {{"jobs_by_zone", "jobs", "Urban jobs located in each zone, real workers (rural: 0)", "zone", zones},
       [](const E& e, W& out) {
         const LabourState& labour = *e.at_.labour;
         for (std::size_t z = 0; z < kZoneCount; ++z)
           out.put(z < kCityZoneCount ? (labour.zone_jobs_secondary[z] + labour.zone_jobs_tertiary[z]) * e.at_.scale
                                      : 0.0);
       }},
      {{"commuting_hires", "households/step",
        "Households hired during the step into a job outside the zone they live in", "", {}},
       [](const E& e, W& out) { out.put(static_cast<double>(e.at_.labour->commuters) * e.at_.scale); }},
  };
  return entries;
}

}  // namespace zhili
