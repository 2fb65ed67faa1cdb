#include "model/incidents.hpp"

#include <algorithm>

namespace zhili {

void IncidentTracker::setup(int width, int height) {
  width_ = width;
  height_ = height;
  const auto cells = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  label_.assign(cells, -1);
  hot_index_.assign(cells, -1);
  peak_at_.assign(cells, -1);
  started_map_.assign(cells, 0.0f);
  open_.clear();
  ended_.clear();
  previous_hot_.clear();
  next_id_ = 0;
}

int IncidentTracker::find(int a) {
  while (parent_[static_cast<std::size_t>(a)] != a) {
    parent_[static_cast<std::size_t>(a)] = parent_[static_cast<std::size_t>(parent_[static_cast<std::size_t>(a)])];
    a = parent_[static_cast<std::size_t>(a)];
  }
  return a;
}

void IncidentTracker::step(std::int64_t step, std::span<const double> vision_actives,
                           std::span<const double> cell_actives, double threshold, int gathering_radius) {
  const bool gatherings = gathering_radius > 0;
  ended_.clear();
  started_ = 0;
  largest_ = 0;
  hot_.clear();
  for (std::size_t c = 0; c < vision_actives.size(); ++c)
    if (vision_actives[c] > 0 && vision_actives[c] >= threshold) hot_.push_back(static_cast<std::int32_t>(c));

  // Patches: union-find over hot cells with their 8 neighbours (cell order
  // makes the labels, and so everything below, independent of threads).
  parent_.resize(hot_.size());
  for (std::size_t k = 0; k < hot_.size(); ++k) {
    parent_[k] = static_cast<std::int32_t>(k);
    hot_index_[static_cast<std::size_t>(hot_[k])] = static_cast<std::int32_t>(k);
  }
  // Gatherings: the hot cells in order of their actives in vision (then cell
  // index), each joining the first-placed gathering whose peak lies within
  // `gathering_radius` cells (Chebyshev), or starting one: a gathering draws
  // people from within walking distance of its peak, so a wide area of
  // unrest holds many, however flat its field (non-maximum suppression).
  if (gatherings) {
    order_.resize(hot_.size());
    for (std::size_t k = 0; k < hot_.size(); ++k) order_[k] = static_cast<std::int32_t>(k);
    std::sort(order_.begin(), order_.end(), [&](std::int32_t a, std::int32_t b) {
      const double va = vision_actives[static_cast<std::size_t>(hot_[static_cast<std::size_t>(a)])];
      const double vb = vision_actives[static_cast<std::size_t>(hot_[static_cast<std::size_t>(b)])];
      return va != vb ? va > vb : hot_[static_cast<std::size_t>(a)] < hot_[static_cast<std::size_t>(b)];
    });
    rank_.assign(hot_.size(), 0);
    for (std::size_t r = 0; r < order_.size(); ++r) rank_[static_cast<std::size_t>(order_[r])] = static_cast<std::int32_t>(r);
    const int R = gathering_radius;
    for (const std::int32_t k : order_) {
      const int x = hot_[static_cast<std::size_t>(k)] % width_, y = hot_[static_cast<std::size_t>(k)] / width_;
      std::int32_t best = -1;  // the peak placed first (highest) within R
      for (int yy = std::max(0, y - R); yy <= std::min(height_ - 1, y + R); ++yy)
        for (int xx = std::max(0, x - R); xx <= std::min(width_ - 1, x + R); ++xx) {
          const std::int32_t p = peak_at_[static_cast<std::size_t>(yy * width_ + xx)];
          if (p >= 0 && (best < 0 || rank_[static_cast<std::size_t>(p)] < rank_[static_cast<std::size_t>(best)])) best = p;
        }
      if (best < 0) {
        peak_at_[static_cast<std::size_t>(hot_[static_cast<std::size_t>(k)])] = k;  // a new gathering's peak
        continue;
      }
      const int a = find(k), b = find(best);
      if (a != b) parent_[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
    }
    for (const auto c : hot_) peak_at_[static_cast<std::size_t>(c)] = -1;
  }
  for (std::size_t k = 0; !gatherings && k < hot_.size(); ++k) {
    const int x = hot_[k] % width_, y = hot_[k] / width_;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const int xx = x + dx, yy = y + dy;
        if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= width_ || yy >= height_) continue;
        const int j = hot_index_[static_cast<std::size_t>(yy * width_ + xx)];
        if (j < 0) continue;
        const int a = find(static_cast<int>(k)), b = find(j);
        if (a != b) parent_[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
      }
  }

  // Per patch (root): the incident it continues (the oldest one it overlaps), size and peak cell.
  auto& patch = patch_;
  patch.assign(hot_.size(), Patch{});
  for (std::size_t k = 0; k < hot_.size(); ++k) {
    const auto c = static_cast<std::size_t>(hot_[k]);
    Patch& p = patch[static_cast<std::size_t>(find(static_cast<int>(k)))];
    p.actives += cell_actives[c];
    p.cells += 1;
    if (vision_actives[c] > p.centre_vision) {
      p.centre_vision = vision_actives[c];
      p.centre = hot_[k];
    }
    const std::int32_t before = label_[c];
    if (before >= 0 && (p.incident < 0 || open_[static_cast<std::size_t>(before)].id <
                                               open_[static_cast<std::size_t>(p.incident)].id))
      p.incident = before;
  }

  for (std::size_t k = 0; k < hot_.size(); ++k)
    if (find(static_cast<int>(k)) == static_cast<int>(k)) largest_ = std::max(largest_, patch[k].actives);

  // Continue, start, end.
  auto& continued = continued_;  // open_ index -> root of the patch continuing it
  continued.assign(open_.size(), -1);
  for (std::size_t k = 0; k < hot_.size(); ++k) {
    if (find(static_cast<int>(k)) != static_cast<int>(k)) continue;
    Patch& p = patch[k];
    if (p.incident >= 0 && continued[static_cast<std::size_t>(p.incident)] < 0) {
      continued[static_cast<std::size_t>(p.incident)] = static_cast<std::int32_t>(k);
      IncidentRecord& r = open_[static_cast<std::size_t>(p.incident)];
      r.last_step = step;
      if (p.actives > r.peak_actives) {
        r.peak_actives = p.actives;
        r.peak_cells = p.cells;
        r.centre = p.centre;
      }
    } else {
      p.incident = -1;  // a new incident (or a split-off part of one continued by another patch)
    }
  }
  still_open_.clear();
  auto& new_index = new_index_;
  new_index.assign(open_.size(), -1);
  for (std::size_t i = 0; i < open_.size(); ++i) {
    if (continued[i] < 0) {
      ended_.push_back(open_[i]);
      continue;
    }
    new_index[i] = static_cast<std::int32_t>(still_open_.size());
    still_open_.push_back(open_[i]);
  }
  for (std::size_t k = 0; k < hot_.size(); ++k) {
    if (find(static_cast<int>(k)) != static_cast<int>(k)) continue;
    Patch& p = patch[k];
    if (p.incident >= 0) {
      p.incident = new_index[static_cast<std::size_t>(p.incident)];
      continue;
    }
    IncidentRecord r;
    r.id = next_id_++;
    r.start_step = r.last_step = step;
    r.peak_actives = p.actives;
    r.peak_cells = p.cells;
    r.centre = p.centre;
    p.incident = static_cast<std::int32_t>(still_open_.size());
    still_open_.push_back(r);
    started_map_[static_cast<std::size_t>(p.centre)] += 1.0f;
    ++started_;
  }
  open_.swap(still_open_);

  // Labels for the next step: clear the previous hot cells, mark this step's.
  for (const auto c : previous_hot_) label_[static_cast<std::size_t>(c)] = -1;
  for (std::size_t k = 0; k < hot_.size(); ++k) {
    const auto c = static_cast<std::size_t>(hot_[k]);
    label_[c] = patch[static_cast<std::size_t>(find(static_cast<int>(k)))].incident;
    hot_index_[c] = -1;
  }
  previous_hot_.assign(hot_.begin(), hot_.end());
}

void IncidentTracker::close_all() {
  ended_.clear();
  for (auto r : open_) {
    r.ongoing = true;
    ended_.push_back(r);
  }
}

}  // namespace zhili
