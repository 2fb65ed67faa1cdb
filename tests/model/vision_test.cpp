// The disc sums behind Epstein's vision (model/vision.hpp) against a brute
// force count, on a bounded map and on a torus; and the incident tracker
// (model/incidents.hpp): patches, continuation, merging, ending.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/parallel.hpp"
#include "model/incidents.hpp"
#include "model/vision.hpp"

namespace zhili {

namespace {

std::vector<double> brute_disc_sums(const std::vector<double>& in, int w, int h, int r, bool torus) {
  std::vector<double> out(in.size(), 0.0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx) {
          if (dx * dx + dy * dy > r * r) continue;
          int xx = x + dx, yy = y + dy;
          if (torus) {
            xx = (xx % w + w) % w;
            yy = (yy % h + h) % h;
          } else if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
            continue;
          }
          out[static_cast<std::size_t>(y * w + x)] += in[static_cast<std::size_t>(yy * w + xx)];
        }
  return out;
}

}  // namespace

TEST(VisionSums, MatchBruteForceOnBoundedMapAndTorus) {
  Executor exec(2);
  // 23 x 17: edges and an inside at every radius; 11 wide with radius 5:
  // discs exactly as wide as the map (one cell a row away from the edges).
  // Discs wider or taller than the map (radius 7 there) are not compared:
  // VisionSums counts a chord that wraps onto itself as its row once, the
  // brute force counts the wrapped cells twice.
  for (const auto& [w, h] : {std::pair{23, 17}, std::pair{11, 13}}) {
    std::vector<double> in(static_cast<std::size_t>(w * h)), in2(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
      in[i] = static_cast<double>((i * 7919) % 13);
      in2[i] = static_cast<double>((i * 104729) % 31);
    }
    for (bool torus : {false, true})
      for (int r : {0, 1, 2, 5, 7}) {
        if (2 * r + 1 > std::min(w, h)) continue;
        VisionSums v;
        v.setup(w, h, r, torus);
        std::vector<double> out(in.size());
        v.sum(exec, in, out);
        const auto expected = brute_disc_sums(in, w, h, r, torus);
        for (std::size_t c = 0; c < in.size(); ++c)
          ASSERT_EQ(out[c], expected[c]) << w << "x" << h << " cell " << c << " radius " << r << (torus ? " torus" : "");
        // sum2: both fields in one walk, each as sum() gives it.
        std::vector<double> out_a(in.size()), out_b(in.size());
        v.sum2(exec, in, in2, out_a, out_b);
        const auto expected2 = brute_disc_sums(in2, w, h, r, torus);
        for (std::size_t c = 0; c < in.size(); ++c) {
          ASSERT_EQ(out_a[c], expected[c]) << w << "x" << h << " cell " << c << " radius " << r;
          ASSERT_EQ(out_b[c], expected2[c]) << w << "x" << h << " cell " << c << " radius " << r;
        }
        // each_cell visits the same disc.
        double around = 0;
        v.each_cell(0, 0, [&](std::size_t c) { around += in[c]; });
        EXPECT_EQ(around, expected[0]);
      }
  }
  VisionSums seven;
  seven.setup(40, 40, 7, true);
  EXPECT_EQ(seven.disc_cells(), 149);  // NetLogo's in-radius 7
}

// sum_points (officers, actives) gives sum()'s numbers for the field that
// counts the points: by scattering discs when the points are few, by the
// field when they are many; also on a torus so small that discs wrap onto
// themselves.
TEST(VisionSums, PointsGiveTheSumsOfTheirCountField) {
  Executor exec(2);
  struct Map {
    int w, h;
  };
  for (const Map m : {Map{23, 17}, Map{9, 6}, Map{130, 200}})
    for (bool torus : {false, true})
      for (int r : {0, 1, 2, 5, 7})
        for (std::size_t n : {std::size_t{0}, std::size_t{3}, std::size_t{40}, std::size_t{5000}}) {
          const auto cells = static_cast<std::size_t>(m.w * m.h);
          std::vector<std::int32_t> points(n);
          std::vector<double> field(cells, 0.0);
          for (std::size_t k = 0; k < n; ++k) {
            points[k] = static_cast<std::int32_t>((k * 7919 + 11) % cells);  // repeats when n > cells
            field[static_cast<std::size_t>(points[k])] += 1.0;
          }
          VisionSums v;
          v.setup(m.w, m.h, r, torus);
          std::vector<double> expected(cells), out(cells, -1.0);
          v.sum(exec, field, expected);
          v.sum_points(exec, points, out);
          for (std::size_t c = 0; c < cells; ++c)
            ASSERT_EQ(out[c], expected[c]) << m.w << "x" << m.h << (torus ? " torus" : "") << " radius " << r
                                           << ", " << n << " points, cell " << c;
        }
}

