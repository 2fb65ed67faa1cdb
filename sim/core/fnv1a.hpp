// FNV-1a, 64 bits (Fowler, Noll, Vo): a fast hash of bytes for fingerprints
// and checksums that must not change between runs or machines (the sweep's
// fingerprint and input lines, checkpoints' checksums and set-up hashes).
// Not for anything an adversary chooses.
#pragma once

#include <cstdint>
#include <string_view>

namespace zhili {

inline constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

// FNV-1a of `bytes`, continued from `h`.
inline constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvBasis) {
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h;
}

}  // namespace zhili
