// The outlet network as households see it: the nearest outlets for each
// block of cells and need type (rebuilt when the network changes), and the
// windows of a generated layout sized to its expected load.
#include <algorithm>
#include <cmath>

#include "model/services.hpp"

namespace zhili {

void PublicServices::size_generated_windows(const World& w, const Scenario& s) {
  // A generated layout gets windows for its expected load: every household's
  // yearly window-minutes of each need, sent to the nearest outlet handling
  // it (the first candidate of its block), over the outlet's working minutes
  // a year at kTargetUtilisation; never fewer than the layout's own numbers.
  // The load is at the starting lever values (online shares, data sharing).
  constexpr double kTargetUtilisation = 0.75;
  rebuild_candidates(w.grid, Executor(1));  // set-up: no thread pool here
  const auto& spec = s.services;
  const LeverValues& lv = s.policy;
  const double sharing = lv[static_cast<std::size_t>(LeverId::services_data_sharing)];
  std::array<double, kNeedCount> minutes_per_case{};  // in person
  std::array<double, kNeedCount> in_person{};          // share of cases
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    const NeedSpec& ns = spec.needs[n];
    // Each department is served once when it progresses; a missing document
    // costs one more department's time.
    minutes_per_case[n] = ns.service_minutes * (ns.departments + ns.missing_document * (1.0 - sharing));
    const double online = spec.online.enabled ? lv[static_cast<std::size_t>(online_lever(n))] : 0.0;
    in_person[n] = 1.0 - online * s.population.digital_access;
  }
  std::vector<double> load(outlets_.size(), 0.0);  // window-minutes a year
  const auto& h = w.households;
  for (std::size_t i = 0; i < h.size_alive(); ++i) {
    const std::int32_t home = h.cell[i];
    const int bx = (home % width_) / block_cells_, by = (home / width_) / block_cells_;
    const bool migrant = is_migrant(h.registration[i]);
    for (std::size_t n = 0; n < kNeedCount; ++n) {
      const NeedSpec& ns = spec.needs[n];
      double rate = ns.base_rate + ns.per_child * h.children[i] + ns.per_elderly * h.elderly[i] + ns.per_worker * h.workers[i];
      if (migrant) rate *= ns.migrant_factor;
      const std::int32_t o = candidates_[((static_cast<std::size_t>(by) * blocks_x_ + bx) * kNeedCount + n) * kCandidates];
      if (o >= 0) load[static_cast<std::size_t>(o)] += rate * in_person[n] * minutes_per_case[n];
    }
  }
  for (std::size_t o = 0; o < outlets_.size(); ++o) {
    const OutletSpec& os = outlets_[o];
    const double minutes_a_year = 52.0 * os.days_per_week * (os.close_hour - os.open_hour) * 60.0;
    const auto needed = static_cast<int>(
        std::ceil(load[o] * os.speed * s.population.scale / (minutes_a_year * kTargetUtilisation)));
    // The candidates depend on the windows only through "has any": rebuild
    // them only if sizing staffed an outlet that had none.
    if (windows_[o] + purchased_[o] <= 0 && needed > 0) network_changed_ = true;
    windows_[o] = std::max(windows_[o], needed);
    outlets_[o].windows = windows_[o];
  }
  // Now, not in the first step: the network at the start is set-up's to
  // build (the same candidates either way; a step-0 event rebuilds again).
  if (network_changed_) rebuild_candidates(w.grid, Executor(1));
}

