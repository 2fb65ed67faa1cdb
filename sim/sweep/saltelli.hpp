// Saltelli designs for variance-based sensitivity analysis (Saltelli et al.
// 2010, "Variance based sensitivity analysis of model output. Design and
// estimator for the total sensitivity index", Comput. Phys. Commun. 181).
//
// Two N x k matrices A and B of unit coordinates, then for each factor i the
// matrix AB_i: A with its column i taken from B. The model is evaluated on
// all N (k + 2) rows; sim/analyze/sobol.hpp turns the outputs into first-order
// and total indices. Order of the design points (docs/SWEEPS.md):
//
//   point = block * N + row,  block 0 = A, 1 = B, 1 + i = AB_i (i = 1..k)
//
// A and B are coordinates 0..k-1 and k..2k-1 of the Sobol' sequence
// (sobol_sequence.hpp), points 0..N-1, each coordinate shifted by a random
// digital shift (XOR with a 32-bit word per coordinate, drawn from the master
// seed; Owen 2003, "Quasi-Monte Carlo sampling", SIGGRAPH course notes). The
// shift keeps the sequence's stratification (its (t,m,s)-net property), moves
// the first point off the origin, and makes designs with different seeds
// independent randomisations, so a design is a function of the seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep/sobol_sequence.hpp"

namespace zhili::sweep {

// Most factors of a Saltelli design: 2k Sobol' coordinates are stored.
inline constexpr int kSaltelliMaxFactors = kSobolMaxDimensions / 2;

// The unit coordinates of the N (k + 2) design points, in the order above.
// Each row has k values in (0, 1).
std::vector<std::vector<double>> saltelli_design(int samples, int factors, std::uint64_t seed);

// Name of the block of design point `point`: "A", "B" or "AB<i>" (i 1-based).
std::string saltelli_block(int point, int samples);

}  // namespace zhili::sweep
