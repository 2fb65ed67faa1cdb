#include "app/time_marks.hpp"

#include <algorithm>
#include <tuple>

#include "app/i18n.hpp"
#include "app/renewal_overlay.hpp"

namespace zhili::view {

std::vector<ChartMark> time_marks(ViewerState& s) {
  constexpr Rgba kPolicy{120, 190, 255, 210};
  constexpr Rgba kRenewal{255, 196, 40, 210};
  std::vector<ChartMark> out;
  const bool zh = language() == Lang::zh;
  for (auto& run : s.runs) {
    for (const PolicyEvent& e : run->policy_events())
      out.push_back({e.t, e.label(zh), kPolicy, e.name.empty() ? "" : e.what.in(zh)});
    for (const TimeMark& m : renewal_marks(*run)) out.push_back({m.t, mark_text(m), kRenewal, ""});
  }
  // By date, then text, so the copies of one event from several runs are neighbours.
  std::stable_sort(out.begin(), out.end(),
                   [](const ChartMark& a, const ChartMark& b) { return std::tie(a.t, a.label) < std::tie(b.t, b.label); });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const ChartMark& a, const ChartMark& b) { return std::tie(a.t, a.label) == std::tie(b.t, b.label); }),
            out.end());
  return out;
}

}  // namespace zhili::view
