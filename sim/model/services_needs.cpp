// Needs arising (docs/MODEL.md 7.9, "Needs" and "Eligibility"): one pass
// over the households per step draws each household's new need, if any, and
// its eligibility; the new cases then join the store in household slot order.
#include "model/services.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/hash_batch.hpp"
#include "core/rng.hpp"

namespace zhili {

namespace {

// Household make-up classes of the need-rate table (larger values share the last class).
constexpr int kChildClasses = 8, kElderlyClasses = 4, kWorkerClasses = 8;
constexpr std::size_t kRateClasses = std::size_t{kChildClasses} * kElderlyClasses * kWorkerClasses * 2;

std::size_t rate_class(int children, int elderly, int workers, bool migrant) {
  const int c = std::min(children, kChildClasses - 1);
  const int e = std::min(elderly, kElderlyClasses - 1);
  const int k = std::min(workers, kWorkerClasses - 1);
  return ((static_cast<std::size_t>(c) * kElderlyClasses + e) * kWorkerClasses + k) * 2 + (migrant ? 1 : 0);
}

// A new need, packed into the scratch word: need (8 bits), day offset within
// the step (16 bits), eligible (1 bit), migrant (1 bit), digital access (1
// bit), zone of the home (5 bits), household slot (32 bits). The parallel
// pass reads the household's fields while they stream past; the serial
// tallies then read only these words (a read of the household arrays at the
// sparse slots of new needs was a cache miss each).
static_assert(kZoneCount <= 32 && kNeedCount <= 256);
std::uint64_t pack(std::size_t need, std::int64_t day_offset, bool eligible, bool migrant, bool digital,
                   std::size_t zone, std::size_t slot) {
  return static_cast<std::uint64_t>(need) | (static_cast<std::uint64_t>(day_offset) << 8) |
         (static_cast<std::uint64_t>(eligible) << 24) | (static_cast<std::uint64_t>(migrant) << 25) |
         (static_cast<std::uint64_t>(digital) << 26) | (static_cast<std::uint64_t>(zone) << 27) |
         (static_cast<std::uint64_t>(slot) << 32);
}
struct NewNeed {
  std::size_t need;
  std::int32_t day_offset;
  bool eligible, migrant, digital;
  std::size_t zone, slot;
};
NewNeed unpack(std::uint64_t w) {
  return {static_cast<std::size_t>(w & 0xff), static_cast<std::int32_t>((w >> 8) & 0xffff), ((w >> 24) & 1) != 0,
          ((w >> 25) & 1) != 0, ((w >> 26) & 1) != 0, static_cast<std::size_t>((w >> 27) & 0x1f),
          static_cast<std::size_t>(w >> 32)};
}

// Households ahead whose fields the serial pass prefetches.
constexpr std::size_t kPrefetchAhead = 8;

}  // namespace

void PublicServices::arise(World& w, const StepContext& ctx, std::int32_t first_day, std::int32_t days) {
  auto& h = w.households;
  const auto& g = w.grid;
  const auto& spec = ctx.scenario.services;
  const auto seed = ctx.seed();
  const auto step = static_cast<std::uint64_t>(ctx.step);
  const double dt = ctx.years_per_step;

  // Need rates by household make-up: chance of a new need this step, and the
  // cumulative shares of the need types.
  struct RateRow {
    double p_any;
    std::array<double, kNeedCount> cumulative;
  };
  std::array<RateRow, kRateClasses> table{};
  for (int c = 0; c < kChildClasses; ++c)
    for (int e = 0; e < kElderlyClasses; ++e)
      for (int k = 0; k < kWorkerClasses; ++k)
        for (int m = 0; m < 2; ++m) {
          RateRow& row = table[rate_class(c, e, k, m == 1)];
          double total = 0;
          for (std::size_t n = 0; n < kNeedCount; ++n) {
            const NeedSpec& ns = spec.needs[n];
            double r = ns.base_rate + ns.per_child * c + ns.per_elderly * e + ns.per_worker * k;
            if (m == 1) r *= ns.migrant_factor;
            total += std::max(0.0, r);
            row.cumulative[n] = total;
          }
          row.p_any = -std::expm1(-total * dt);
          for (auto& v : row.cumulative) v = total > 0 ? v / total : 1.0;
        }
  const double equalization = ctx.lever(LeverId::services_equalization);
  const double eligible_no_permit = equalization;
  const double eligible_permit = equalization + spec.permit_access * (1.0 - equalization);
  const double p_digital = ctx.per_step(ctx.lever(LeverId::services_digital_growth));

  const std::size_t n = h.size_alive();
  arising_.resize(n);
  const StepHash whether(seed, Stream::service_need, step);
  const StepHash gains_access(seed, Stream::digital_growth, step);
  deterministic_reduce(
      ctx.exec, n, block_counts_, std::int64_t{0},
      [&](std::size_t b, std::size_t e) {
        std::uint64_t* out = arising_.data() + b;
        std::int64_t count = 0;
        // The block's draws first, in a loop the compiler vectorises.
        std::array<double, Executor::kBlock> u_need, u_digital;
        step_hash_uniforms(whether, &h.id[b], e - b, u_need.data());
        if (p_digital > 0) step_hash_uniforms(gains_access, &h.id[b], e - b, u_digital.data());
        for (std::size_t i = b; i < e; ++i) {
          if (p_digital > 0 && !h.digital[i] && u_digital[i - b] < p_digital) h.digital[i] = 1;
          const Registration reg = h.registration[i];
          const bool migrant = is_migrant(reg);
          const RateRow& row = table[rate_class(h.children[i], h.elderly[i], h.workers[i], migrant)];
          if (!(u_need[i - b] < row.p_any)) continue;
          CounterRng r(seed, Stream::service_need, step, h.id[i]);
          const double v = r.uniform();
          std::size_t need = 0;
          while (need + 1 < kNeedCount && v >= row.cumulative[need]) ++need;
          const auto offset = static_cast<std::int64_t>(r.below(static_cast<std::uint64_t>(std::max(days, 1))));
          bool eligible = true;
          if (migrant && spec.needs[need].restricted)
            eligible = r.bernoulli(reg == Registration::migrant_permit ? eligible_permit : eligible_no_permit);
          *out++ = pack(need, offset, eligible, migrant, h.digital[i] != 0, static_cast<std::size_t>(g.zone[h.cell[i]]), i);
          ++count;
        }
        return count;
      },
      [](std::int64_t a, std::int64_t b) { return a + b; });

  // New cases join the store in household slot order. Serially: the
  // tallies, and where each block's eligible needs start in the store.
  const std::size_t blocks = Executor::block_count(n);
  const std::size_t first_new = cases_.size();
  std::size_t total = first_new;
  case_begin_.resize(blocks);
  for (std::size_t blk = 0; blk < blocks; ++blk) {
    case_begin_[blk] = total;
    const std::uint64_t* in = arising_.data() + blk * Executor::kBlock;
    for (std::int64_t k = 0; k < block_counts_[blk]; ++k) {
      const NewNeed nn = unpack(in[k]);
      const std::size_t group = nn.migrant ? 1 : 0;
      tally_.arising_group[group] += 1;
      tally_.arising_need[nn.need] += 1;
      if (!nn.eligible) {  // refused at once: arising and unmet
        record_closure(h.id[nn.slot], nn.need, 0, true);
        tally_.ineligible_group[group] += 1;
        tally_.closed_zone[nn.zone] += 1;
        tally_.closed_need[nn.need] += 1;
        continue;
      }
      ++total;
    }
  }
  // Then the cases themselves, blocks in parallel, each at its own place (ids
  // in store order, as if pushed one by one). Reading the households at the
  // slots and the candidate rows is a cache miss each: spread over threads.
  cases_.resize(total);
  ctx.exec.for_range(blocks, 1, [&](std::size_t bb, std::size_t be) {
    for (std::size_t blk = bb; blk < be; ++blk) {
      const std::uint64_t* in = arising_.data() + blk * Executor::kBlock;
      std::size_t i = case_begin_[blk];
      const auto count = static_cast<std::size_t>(block_counts_[blk]);
      for (std::size_t k = 0; k < count; ++k) {
        // Fetch ahead: the household fields at a later need's slot, and the
        // candidate row of a nearer one (its home cell fetched before).
        if (k + 2 * kPrefetchAhead < count) {
          const std::size_t far = in[k + 2 * kPrefetchAhead] >> 32;
          __builtin_prefetch(&h.cell[far]);
          __builtin_prefetch(&h.id[far]);
        }
        if (k + kPrefetchAhead < count) {
          const std::uint64_t near = in[k + kPrefetchAhead];
          __builtin_prefetch(candidate_row(h.cell[near >> 32], near & 0xff));
        }
        const NewNeed nn = unpack(in[k]);
        if (!nn.eligible) continue;
        const NeedSpec& ns = spec.needs[nn.need];
        const std::int32_t day = first_day + nn.day_offset;
        const std::int32_t home = h.cell[nn.slot];
        cases_.id[i] = next_case_id_ + (i - first_new);
        cases_.household[i] = h.id[nn.slot];
        cases_.home[i] = home;
        cases_.need[i] = static_cast<std::uint8_t>(nn.need);
        cases_.group[i] = nn.migrant ? 1 : 0;
        cases_.zone[i] = static_cast<std::uint8_t>(nn.zone);
        cases_.digital[i] = nn.digital ? 1 : 0;
        cases_.channel[i] = CaseChannel::undecided;
        cases_.departments_left[i] = static_cast<std::uint8_t>(std::clamp(ns.departments, 1, 255));
        cases_.trips[i] = 0;
        cases_.arose_day[i] = day;
        cases_.deadline_day[i] = day + static_cast<std::int32_t>(std::ceil(ns.deadline_days));
        cases_.next_day[i] = day;
        std::copy_n(candidate_row(home, nn.need), kCandidates, cases_.candidates[i].begin());
        ++i;
      }
    }
  });
  next_case_id_ += total - first_new;
}

}  // namespace zhili
