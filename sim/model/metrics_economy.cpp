#include "model/metrics_economy.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

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

std::vector<SeriesSpec> EconomyMetrics::series_specs() {
  return {
      {"urban_share", "1", "Urbanization by residence: share of people living in the city's zones", "", {}},
      {"urban_share_registration", "1",
       "Urbanization by registration: share of people holding an urban registration (incl. settled)", "", {}},
      {"urban_employment_rate", "1", "p: employed urban workers over the urban labour force", "", {}},
      {"unemployment_by_group", "1",
       "Unemployed share of the urban labour force by registration (villagers farm: 0)", "registration",
       registration_labels()},
      {"income_per_capita_by_group", "yuan/month", "Mean income per person by registration", "registration",
       registration_labels()},
      {"urban_rural_income_ratio", "ratio",
       "Per-capita income of city residents over that of rural residents", "", {}},
      {"gini", "1", "Gini coefficient of per-capita income over all persons (binned Lorenz curve)", "", {}},
      {"employment_share", "1", "Employed workers by sector (villagers in primary)", "sector",
       {"primary", "secondary", "tertiary"}},
      {"urban_jobs", "jobs", "Urban jobs in the secondary and tertiary sectors, real workers", "", {}},
      {"mean_urban_wage", "yuan/month", "Expected wage of an urban job, W_U", "", {}},
      {"rural_income", "yuan/month", "Income of a farm worker, W_R", "", {}},
      {"expected_gain", "yuan/month", "Harris-Todaro gain p W_U - W_R - cost per worker", "", {}},
      {"rural_to_urban", "households/step", "Villagers moving to the city during the step", "", {}},
      {"returns", "households/step", "Migrants returning to the countryside during the step", "", {}},
      {"unemployment_by_zone", "1", "Unemployed share of the urban labour force by zone (rural: 0)", "zone",
       {kZoneNames.begin(), kZoneNames.end()}},
      {"income_per_capita_by_zone", "yuan/month", "Mean income per person by zone", "zone",
       {kZoneNames.begin(), kZoneNames.end()}},
      {"housing_cost_burden", "1",
       "Rent of the city's households' homes over their income (housing cost = the home cell's rent)", "", {}},
      {"jobs_by_zone", "jobs", "Urban jobs located in each zone, real workers (rural: 0)", "zone",
       {kZoneNames.begin(), kZoneNames.end()}},
      {"commuting_hires", "households/step",
       "Households hired during the step into a job outside the zone they live in", "", {}},
  };
}

std::size_t EconomyMetrics::row_width() {
  static const std::size_t width = [] {
    std::size_t n = 0;
    for (const auto& s : series_specs()) n += s.width();
    return n;
  }();
  return width;
}

void EconomyMetrics::setup(const World& w) {
  tallies_.reserve(Executor::block_count(w.households.capacity()) + 1);
}

