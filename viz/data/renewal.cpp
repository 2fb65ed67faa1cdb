#include "data/renewal.hpp"

#include <algorithm>
#include <cmath>

namespace zhili::view {

namespace {

constexpr const char* kStageNames[] = {"planned", "consultation", "demolition", "construction", "complete"};

}  // namespace

const char* renewal_stage_name(int stage) {
  return stage >= 0 && stage <= 4 ? kStageNames[stage] : "";
}

std::vector<TimeMark> renewal_marks(RunData& run) {
  std::vector<TimeMark> marks;
  const SeriesInfo* info = run.find_observable("renewal_stage");
  if (!info) return marks;
  const auto& values = run.series("renewal_stage");
  const std::size_t width = info->spec.width();
  const std::size_t rows = std::min(run.times().size(), values.size() / width);
  for (std::size_t p = 0; p < width; ++p) {
    int before = 0;
    for (std::size_t r = 0; r < rows; ++r) {
      const double v = values[r * width + p];
      if (!std::isfinite(v)) continue;
      const int stage = static_cast<int>(v);
      if (stage > before) {
        const std::string name = p < info->spec.labels.size() ? info->spec.labels[p] : "";  // "": the viewer's word
        marks.push_back({run.times()[r], name, before, stage});
      }
      before = stage;
    }
  }
  std::stable_sort(marks.begin(), marks.end(), [](const TimeMark& a, const TimeMark& b) { return a.t < b.t; });
  return marks;
}

std::vector<int> renewal_stages_at(RunData& run, double t) {
  std::vector<int> out;
  const SeriesInfo* info = run.find_observable("renewal_stage");
  if (!info) return out;
  for (std::size_t p = 0; p < info->spec.width(); ++p) {
    const double v = run.value_at("renewal_stage", p, t);
    out.push_back(std::isfinite(v) ? static_cast<int>(v) : -1);
  }
  return out;
}

std::vector<AreaLabel> area_labels(std::span<const float> area, int width, int height) {
  std::vector<double> sx, sy, n;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const float a = area[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
      if (!(a > 0)) continue;
      const auto p = static_cast<std::size_t>(a);
      if (p >= n.size()) {
        sx.resize(p + 1, 0.0);
        sy.resize(p + 1, 0.0);
        n.resize(p + 1, 0.0);
      }
      sx[p] += x + 0.5;
      sy[p] += y + 0.5;
      n[p] += 1;
    }
  std::vector<AreaLabel> out;
  for (std::size_t p = 1; p < n.size(); ++p)
    if (n[p] > 0)
      out.push_back({static_cast<int>(p), static_cast<float>(sx[p] / n[p]), static_cast<float>(sy[p] / n[p])});
  return out;
}

}  // namespace zhili::view
