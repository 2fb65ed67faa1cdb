// The registry of random-number stream ids. Every submodel that draws random
// numbers uses its own stream, listed here and nowhere else, so two submodels
// can never share a stream by accident (the HOOMD-blue convention).
//
// Ids are part of the output's reproducibility contract: never renumber an
// existing stream, only append new ones.
#pragma once

#include <cstdint>

namespace zhili {

enum class Stream : std::uint32_t {
  world_generation = 1,     // map generator: zone noise, capacities
  initial_population = 2,   // households placed at set-up
  arrivals = 3,             // migrant arrivals: how many, where
  departures = 4,           // return migration decisions
  settlement = 5,           // migrant -> registered conversion
  relocation_choice = 6,    // within-city moves: which vacancy to claim
  relocation_activation = 7,// within-city moves: who considers moving this step
  claim_tiebreak = 8,       // hashes that order equal-priority claims on a resource
  job_separation = 9,       // employed workers losing their job
  job_matching = 10,        // hiring order of job-seekers
  rural_migration = 11,     // Harris-Todaro moving decision of rural households
  rural_destination = 12,   // where a rural migrant settles in the city
  return_migration = 13,    // long-unemployed migrants going home to the countryside
  relocation_order = 14,    // within-city moves, sequential activation: the visiting order
  rural_nonfarm = 15,       // does a villager work off the farm this year
  demography = 16,          // births, deaths, ageing, household splits
  household_formation = 17, // where a new household settles
  commute = 18,             // does a job-seeker take a job outside the zone it lives in
  service_need = 19,        // needs arising: whether, which, when, eligibility
  digital_growth = 20,      // households gaining digital access
  service_visit = 21,       // a case's visit to an outlet (counter step = day): arrival, service, patience, outcome
  service_online = 22,      // a case's online channel: taken or not, processing days, failure
  hardship_draw = 23,       // a household's own fixed hardship u (counter step 0)
  risk_aversion = 24,       // a household's fixed risk aversion R (counter step 0)
  complaint = 25,           // filing a complaint: whether, which channel
  dispute = 26,             // disputes arising: whether, which kind, path; mediation outcome
  officer_patrol = 27,      // officers: posts at set-up, moves each step, whom they detain
  detention = 28,           // detention term of a detained household
  assistance = 29,          // whether a special-population household is covered by assistance (fixed)
  conflict_order = 30,      // sequential activation of the conflict model: the visiting order
  conflict_move = 31,       // conflict.movement: visiting order and where each household moves
  rural_sector = 32,        // a villager working off the farm: in industry or services this year
  service_return = 33,      // a case that found every outlet closed: days until it tries again (counter step = day)
  earnings = 34,            // a household's fixed earnings rank (counter step 0)
  activation_threshold = 35,// a household's fixed conflict threshold rank (counter step 0), Granovetter
  renewal = 36,             // renewal projects: agreement, displacement (destination, disputes), by household id
  family_split = 37,        // does a migrant household move whole, or leave children and elderly behind
  family = 38,              // reunification of the members left behind; registration away from residence
  insurance = 39,           // schemes a job comes with; enforcement catching up
  health = 40,              // illness and work injury; whether an injury becomes a dispute
  test_a = 1000,            // reserved for tests
  test_b = 1001,
};

}  // namespace zhili
