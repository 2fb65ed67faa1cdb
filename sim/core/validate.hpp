// The validation build (cmake -DZHILI_VALIDATE=ON, `make validate`): checks
// of the engine's own invariants after every phase, too slow for a normal
// run. Its checks are compiled in every build (so tests can call them); only
// the calls are switched on here. Like FLAME GPU's "seatbelts" and Box2D's
// validation build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace zhili {

#ifdef ZHILI_VALIDATE
inline constexpr bool kValidate = true;
#else
inline constexpr bool kValidate = false;
#endif

// An invariant of the engine's own state broken: a defect of the code.
class ValidationError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {

// Equal as a reduction's partial results: a number by value; a struct by
// every 8-byte word, equal bit for bit or equal as doubles (0.0 and -0.0
// from a sum with the identity). The structs of zhili's reductions hold
// 8-byte fields only (int64 and double), so they have no padding.
template <class T>
bool same_partial(const T& a, const T& b) {
  if constexpr (std::is_arithmetic_v<T>) {
    return a == b;
  } else {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % 8 == 0,
                  "a reduction's partial result must be made of 8-byte fields to be validated");
    for (std::size_t k = 0; k < sizeof(T); k += 8) {
      std::uint64_t x = 0, y = 0;
      std::memcpy(&x, reinterpret_cast<const char*>(&a) + k, 8);
      std::memcpy(&y, reinterpret_cast<const char*>(&b) + k, 8);
      if (x == y) continue;
      double u = 0, v = 0;
      std::memcpy(&u, &x, 8);
      std::memcpy(&v, &y, 8);
      if (u != v) return false;
    }
    return true;
  }
}

}  // namespace detail

// Checks a block-wise sum's combine against each block's own partial result:
// combining a partial with the identity, on either side, must give the
// partial back. A field left out of the combine (or added from another
// field) gives the identity's value instead, deterministically, so no
// comparison across thread counts would ever see it. Throws ValidationError.
template <class T, class Combine>
void check_combine(const T& identity, const std::vector<T>& partials, std::size_t blocks, Combine&& combine) {
  for (std::size_t blk = 0; blk < blocks; ++blk) {
    const T& x = partials[blk];
    if (!detail::same_partial(combine(identity, x), x) || !detail::same_partial(combine(x, identity), x))
      throw ValidationError("a block-wise sum's combine does not carry every field of block " + std::to_string(blk) +
                            "'s partial result (combined with the identity it changes)");
  }
}

}  // namespace zhili