void PublicServices::nearest_outlets(const OutletBuckets& b, double cell_km, std::int32_t centre,
                                     std::vector<NearOutlet>& near, std::int16_t* out) const {
  const auto nearer = [](const NearOutlet& x, const NearOutlet& y) {
    return x.km != y.km ? x.km < y.km : x.outlet < y.outlet;
  };
  const int ux = (centre % width_) / b.cells, uy = (centre / width_) / b.cells;
  near.clear();
  for (int ring = 0;; ++ring) {
    // Buckets at Chebyshev distance `ring` from the centre's bucket.
    bool inside = false;
    for (int y = uy - ring; y <= uy + ring; ++y)
      for (int x = ux - ring; x <= ux + ring; ++x) {
        if (std::max(std::abs(x - ux), std::abs(y - uy)) != ring) continue;
        if (x < 0 || y < 0 || x >= b.nx || y >= b.ny) continue;
        inside = true;
        for (std::int32_t o : b.outlets[static_cast<std::size_t>(y) * b.nx + x])
          near.push_back({km_between(centre, outlet_cell_[static_cast<std::size_t>(o)]), o});
      }
    if (!inside) break;  // past every edge of the map
    if (near.size() >= static_cast<std::size_t>(kCandidates)) {
      std::nth_element(near.begin(), near.begin() + (kCandidates - 1), near.end(), nearer);
      // Anything in a further ring is at least `ring` buckets away.
      if (near[kCandidates - 1].km <= ring * b.cells * cell_km) break;
    }
  }
  const auto k = std::min<std::size_t>(near.size(), kCandidates);
  std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(k), near.end(), nearer);
  std::fill(out, out + kCandidates, -1);
  for (std::size_t c = 0; c < k; ++c) out[c] = static_cast<std::int16_t>(near[c].outlet);
}

void PublicServices::rebuild_candidates(const CellGrid& g, const Executor& exec) {
  // Per block centre and need type, the kCandidates nearest open outlets
  // handling the need (ties: lower index). Outlets are put in square buckets
  // of about kBucketKm; each block searches rings of buckets outwards until
  // the ring cannot hold anything nearer than its kCandidates-th best: the
  // same result as a scan of every outlet, at a cost that grows with the
  // outlets near a block rather than with all of them. Only rebuilt when the
  // network changes. Rows of blocks in parallel: each writes only its own
  // blocks' candidates.
  constexpr double kBucketKm = 5.0;
  OutletBuckets buckets;
  buckets.cells = std::max(1, static_cast<int>(kBucketKm / g.cell_km));
  buckets.nx = (g.width + buckets.cells - 1) / buckets.cells;
  buckets.ny = (g.height + buckets.cells - 1) / buckets.cells;
  buckets.outlets.resize(static_cast<std::size_t>(buckets.nx) * buckets.ny);
  const int blocks_y = (g.height + block_cells_ - 1) / block_cells_;
  for (std::size_t need = 0; need < kNeedCount; ++need) {
    for (auto& in_bucket : buckets.outlets) in_bucket.clear();
    bool any = false;
    for (std::size_t o = 0; o < outlets_.size(); ++o)
      if (open_[o] && (windows_[o] + purchased_[o]) > 0 && (outlets_[o].needs & need_bit(static_cast<NeedType>(need)))) {
        const std::int32_t c = outlet_cell_[o];
        buckets.outlets[static_cast<std::size_t>((c / width_) / buckets.cells * buckets.nx + (c % width_) / buckets.cells)]
            .push_back(static_cast<std::int32_t>(o));
        any = true;
      }
    exec.for_range(static_cast<std::size_t>(blocks_y), 1, [&](std::size_t row_b, std::size_t row_e) {
      std::vector<NearOutlet> near;  // per task: allocated only when the network changes
      for (auto by = static_cast<int>(row_b); by < static_cast<int>(row_e); ++by)
        for (int bx = 0; bx < blocks_x_; ++bx) {
          std::int16_t* out =
              &candidates_[((static_cast<std::size_t>(by) * blocks_x_ + bx) * kNeedCount + need) * kCandidates];
          const int cx = std::min(g.width - 1, bx * block_cells_ + block_cells_ / 2);
          const int cy = std::min(g.height - 1, by * block_cells_ + block_cells_ / 2);
          if (any)
            nearest_outlets(buckets, g.cell_km, g.index(cx, cy), near, out);
          else
            std::fill(out, out + kCandidates, -1);
        }
    });
  }
  network_changed_ = false;
}

}  // namespace zhili