TEST(IncidentTracker, FollowsPatchesAndWritesThemWhenTheyEnd) {
  const int w = 10, h = 10;
  IncidentTracker t;
  t.setup(w, h);
  std::vector<double> vision(100, 0.0), cells(100, 0.0);
  const auto hot = [&](int x, int y, double v) {
    vision[static_cast<std::size_t>(y * w + x)] = v;
    cells[static_cast<std::size_t>(y * w + x)] = v / 2;
  };
  // Step 0: two patches far apart -> two incidents start.
  hot(1, 1, 10), hot(2, 2, 12), hot(8, 8, 10);
  t.step(0, vision, cells, 10.0);
  EXPECT_EQ(t.started(), 2);
  EXPECT_EQ(t.in_progress(), 2);
  EXPECT_TRUE(t.ended().empty());
  // Step 1: the first grows (overlaps its old cells), the second is gone.
  std::fill(vision.begin(), vision.end(), 0.0);
  std::fill(cells.begin(), cells.end(), 0.0);
  hot(2, 2, 20), hot(3, 3, 15), hot(4, 4, 11);
  t.step(1, vision, cells, 10.0);
  EXPECT_EQ(t.started(), 0);
  ASSERT_EQ(t.ended().size(), 1u);
  EXPECT_EQ(t.ended()[0].start_step, 0);
  EXPECT_EQ(t.ended()[0].last_step, 0);
  EXPECT_EQ(t.ended()[0].peak_cells, 1);
  // Below the threshold a cell is not part of an incident.
  std::fill(vision.begin(), vision.end(), 0.0);
  hot(4, 4, 9);
  t.step(2, vision, cells, 10.0);
  ASSERT_EQ(t.ended().size(), 1u);
  const IncidentRecord& r = t.ended()[0];
  EXPECT_EQ(r.id, 0);
  EXPECT_EQ(r.start_step, 0);
  EXPECT_EQ(r.last_step, 1);
  EXPECT_EQ(r.peak_cells, 3);
  EXPECT_DOUBLE_EQ(r.peak_actives, (20 + 15 + 11) / 2.0);
  EXPECT_EQ(r.centre, 2 * w + 2);  // the cell with the most actives in vision
  EXPECT_FALSE(r.ongoing);
  EXPECT_EQ(t.started_map()[static_cast<std::size_t>(1 * w + 1)] + t.started_map()[static_cast<std::size_t>(2 * w + 2)],
            1.0f);
  // Two patches that join continue the older incident; the run's end writes it as ongoing.
  std::fill(vision.begin(), vision.end(), 0.0);
  hot(0, 5, 10), hot(9, 5, 10);
  t.step(3, vision, cells, 10.0);
  EXPECT_EQ(t.started(), 2);
  for (int x = 0; x < 10; ++x) hot(x, 5, 10);
  t.step(4, vision, cells, 10.0);
  EXPECT_EQ(t.started(), 0);
  EXPECT_EQ(t.in_progress(), 1);
  t.close_all();
  ASSERT_EQ(t.ended().size(), 1u);
  EXPECT_TRUE(t.ended()[0].ongoing);
  EXPECT_EQ(t.ended()[0].start_step, 3);
  EXPECT_EQ(t.ended()[0].peak_cells, 10);
}

}  // namespace zhili