void EconomyMetrics::compute(const World& w, const StepContext& ctx, const LabourState& labour,
                             const RuralMigrationCounts& rural, std::span<double> row) {
  const auto& h = w.households;
  const auto& g = w.grid;
  const double scale = ctx.scenario.population.scale;

  const double reference = labour.rural_income > 0 ? labour.rural_income : labour.mean_urban_wage();
  const Tally t = deterministic_reduce(
      ctx.exec, h.size_alive(), tallies_, Tally{},
      [&](std::size_t b, std::size_t e) {
        Tally k;
        for (std::size_t i = b; i < e; ++i) {
          const auto r = static_cast<std::size_t>(h.registration[i]);
          const double persons = h.size[i], income = h.income[i];
          k.persons[r] += persons;
          k.income[r] += income;
          const auto zone = static_cast<std::size_t>(g.zone[h.cell[i]]);
          const bool city = g.zone[h.cell[i]] != Zone::rural;
          k.zone_persons[zone] += persons;
          k.zone_income[zone] += income;
          if (city) {
            k.city_persons += persons;
            k.city_income += income;
            k.city_rent += g.rent[h.cell[i]];
            k.force[r] += h.workers[i];
            k.zone_force[zone] += h.workers[i];
            if (h.sector[i] == Sector::none) {
              k.unemployed[r] += h.workers[i];
              k.zone_unemployed[zone] += h.workers[i];
            }
          } else {
            k.rural_persons += persons;
            k.rural_income += income;
          }
          k.employed[static_cast<std::size_t>(h.sector[i])] += h.workers[i];
          const int bin = gini_bin(income / persons / reference);
          k.bin_persons[bin] += persons;
          k.bin_income[bin] += income;
        }
        return k;
      },
      [](Tally a, const Tally& b) {
        for (std::size_t r = 0; r < kRegistrationCount; ++r) {
          a.persons[r] += b.persons[r];
          a.income[r] += b.income[r];
          a.force[r] += b.force[r];
          a.unemployed[r] += b.unemployed[r];
        }
        for (std::size_t s = 0; s < kSectorCount; ++s) a.employed[s] += b.employed[s];
        a.city_persons += b.city_persons;
        a.city_income += b.city_income;
        a.rural_persons += b.rural_persons;
        a.rural_income += b.rural_income;
        a.city_rent += b.city_rent;
        for (std::size_t z = 0; z < kZoneCount; ++z) {
          a.zone_persons[z] += b.zone_persons[z];
          a.zone_income[z] += b.zone_income[z];
          a.zone_force[z] += b.zone_force[z];
          a.zone_unemployed[z] += b.zone_unemployed[z];
        }
        for (int k = 0; k < kGiniBins; ++k) {
          a.bin_persons[k] += b.bin_persons[k];
          a.bin_income[k] += b.bin_income[k];
        }
        return a;
      });

  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  double persons = 0;
  for (double p : t.persons) persons += p;
  const double urban_registered =
      t.persons[static_cast<std::size_t>(Registration::registered_urban)] +
      t.persons[static_cast<std::size_t>(Registration::settled)];
  const double employed = t.employed[1] + t.employed[2] + t.employed[3];

  std::size_t k = 0;
  row[k++] = ratio(t.city_persons, persons);
  row[k++] = ratio(urban_registered, persons);
  row[k++] = labour.employment_rate;
  for (std::size_t r = 0; r < kRegistrationCount; ++r) row[k++] = ratio(t.unemployed[r], t.force[r]);
  for (std::size_t r = 0; r < kRegistrationCount; ++r) row[k++] = ratio(t.income[r], t.persons[r]);
  row[k++] = ratio(ratio(t.city_income, t.city_persons), ratio(t.rural_income, t.rural_persons));
  row[k++] = gini(t.bin_persons, t.bin_income);
  for (std::size_t s = 1; s < kSectorCount; ++s) row[k++] = ratio(t.employed[s], employed);
  row[k++] = (labour.jobs_secondary + labour.jobs_tertiary) * scale;
  row[k++] = labour.mean_urban_wage();
  row[k++] = labour.rural_income;
  row[k++] = rural.expected_gain;
  row[k++] = rural.to_city * scale;
  row[k++] = rural.returns * scale;
  for (std::size_t z = 0; z < kZoneCount; ++z) row[k++] = ratio(t.zone_unemployed[z], t.zone_force[z]);
  for (std::size_t z = 0; z < kZoneCount; ++z) row[k++] = ratio(t.zone_income[z], t.zone_persons[z]);
  row[k++] = ratio(t.city_rent, t.city_income);
  for (std::size_t z = 0; z < kZoneCount; ++z)
    row[k++] = z < kCityZoneCount
                   ? (labour.zone_jobs_secondary[z] + labour.zone_jobs_tertiary[z]) * scale
                   : 0.0;
  row[k++] = static_cast<double>(labour.commuters) * scale;
}

}  // namespace zhili
