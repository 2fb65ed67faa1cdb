#include "app/i18n.hpp"

#include "data/names.hpp"

namespace zhili::view {

namespace {
Lang g_lang = Lang::en;  // one UI language per process: the whole window switches at once
}

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }
const char* tr(const Text& t) { return g_lang == Lang::zh ? t.zh : t.en; }

std::string label(const Text& t, const char* id) { return std::string(tr(t)) + "###" + id; }

std::vector<const char*> all_chinese_strings() {
  using namespace txt;
  const Text* all[] = {&map, &charts, &compare, &play, &pause, &speed, &steps_per_second, &time, &run, &runs,
                       &field, &observable, &cell, &zone, &value, &no_data, &no_maps, &no_runs, &need_two, &run_a,
                       &run_b, &difference, &outcomes, &label_col, &grids_differ, &no_common_map, &switch_language, &fit,
                       &hint_map, &hint_chart, &snapshot_of, &before_start, &font_missing, &open_failed, &no_value, &export_csv, &save_png, &save_panel, &saved,
                       &runs_tab, &sweep_tab, &folder, &scan, &file, &scenario, &dates, &seed, &steps, &status, &open, &opened, &stacked,
                       &live_run, &resume, &save, &stop, &cap_speed, &max_rate, &live_step, &next_date, &live_starting,
                       &live_running, &live_paused, &live_ended, &live_failed, &levers, &lever_hint, &range, &outlet_network, &outlet_hint, &outlet_closed, &outlets,
                       &size_by, &queue, &utilisation, &arrivals, &served, &balked, &kind,
                       &incidents, &show_ended, &incident_n, &incident_in_progress, &incident_ended,
                       &incident_start, &incident_duration, &incident_steps_to, &incident_ongoing, &peak_active,
                       &peak_cells, &incidents_in_progress_n, &incidents_ended_n, &renewal_areas, &stage_notice,
                       &stage_consultation, &stage_demolition, &stage_construction, &stage_complete, &stage_planned, &policy_col, &meaning_legend,
                       &map_better_high, &map_neither, &save_animation, &recording,
                       &status_running, &status_finished, &status_interrupted, &status_failed, &not_available, &pp_format, &pp_format_2, &unchanged, &project,
                       &present, &present_off, &zone_outlines, &since_start, &against_run, &year_mean,
                       &urban_unemployment, &migrants_coverage, &registered_coverage, &trips_headline,
                       &complaints_headline, &incidents_headline, &urban_share_headline,
                       &plot_ranking, &plot_effect, &plot_sobol, &plot_pareto, &against, &click_to_open,
                       &click_open_hint, &no_values_of, &mean_interval, &points_highest_first, &no_sobol, &sobol_of,
                       &sobol_first, &sobol_total, &no_pareto, &no_factors, &point_n, &on_front, &not_joined, &n_more,
                       &cannot_open_point, &point_runs_open, &stat_final, &stat_mean};
  std::vector<const char*> out;
  for (const Text* t : all) out.push_back(t->zh);
  for (const NameEntry& e : name_table()) {  // the catalogue of the files' names (data/names.hpp)
    out.push_back(e.name.zh);
    if (e.zh_description) out.push_back(e.zh_description);
  }
  return out;
}

}  // namespace zhili::view
