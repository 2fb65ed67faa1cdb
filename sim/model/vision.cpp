#include "model/vision.hpp"

#include <algorithm>
#include <cmath>

namespace zhili {

void VisionSums::setup(int width, int height, int radius, bool torus) {
  width_ = width;
  height_ = height;
  radius_ = radius;
  torus_ = torus;
  chord_.resize(static_cast<std::size_t>(2 * radius + 1));
  disc_cells_ = 0;
  for (int dy = -radius; dy <= radius; ++dy) {
    // Cells whose centres lie within the radius: dx^2 + dy^2 <= r^2.
    const int half = static_cast<int>(std::floor(std::sqrt(static_cast<double>(radius * radius - dy * dy))));
    chord_[static_cast<std::size_t>(dy + radius)] = half;
    disc_cells_ += 2 * half + 1;
  }
  prefix_.assign(static_cast<std::size_t>(height) * static_cast<std::size_t>(width + 1), 0.0);
  prefix_b_.assign(prefix_.size(), 0.0);
  field_.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0.0);
}

// Sum of a row's cells x0..x1 (inclusive; may run off the row on either side).
double VisionSums::row_span(const double* prefix, int x0, int x1) const {
  const int n = width_;
  if (!torus_) {
    x0 = std::max(x0, 0);
    x1 = std::min(x1, n - 1);
    return x1 >= x0 ? prefix[x1 + 1] - prefix[x0] : 0.0;
  }
  if (x1 - x0 + 1 >= n) return prefix[n];  // the chord covers the whole row
  if (x0 < 0) return (prefix[n] - prefix[x0 + n]) + prefix[x1 + 1];
  if (x1 >= n) return (prefix[n] - prefix[x0]) + prefix[x1 - n + 1];
  return prefix[x1 + 1] - prefix[x0];
}

void VisionSums::build_prefix(const Executor& exec, std::span<const double> in, std::vector<double>& prefix) const {
  const auto w = static_cast<std::size_t>(width_);
  exec.for_range(static_cast<std::size_t>(height_), 16, [&](std::size_t b, std::size_t e) {
    for (std::size_t y = b; y < e; ++y) {
      double* p = &prefix[y * (w + 1)];
      p[0] = 0.0;
      for (std::size_t x = 0; x < w; ++x) p[x + 1] = p[x] + in[y * w + x];
    }
  });
}

void VisionSums::sum(const Executor& exec, std::span<const double> in, std::span<double> out) {
  build_prefix(exec, in, prefix_);
  const double* prefixes[1] = {prefix_.data()};
  double* outs[1] = {out.data()};
  sum_rows<1>(exec, prefixes, outs);
}

template <std::size_t N>
void VisionSums::sum_rows(const Executor& exec, const double* const (&prefix)[N], double* const (&out)[N]) const {
  const auto w = static_cast<std::size_t>(width_);
  exec.for_range(static_cast<std::size_t>(height_), 16, [&](std::size_t b, std::size_t e) {
    for (std::size_t y = b; y < e; ++y) {
      // A cell whose disc may leave the map or wrap: row_span's edge cases.
      const auto edge_cell = [&](int x) {
        double s[N] = {};  // each field's rows added in dy order, from 0.0
        for (int dy = -radius_; dy <= radius_; ++dy) {
          int yy = static_cast<int>(y) + dy;
          if (!wrap(yy, height_)) continue;
          const int half = chord_[static_cast<std::size_t>(dy + radius_)];
          const std::size_t row = static_cast<std::size_t>(yy) * (w + 1);
          for (std::size_t f = 0; f < N; ++f) s[f] += row_span(prefix[f] + row, x - half, x + half);
        }
        for (std::size_t f = 0; f < N; ++f) out[f][y * w + static_cast<std::size_t>(x)] = s[f];
      };
      // Cells whose whole disc lies on the map: the same sums, in the same
      // order, without the edge cases, rows of the disc in the outer loop so
      // the cells vectorise (profiled: the edge cases were three quarters of
      // the cost).
      const int r = radius_;
      const bool inner_row = static_cast<int>(y) >= r && static_cast<int>(y) + r < height_;
      const int lo = inner_row ? std::min(r, width_) : width_;
      const int hi = inner_row ? std::max(lo, width_ - r) : width_;
      for (int x = 0; x < lo; ++x) edge_cell(x);
      if (lo < hi) {
        for (std::size_t f = 0; f < N; ++f)
          std::fill(out[f] + y * w + static_cast<std::size_t>(lo), out[f] + y * w + static_cast<std::size_t>(hi), 0.0);
        for (int dy = -r; dy <= r; ++dy) {
          const int half = chord_[static_cast<std::size_t>(dy + r)];
          const std::size_t row = (y + static_cast<std::size_t>(dy + r) - static_cast<std::size_t>(r)) * (w + 1);
          for (std::size_t f = 0; f < N; ++f) {
            const double* p = prefix[f] + row;
            double* o = out[f] + y * w;
            for (int x = lo; x < hi; ++x) o[x] += p[x + half + 1] - p[x - half];
          }
        }
      }
      for (int x = hi; x < width_; ++x) edge_cell(x);
    }
  });
}

void VisionSums::sum_points(const Executor& exec, std::span<const std::int32_t> points, std::span<double> out) {
  const auto w = static_cast<std::size_t>(width_);
  const std::size_t dense_cost = field_.size() * static_cast<std::size_t>(2 * radius_ + 1);
  if (points.size() * static_cast<std::size_t>(disc_cells_) >= dense_cost) {
    std::fill(field_.begin(), field_.end(), 0.0);
    for (const std::int32_t c : points) field_[static_cast<std::size_t>(c)] += 1.0;
    sum(exec, field_, out);
    return;
  }
  // Bands of rows in parallel: each clears its rows and adds the parts of
  // the discs that fall in them (every task reads all the points, few).
  constexpr std::size_t kBandRows = 64;
  exec.for_range(static_cast<std::size_t>(height_), kBandRows, [&](std::size_t b, std::size_t e) {
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(b * w), out.begin() + static_cast<std::ptrdiff_t>(e * w), 0.0);
    const auto first = static_cast<int>(b), end = static_cast<int>(e);
    for (const std::int32_t c : points) {
      const int x = c % width_, y = c / width_;
      if (!torus_ && (y + radius_ < first || y - radius_ >= end)) continue;
      for (int dy = -radius_; dy <= radius_; ++dy) {
        int yy = y + dy;
        if (!wrap(yy, height_) || yy < first || yy >= end) continue;
        const int half = chord_[static_cast<std::size_t>(dy + radius_)];
        double* row = &out[static_cast<std::size_t>(yy) * w];
        if (torus_ && 2 * half + 1 >= width_) {  // the chord wraps onto itself: the whole row, once (as row_span)
          for (std::size_t xx = 0; xx < w; ++xx) row[xx] += 1.0;
          continue;
        }
        for (int dx = -half; dx <= half; ++dx) {
          int xx = x + dx;
          if (wrap(xx, width_)) row[xx] += 1.0;
        }
      }
    }
  });
}

void VisionSums::sum2(const Executor& exec, std::span<const double> in_a, std::span<const double> in_b,
                      std::span<double> out_a, std::span<double> out_b) {
  build_prefix(exec, in_a, prefix_);
  build_prefix(exec, in_b, prefix_b_);
  const double* prefixes[2] = {prefix_.data(), prefix_b_.data()};
  double* outs[2] = {out_a.data(), out_b.data()};
  sum_rows<2>(exec, prefixes, outs);
}

}  // namespace zhili
