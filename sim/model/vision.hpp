// Sums over each cell's vision: the disc of cells within Euclidean radius v
// (NetLogo's `in-radius`, the neighbourhood of the "Rebellion" model), on a
// bounded map or a torus (Epstein 2002's lattice).
//
// Row prefix sums make a disc sum cost 2v + 1 lookups per cell (one chord per
// row of the disc), whatever v: O(cells x v) per field, rows in parallel.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/parallel.hpp"

namespace zhili {

class VisionSums {
 public:
  void setup(int width, int height, int radius, bool torus);

  // out[c] = sum of in[d] over the cells d within the radius of c.
  void sum(const Executor& exec, std::span<const double> in, std::span<double> out);
  // out = sum() of the field counting `points` (cells; a cell listed k times
  // counts k). With few points each point's disc is added in (rows of the
  // map in parallel), which costs points x disc instead of cells x (2v + 1);
  // otherwise the field is built and summed. Whole counts are exact in
  // doubles, so both ways give the same numbers.
  void sum_points(const Executor& exec, std::span<const std::int32_t> points, std::span<double> out);
  // Two fields at once (one walk over the discs): out_a from in_a, out_b from in_b.
  void sum2(const Executor& exec, std::span<const double> in_a, std::span<const double> in_b,
            std::span<double> out_a, std::span<double> out_b);

  // The cells of the disc around (x, y), in row order: f(cell).
  template <class F>
  void each_cell(int x, int y, F&& f) const {
    for (int dy = -radius_; dy <= radius_; ++dy) {
      int yy = y + dy;
      if (!wrap(yy, height_)) continue;
      const int half = chord_[static_cast<std::size_t>(dy + radius_)];
      for (int dx = -half; dx <= half; ++dx) {
        int xx = x + dx;
        if (!wrap(xx, width_)) continue;
        f(static_cast<std::size_t>(yy) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(xx));
      }
    }
  }
  // Number of cells in a full disc (inside the map, away from its edges).
  int disc_cells() const { return disc_cells_; }
  int radius() const { return radius_; }

 private:
  // Brings a coordinate onto the map (torus) or says it is off the map.
  bool wrap(int& v, int n) const {
    if (v >= 0 && v < n) return true;
    if (!torus_) return false;
    v = ((v % n) + n) % n;
    return true;
  }
  double row_span(const double* prefix, int x0, int x1) const;
  // out[f][c] = the disc sum of field f at c, from its row prefix sums.
  template <std::size_t N>
  void sum_rows(const Executor& exec, const double* const (&prefix)[N], double* const (&out)[N]) const;
  void build_prefix(const Executor& exec, std::span<const double> in, std::vector<double>& prefix) const;

  int width_ = 0, height_ = 0, radius_ = 0, disc_cells_ = 1;
  bool torus_ = false;
  std::vector<int> chord_;       // half-width of the disc's row at dy = -r..r
  std::vector<double> field_;  // sum_points' field, when it sums densely
  std::vector<double> prefix_, prefix_b_;  // per row, width + 1 running sums (prefix_b_: sum2's second field)
};

}  // namespace zhili
