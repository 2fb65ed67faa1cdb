// Moves within the city: a Schelling-style tolerance for same-group neighbours.
//
// Each step every household counts registered and migrant households in the
// cells within Chebyshev radius r (itself excluded). It is content when the
// same-group count reaches min_same_count and the same-group share reaches
// min_same_share. A discontented household looks for a place with probability
// move_probability and claims one vacant home drawn at random. Claims on the
// same cell are settled deterministically: ordered by a hash of (seed, step,
// household id), the first claims take the free places (docs/MODEL.md).
#pragma once

#include <cstdint>
#include <vector>

#include "model/step_context.hpp"
#include "world/vacancies.hpp"
#include "world/world.hpp"

namespace zhili {

struct RelocationCounts {
  std::int64_t content = 0;  // households content with their neighbourhood (before moves)
  std::int64_t claims = 0;   // households that looked for a new place
  std::int64_t moves = 0;    // households that moved
};

class Relocation {
 public:
  void setup(const World& w);
  void step(World& w, const StepContext& ctx);
  const RelocationCounts& counts() const { return counts_; }

 private:
  struct Claim {
    std::int32_t cell;
    std::uint32_t slot;
    std::uint64_t order;  // tie-break hash
  };
  struct BlockTally {
    std::int64_t content = 0;
    std::int64_t claims = 0;
  };

  void build_prefix_sums(const CellGrid& g);
  std::int32_t box_sum(const std::vector<std::int32_t>& sums, int x, int y, int r) const;

  RelocationCounts counts_;
  int sum_width_ = 0;  // grid width + 1
  int width_ = 0;
  int height_ = 0;
  std::vector<std::int32_t> sum_registered_;  // 2-D prefix sums, (H+1) x (W+1)
  std::vector<std::int32_t> sum_migrants_;
  VacancyIndex vacancies_;
  std::vector<std::int32_t> target_;  // per slot: claimed cell or -1
  std::vector<Claim> claims_;
  std::vector<BlockTally> tallies_;
};

}  // namespace zhili
