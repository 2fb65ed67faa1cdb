// A synthetic city of a given size for benchmarks: the default district's
// parameters, with the map grown so that housing stays ~70 % occupied. With
// `economy`, the whole population-and-migration submodel set runs: labour
// market, Harris-Todaro migration of the villagers, settlement, arrivals,
// relocation, with the default district's earnings spread and search
// frictions. With `services`, public services on the default outlet layout.
// With `social`, grievance with its channels, disputes and conflict (Epstein
// activation, officers, incidents) with the default district's rule: spread
// thresholds, the district's response, gatherings, grid workers' relief.
#pragma once

#include <cmath>
#include <string>

#include "scenario/load.hpp"

namespace zhili::bench {

inline Scenario city(long long households, long long steps, int threads, bool economy = false,
                     bool services = false, bool social = false) {
  // Capacity averages ~10 households per cell over a city this shape; size the
  // square map so the population fills about 70 % of it.
  const int side = static_cast<int>(std::ceil(std::sqrt(households / 7.0)));
  const double km = 0.5;
  const double radius_km = side * km / 2.0;
  std::string yaml =
      "run: {name: bench, start: 2015-01, steps: " + std::to_string(steps) +
      ", seed: 1, threads: " + std::to_string(threads) +
      "}\n"
      "world:\n"
      "  width: " + std::to_string(side) + "\n  height: " + std::to_string(side) +
      "\n  cell_km: 0.5\n"
      "  generator: {centre: [" + std::to_string(side / 2) + ", " + std::to_string(side / 2) +
      "], core_radius_km: " + std::to_string(0.35 * radius_km) +
      ", fringe_radius_km: " + std::to_string(0.7 * radius_km) +
      ", suburb_radius_km: " + std::to_string(1.5 * radius_km) +
      "}\n"
      "  capacity: {urban_core: 16, fringe: 12, urban_village: 16, suburb: 8, rural: 4}\n"
      "population: {households: " + std::to_string(households) + ", migrant_share: 0.35}\n"
      "output: {flush_every: 50, map_every: 0}\n";
  if (economy)
    yaml +=
        "economy: {enabled: true, demand: logistic, logit_intercept: -0.2, logit_slope: 0.03,\n"
        "          primary_share: 0.4, primary_shift: -0.005, wage_secondary: 2.2, wage_tertiary: 2.6,\n"
        "          rural_income: 1.0, rural_nonfarm_wage: 0.6,\n"
        "          wage_dispersion: 0.7, rural_income_dispersion: 0.7, matching_efficiency: 0.3}\n"
        "migration: {ht_beta: 0.3, ht_hukou_barrier: 0.6, ht_moving_cost: 0.1}\n";
  if (services) yaml += "services: {enabled: true}\n";  // needs, default outlet layout, online platform
  if (social)
    yaml +=
        "grievance: {enabled: true, grid_relief: 0.3}\ndisputes: {enabled: true}\n"
        "conflict: {enabled: true, threshold_spread: 0.05, surge: 1, arrest_k: 30, incident_extent: gathering,\n"
        "           incident_threshold: 20}\n";
  return load_scenario_text(yaml, "<bench city>");
}

}  // namespace zhili::bench
