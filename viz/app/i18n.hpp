// User interface text in English and Chinese, switchable at run time.
//
// Every visible word of the interface itself is a Text pair defined here, and
// every name of a file's keys (observables, labels, units, levers, ...) is in
// the names catalogue (data/names_table.cpp): a translator edits those two
// files, and the font loader collects exactly the Chinese characters they use. Widgets that show translated labels give ImGui a fixed id after
// "###" (see label()), so switching language keeps their state.
#pragma once

#include <string>
#include <vector>

#include "data/text.hpp"

namespace zhili::view {

enum class Lang { en, zh };

void set_language(Lang lang);
Lang language();
const char* tr(const Text& t);
// "<translated text>###<id>": stable ImGui id whatever the language.
std::string label(const Text& t, const char* id);
// Every Chinese string of the table and of the names catalogue (data/names.hpp),
// for building the font's glyph ranges.
std::vector<const char*> all_chinese_strings();

namespace txt {
inline constexpr Text map{"Map", "地图"};
inline constexpr Text charts{"Charts", "图表"};
inline constexpr Text compare{"Compare", "对比"};
inline constexpr Text play{"Play", "播放"};
inline constexpr Text pause{"Pause", "暂停"};
inline constexpr Text speed{"Speed", "速度"};
inline constexpr Text steps_per_second{"%.0f steps/s", "每秒 %.0f 步"};
inline constexpr Text time{"Time", "时间"};
inline constexpr Text run{"Run", "运行"};
inline constexpr Text runs{"Runs", "运行结果"};
inline constexpr Text field{"Field", "图层"};
inline constexpr Text observable{"Observable", "指标"};
inline constexpr Text cell{"Cell", "网格"};
inline constexpr Text zone{"Zone", "区域"};
inline constexpr Text value{"Value", "数值"};
inline constexpr Text no_data{"no data at this time", "此时无数据"};
inline constexpr Text no_maps{"This run has no maps.", "该运行没有地图。"};
inline constexpr Text no_runs{"No runs open. Start with: zhili-view RUN.h5 ... or drop .h5 files onto this window.",
                              "未打开任何运行结果。用法：zhili-view RUN.h5 …，或将 .h5 文件拖入窗口。"};
inline constexpr Text need_two{"Open two runs to compare them.", "请打开两个运行结果以进行对比。"};
inline constexpr Text run_a{"Run A", "运行 A"};
inline constexpr Text run_b{"Run B", "运行 B"};
inline constexpr Text difference{"Difference B - A", "差值 B - A"};
inline constexpr Text outcomes{"Outcomes at this time", "当前时间的结果"};
inline constexpr Text label_col{"Label", "分组"};
inline constexpr Text grids_differ{"The two runs have different map grids: no cell-by-cell comparison.",
                                   "两个运行结果的网格不同，无法逐格对比。"};
inline constexpr Text no_common_map{"The two runs share no map.", "两个运行结果没有共同的地图。"};
inline constexpr Text switch_language{"中文", "English"};  // the button shows the other language
inline constexpr Text fit{"Fit", "适应窗口"};
inline constexpr Text hint_map{"Drag to pan, wheel to zoom, F to fit.", "拖动平移，滚轮缩放，F 键适应窗口。"};
inline constexpr Text hint_chart{"Wheel to zoom the time axis, drag to pan, double-click to reset.",
                                 "滚轮缩放时间轴，拖动平移，双击复位。"};
inline constexpr Text snapshot_of{"snapshot of %s", "快照日期 %s"};
inline constexpr Text before_start{"before the run starts", "运行尚未开始"};
inline constexpr Text font_missing{"Chinese font not found (install fonts-wqy-microhei): Chinese text cannot be shown.",
                                   "未找到中文字体（请安装 fonts-wqy-microhei）。"};
inline constexpr Text open_failed{"Cannot open", "无法打开"};
inline constexpr Text no_value{"no value", "无数值"};
inline constexpr Text export_csv{"Export CSV", "导出 CSV"};
inline constexpr Text save_png{"Save PNG", "保存 PNG"};
inline constexpr Text save_panel{"Save panel", "保存面板"};
inline constexpr Text save_animation{"Save animation", "保存动画"};
inline constexpr Text recording{"Recording %s: frame %d of %d", "正在录制 %s：第 %d 帧，共 %d 帧"};
inline constexpr Text saved{"Saved", "已保存"};
inline constexpr Text runs_tab{"Runs", "运行列表"};
inline constexpr Text sweep_tab{"Sweep", "参数扫描"};
inline constexpr Text folder{"Folder", "文件夹"};
inline constexpr Text scan{"Scan", "扫描"};
inline constexpr Text file{"File", "文件"};
inline constexpr Text scenario{"Scenario", "情景"};
inline constexpr Text dates{"Dates", "日期范围"};
inline constexpr Text seed{"Seed", "随机种子"};
inline constexpr Text steps{"Steps", "步数"};
inline constexpr Text status{"Status", "状态"};
inline constexpr Text open{"Open", "打开"};
inline constexpr Text opened{"open", "已打开"};
inline constexpr Text stacked{"Stacked", "堆叠"};
// Live mode (app/live_panel.cpp).
inline constexpr Text live_run{"Live run", "实时运行"};
inline constexpr Text resume{"Resume", "继续"};
inline constexpr Text save{"Save", "保存"};
inline constexpr Text stop{"Stop", "停止"};
inline constexpr Text cap_speed{"Cap speed", "限速"};
inline constexpr Text max_rate{"%.1f steps/s", "每秒 %.1f 步"};
inline constexpr Text live_step{"Step %lld of %lld", "第 %lld / %lld 步"};
inline constexpr Text next_date{"next step starts %s", "下一步始于 %s"};
inline constexpr Text live_starting{"starting: building the world", "正在启动：构建世界"};
inline constexpr Text live_running{"running", "运行中"};
inline constexpr Text live_paused{"paused", "已暂停"};
inline constexpr Text live_ended{"ended", "已结束"};
inline constexpr Text live_failed{"failed", "失败"};
inline constexpr Text levers{"Policy levers", "政策杠杆"};
inline constexpr Text lever_hint{"A change takes effect from the next step and is recorded in the file.",
                                 "更改自下一步起生效，并记录在结果文件中。"};
inline constexpr Text range{"range", "范围"};
inline constexpr Text outlet_network{"Outlet network", "服务网点布局"};
inline constexpr Text outlet_hint{"Tick to open, untick to close; the number is the outlet's listed windows. "
                                  "A change takes effect from the next step and is recorded in the file.",
                                  "勾选开放，取消勾选关闭；数字为网点的窗口数。更改自下一步起生效，并记录在结果文件中。"};
inline constexpr Text outlet_closed{"closed", "已关闭"};
// Outlet markers (app/outlet_markers.cpp).
inline constexpr Text outlets{"Outlets", "服务网点"};
inline constexpr Text size_by{"Size by", "大小表示"};
inline constexpr Text queue{"Queue", "排队长度"};
inline constexpr Text utilisation{"Utilisation", "利用率"};
inline constexpr Text arrivals{"Arrivals", "到访"};
inline constexpr Text served{"Served", "已办结"};
inline constexpr Text balked{"Balked", "放弃离开"};
inline constexpr Text kind{"Kind", "类型"};
// Incident markers (app/incident_markers.cpp).
inline constexpr Text incidents{"Incidents", "群体性事件"};
inline constexpr Text show_ended{"Ended too", "含已结束"};
inline constexpr Text incident_n{"Incident %lld", "事件 %lld"};
inline constexpr Text incident_in_progress{"in progress", "进行中"};
inline constexpr Text incident_ended{"ended", "已结束"};
inline constexpr Text incident_start{"Started", "开始"};
inline constexpr Text incident_duration{"Duration", "持续"};
inline constexpr Text incident_steps_to{"%lld steps, to %s", "%lld 步，至 %s"};
inline constexpr Text incident_ongoing{"still in progress when the run ended", "运行结束时仍在进行"};
inline constexpr Text peak_active{"Peak active households", "峰值参与住户数"};
inline constexpr Text peak_cells{"Cells at peak", "峰值覆盖网格数"};
inline constexpr Text incidents_in_progress_n{"%zu in progress", "%zu 起进行中"};
inline constexpr Text incidents_ended_n{"%zu ended", "%zu 起已结束"};
// Renewal projects: outlines on the map, marks on the time axes.
inline constexpr Text renewal_areas{"Renewal areas", "改造片区"};
inline constexpr Text meaning_legend{"Differences B − A: green better, red worse, grey neither way or unchanged (by what each outcome is for)",
                                      "差值 B − A：绿色为改善，红色为恶化，灰色为无好坏之分或无变化（按各指标的含义）"};
inline constexpr Text map_better_high{"blue: B better · red: B worse", "蓝色：B 更好 · 红色：B 更差"};
inline constexpr Text map_neither{"purple lower · orange higher: neither better nor worse", "紫色较低 · 橙色较高：无好坏之分"};
inline constexpr Text policy_col{"Policy (entries that differ between runs in colour)", "政策（各运行间不同的条目以颜色标出）"};
inline constexpr Text stage_notice{"notice", "公告"};
inline constexpr Text stage_consultation{"consultation", "征询"};
inline constexpr Text stage_demolition{"demolition", "拆除"};
inline constexpr Text stage_construction{"construction", "建设"};
inline constexpr Text stage_complete{"complete", "建成"};
inline constexpr Text stage_planned{"planned", "规划中"};
// Run status (browser panel).
inline constexpr Text status_running{"running", "运行中"};
inline constexpr Text status_finished{"finished", "已完成"};
inline constexpr Text status_interrupted{"interrupted", "已中断"};
inline constexpr Text status_failed{"failed", "失败"};
inline constexpr Text not_available{"n/a", "无"};
inline constexpr Text pp_format{"%+.1f pp", "%+.1f 个百分点"};  // a change of a share, in percentage points
inline constexpr Text pp_format_2{"%+.2f pp", "%+.2f 个百分点"};
inline constexpr Text unchanged{"unchanged", "持平"};
inline constexpr Text project{"project", "项目"};
// Presentation layout (app/presentation.cpp).
inline constexpr Text present{"Present", "演示"};
inline constexpr Text present_off{"Explore", "分析"};
inline constexpr Text zone_outlines{"Zone outlines", "区域边界"};
inline constexpr Text since_start{"since %s", "较 %s"};
inline constexpr Text against_run{"vs %s", "较 %s"};
inline constexpr Text year_mean{"mean of the 12 months to the date shown", "截至所示日期的 12 个月均值"};
inline constexpr Text urban_unemployment{"Urban unemployment", "城镇失业率"};
inline constexpr Text migrants_coverage{"Service coverage, migrants", "流动人口服务覆盖率"};
inline constexpr Text registered_coverage{"Service coverage, registered", "户籍居民服务覆盖率"};
inline constexpr Text trips_headline{"Trips per case", "每件事项跑动次数"};
inline constexpr Text complaints_headline{"Complaints per 10,000 a year", "每万人年投诉量"};
inline constexpr Text incidents_headline{"Incidents per 10,000 a year", "每万人年群体性事件"};
inline constexpr Text urban_share_headline{"Urban share of residents", "城镇常住人口比重"};
// Sweep panel (app/sweep_panel.cpp).
inline constexpr Text plot_ranking{"Ranking", "排序"};
inline constexpr Text plot_effect{"Effect of a factor", "因素效应"};
inline constexpr Text plot_sobol{"Sobol' indices", "Sobol' 敏感性指数"};
inline constexpr Text plot_pareto{"Pareto front", "帕累托前沿"};
inline constexpr Text against{"against", "对应"};
inline constexpr Text click_to_open{"(click a point to open its runs)", "（点击一点打开其运行结果）"};
inline constexpr Text click_open_hint{"\nclick: open its runs", "\n点击：打开其运行结果"};
inline constexpr Text no_values_of{"No values of %s to draw.", "%s 没有可绘制的数值。"};
inline constexpr Text mean_interval{"%s  (mean, 95 %% interval over replicates)", "%s（均值，重复运行的 95%% 区间）"};
inline constexpr Text points_highest_first{"design points, highest first (%zu)", "设计点，从高到低（%zu 个）"};
inline constexpr Text no_sobol{"No Sobol' indices for this outcome (a Saltelli design is needed).",
                               "该结果没有 Sobol' 指数（需要 Saltelli 设计）。"};
inline constexpr Text sobol_of{"Sobol' indices of %s  (95 %% bootstrap intervals)", "%s 的 Sobol' 指数（95%% 自助法区间）"};
inline constexpr Text sobol_first{"S1 first order", "S1 一阶"};
inline constexpr Text sobol_total{"ST total", "ST 总效应"};
inline constexpr Text no_pareto{"No Pareto front (pareto.csv): it needs two of cost, coverage and conflict.",
                                "没有帕累托前沿（pareto.csv）：需要成本、覆盖率、冲突中的两项。"};
inline constexpr Text no_factors{"No factors in points.csv.", "points.csv 中没有因素。"};
inline constexpr Text point_n{"point %d", "设计点 %d"};
inline constexpr Text on_front{" (on the front)", "（位于前沿）"};
inline constexpr Text not_joined{"  (sampled design: points not joined)", "（抽样设计：各点不连线）"};
inline constexpr Text n_more{"+ %zu more", "另有 %zu 项"};
inline constexpr Text cannot_open_point{"Cannot open the runs of point %d: %s", "无法打开设计点 %d 的运行结果：%s"};
inline constexpr Text point_runs_open{"Point %d (%s): %zu run(s) open.", "设计点 %d（%s）：已打开 %zu 个运行结果。"};
inline constexpr Text stat_final{"at the end", "期末值"};
inline constexpr Text stat_mean{"mean over the run", "全程均值"};
}  // namespace txt

}  // namespace zhili::view
