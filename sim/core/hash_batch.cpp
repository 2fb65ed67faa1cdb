#include "core/hash_batch.hpp"

#include "core/splitmix.hpp"

namespace zhili {

namespace {

// GCC and Clang on x86-64: a default and an AVX-512 version, picked at load
// time; elsewhere the plain loop (which the compiler may still vectorise).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ZHILI_CLONES_FOR_AVX512 __attribute__((target_clones("default", "arch=x86-64-v4")))
#else
#define ZHILI_CLONES_FOR_AVX512
#endif

ZHILI_CLONES_FOR_AVX512
void uniforms(std::uint64_t state, const std::uint64_t* ids, std::size_t n, double* out) {
  for (std::size_t k = 0; k < n; ++k)
    out[k] = static_cast<double>(splitmix64_mix(state + kSplitMixGolden * (ids[k] + 1)) >> 11) * 0x1.0p-53;
}

}  // namespace

void step_hash_uniforms(const StepHash& hash, const std::uint64_t* ids, std::size_t n, double* out) {
  uniforms(hash.state(), ids, n, out);
}

}  // namespace zhili
