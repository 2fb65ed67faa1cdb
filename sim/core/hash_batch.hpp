// StepHash draws for a run of agents at once.
//
// Every household answers a few StepHash questions each step (core/rng.hpp).
// One at a time, inside a pass that branches on the answers, they cannot be
// vectorised; computed for a block's ids in a loop of their own, the compiler
// turns the two 64-bit multiplies and the conversion into vector instructions
// (BM_StepHashUniforms; bench/README.md, "Figures from the code"). The loop is compiled twice, for any
// x86-64 and for x86-64-v4 (AVX-512), and the processor's version is chosen
// when the program starts (function multiversioning). It is integer
// arithmetic and one exact conversion, so both give the same numbers, bit for
// bit, as StepHash::uniform.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/rng.hpp"

namespace zhili {

// out[k] = hash.uniform(ids[k]) for k < n.
void step_hash_uniforms(const StepHash& hash, const std::uint64_t* ids, std::size_t n, double* out);

}  // namespace zhili
