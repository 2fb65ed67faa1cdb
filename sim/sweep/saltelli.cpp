#include "sweep/saltelli.hpp"

#include <stdexcept>

#include "sweep/seeds.hpp"

namespace zhili::sweep {

std::vector<std::vector<double>> saltelli_design(int samples, int factors, std::uint64_t seed) {
  if (samples < 1 || factors < 1 || factors > kSaltelliMaxFactors)
    throw std::invalid_argument("saltelli_design: samples >= 1 and 1 <= factors <= " +
                                std::to_string(kSaltelliMaxFactors));
  const auto n = static_cast<std::size_t>(samples), k = static_cast<std::size_t>(factors);
  // A stream of its own, so the design shares no numbers with the run seeds.
  SplitMix64 rng(splitmix64_mix(seed ^ 0x53414c542d736f62ULL));  // "SALT-sob"
  std::vector<std::uint32_t> shift(2 * k);
  for (auto& s : shift) s = static_cast<std::uint32_t>(rng.next() >> 32);
  // Half a unit in the last place keeps every coordinate strictly inside (0, 1).
  const auto unit = [&](std::size_t row, std::size_t dim) {
    const std::uint32_t bits = sobol_bits(row, static_cast<int>(dim)) ^ shift[dim];
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-32;
  };
  std::vector<std::vector<double>> a(n, std::vector<double>(k)), b = a;
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t j = 0; j < k; ++j) {
      a[r][j] = unit(r, j);
      b[r][j] = unit(r, k + j);
    }
  std::vector<std::vector<double>> out;
  out.reserve(n * (k + 2));
  out.insert(out.end(), a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t r = 0; r < n; ++r) {
      out.push_back(a[r]);
      out.back()[i] = b[r][i];
    }
  return out;
}

std::string saltelli_block(int point, int samples) {
  const int block = point / samples;
  if (block == 0) return "A";
  if (block == 1) return "B";
  return "AB" + std::to_string(block - 1);
}

}  // namespace zhili::sweep
