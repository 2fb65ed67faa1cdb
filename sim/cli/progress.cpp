#include "cli/progress.hpp"

#include <cmath>

namespace zhili {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto s = static_cast<long long>(std::llround(seconds));
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  return buf;
}

void ProgressDisplay::update(const Progress& p) {
  if (quiet_ || p.steps_total <= 0) return;
  const double frac = static_cast<double>(p.steps_done) / static_cast<double>(p.steps_total);
  const std::string date = format_year_month(p.date);
  if (interactive_) {
    // Redraw at most ten times a second, and always at the end.
    if (p.steps_done < p.steps_total && p.elapsed_s - last_draw_s_ < 0.1) return;
    last_draw_s_ = p.elapsed_s;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(frac * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '-');
    std::fprintf(out_, "\r%3d%% [%s] step %lld/%lld  %s  %.1f steps/s  ETA %s   ",
                 static_cast<int>(frac * 100), bar.c_str(), static_cast<long long>(p.steps_done),
                 static_cast<long long>(p.steps_total), date.c_str(), p.steps_per_s,
                 format_duration(p.eta_s).c_str());
    std::fflush(out_);
    drawn_ = true;
    return;
  }
  const int decile = static_cast<int>(std::floor(frac * 10 + 1e-9));
  if (decile <= last_decile_) return;
  last_decile_ = decile;
  std::fprintf(out_, "progress: %3d%%  step %lld/%lld  date %s  %.1f steps/s  ETA %s\n", decile * 10,
               static_cast<long long>(p.steps_done), static_cast<long long>(p.steps_total),
               date.c_str(), p.steps_per_s, format_duration(p.eta_s).c_str());
  std::fflush(out_);
}

void ProgressDisplay::finish() {
  if (drawn_) std::fputc('\n', out_);
  drawn_ = false;
}

}  // namespace zhili
