// Sobol' low-discrepancy sequence (Sobol' 1967) with the direction numbers of
// Joe & Kuo (2008), file new-joe-kuo-6.21201, the set most libraries use
// (scipy.stats.qmc, SALib). Points are generated in Gray-code order (Antonov &
// Saleev 1979), so point i is the XOR of the direction numbers selected by the
// bits of i ^ (i >> 1): no state, any point computable on its own.
//
// Used for Saltelli designs (saltelli.hpp): their A and B matrices are the
// first and last k coordinates of a 2k-dimensional sequence.
#pragma once

#include <cstdint>

namespace zhili::sweep {

// Dimensions with stored direction numbers (the first 64 of Joe & Kuo's
// 21,201): enough for Saltelli designs of up to 32 factors.
inline constexpr int kSobolMaxDimensions = 64;

// 32 bits of coordinate `dim` (0-based) of point `index` (0-based; point 0 is
// the origin). Throws std::out_of_range for dim >= kSobolMaxDimensions.
std::uint32_t sobol_bits(std::uint64_t index, int dim);

// The same as a number in [0, 1): bits / 2^32.
double sobol_point(std::uint64_t index, int dim);

}  // namespace zhili::sweep
