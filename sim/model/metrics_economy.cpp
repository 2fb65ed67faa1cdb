#include "model/metrics_economy.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

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
       "Unemployed share of the urban labour force by registration (villagers, who farm or work off the farm nearby, are not in it: n/a)", "registration",
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
      {"unemployment_by_zone", "1", "Unemployed share of the urban labour force by zone (the rural zone has none: n/a)", "zone",
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
          const auto cell = static_cast<std::size_t>(h.cell[i]);
          const std::size_t c = class_of(static_cast<std::size_t>(h.registration[i]), static_cast<std::size_t>(g.zone[cell]),
                                         static_cast<std::size_t>(h.sector[i]));
          const double persons = h.size[i], income = h.income[i];
          k.persons[c] += persons;
          k.income[c] += income;
          k.workers[c] += h.workers[i];
          k.rent[c] += g.rent[cell];
          const int bin = gini_bin(income / persons / reference);
          k.bin_persons[bin] += persons;
          k.bin_income[bin] += income;
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
        return a;
      });

  // The row's tallies, summed over the classes.
  std::array<double, kRegistrationCount> persons_r{}, income_r{}, force_r{}, unemployed_r{};
  std::array<double, kSectorCount> employed_s{};
  std::array<double, kZoneCount> zone_persons{}, zone_income{}, zone_force{}, zone_unemployed{};
  double city_persons = 0, city_income = 0, city_rent = 0, rural_persons = 0, rural_income = 0;
  for (std::size_t r = 0; r < kRegistrationCount; ++r)
    for (std::size_t z = 0; z < kZoneCount; ++z)
      for (std::size_t sec = 0; sec < kSectorCount; ++sec) {
        const std::size_t c = class_of(r, z, sec);
        persons_r[r] += t.persons[c];
        income_r[r] += t.income[c];
        zone_persons[z] += t.persons[c];
        zone_income[z] += t.income[c];
        employed_s[sec] += t.workers[c];
        if (z == static_cast<std::size_t>(Zone::rural)) {
          rural_persons += t.persons[c];
          rural_income += t.income[c];
          continue;
        }
        city_persons += t.persons[c];
        city_income += t.income[c];
        city_rent += t.rent[c];
        force_r[r] += t.workers[c];
        zone_force[z] += t.workers[c];
        if (sec == static_cast<std::size_t>(Sector::none)) {
          unemployed_r[r] += t.workers[c];
          zone_unemployed[z] += t.workers[c];
        }
      }

  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  double persons = 0;
  for (double p : persons_r) persons += p;
  const double urban_registered =
      persons_r[static_cast<std::size_t>(Registration::registered_urban)] +
      persons_r[static_cast<std::size_t>(Registration::settled)];
  const double employed = employed_s[1] + employed_s[2] + employed_s[3];

  std::size_t k = 0;
  row[k++] = ratio(city_persons, persons);
  row[k++] = ratio(urban_registered, persons);
  row[k++] = labour.employment_rate;
  // Unemployment of a group or zone without an urban labour force is not 0 but undefined.
  const auto unemployment = [](double unemployed, double force) {
    return force > 0 ? unemployed / force : std::numeric_limits<double>::quiet_NaN();
  };
  for (std::size_t r = 0; r < kRegistrationCount; ++r) row[k++] = unemployment(unemployed_r[r], force_r[r]);
  for (std::size_t r = 0; r < kRegistrationCount; ++r) row[k++] = ratio(income_r[r], persons_r[r]);
  row[k++] = ratio(ratio(city_income, city_persons), ratio(rural_income, rural_persons));
  row[k++] = gini(t.bin_persons, t.bin_income);
  for (std::size_t s = 1; s < kSectorCount; ++s) row[k++] = ratio(employed_s[s], employed);
  row[k++] = (labour.jobs_secondary + labour.jobs_tertiary) * scale;
  row[k++] = labour.mean_urban_wage();
  row[k++] = labour.rural_income;
  row[k++] = rural.expected_gain;
  row[k++] = rural.to_city * scale;
  row[k++] = rural.returns * scale;
  for (std::size_t z = 0; z < kZoneCount; ++z) row[k++] = unemployment(zone_unemployed[z], zone_force[z]);
  for (std::size_t z = 0; z < kZoneCount; ++z) row[k++] = ratio(zone_income[z], zone_persons[z]);
  row[k++] = ratio(city_rent, city_income);
  for (std::size_t z = 0; z < kZoneCount; ++z)
    row[k++] = z < kCityZoneCount
                   ? (labour.zone_jobs_secondary[z] + labour.zone_jobs_tertiary[z]) * scale
                   : 0.0;
  row[k++] = static_cast<double>(labour.commuters) * scale;
}

}  // namespace zhili
