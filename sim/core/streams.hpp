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
  test_a = 1000,            // reserved for tests
  test_b = 1001,
};

}  // namespace zhili
