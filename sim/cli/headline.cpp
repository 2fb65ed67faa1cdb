#include "cli/headline.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "cli/format.hpp"

namespace zhili {

namespace {

// The year's values of the named observable, or nothing when the run lacks it.
struct YearTable {
  const ResultReader& r;
  const YearRows& rows;
  std::map<std::string, SeriesSpec> specs;
  std::map<std::string, std::vector<double>> cache;

  YearTable(const ResultReader& reader, const YearRows& y) : r(reader), rows(y) {
    for (const auto& name : r.observable_names()) specs.emplace(name, r.observable_info(name).spec);
  }
  const std::vector<double>* get(const std::string& name) {
    const auto it = specs.find(name);
    if (it == specs.end()) return nullptr;
    auto [c, fresh] = cache.try_emplace(name);
    if (fresh) c->second = year_values(r, it->second, rows);
    return &c->second;
  }
  double at(const std::string& name, const std::string& label) {
    const auto* v = get(name);
    if (v == nullptr) return NAN;
    const auto& labels = specs.at(name).labels;
    const auto k = std::find(labels.begin(), labels.end(), label);
    return k == labels.end() ? NAN : (*v)[static_cast<std::size_t>(k - labels.begin())];
  }
  double scalar(const std::string& name) {
    const auto* v = get(name);
    return v == nullptr || v->empty() ? NAN : v->front();
  }
  // The largest step value of a scalar in the year.
  double largest(const std::string& name) {
    if (specs.find(name) == specs.end()) return NAN;
    const auto v = r.read_observable(name, rows.first, rows.count);
    double best = NAN;
    for (const double x : v)
      if (!std::isnan(x) && !(x <= best)) best = x;
    return best;
  }
  // The value at the end of the year (its last row).
  double last(const std::string& name) {
    if (specs.find(name) == specs.end()) return NAN;
    const auto v = r.read_observable(name, rows.first + rows.count - 1, 1);
    return v.empty() ? NAN : v.front();
  }
};

std::string pct(double share) { return format_value(share, "1"); }
std::string num(double v, const char* fmt = "%.0f") {
  if (std::isnan(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

}  // namespace

void print_headline(std::FILE* out, const ResultReader& r, const YearRows& rows) {
  YearTable t(r, rows);
  std::fprintf(out, "Headline outcomes, %d (%s%lld steps; per 10,000 residents a year where so marked):\n",
               rows.year, rows.whole ? "" : "a partial year, ", static_cast<long long>(rows.count));
  const auto line = [&](const char* what, const std::string& text) {
    std::fprintf(out, "  %-26s %s\n", what, text.c_str());
  };
  if (t.get("coverage_by_group") != nullptr) {
    const double reg = t.at("coverage_by_group", "registered"), mig = t.at("coverage_by_group", "migrant");
    line("service coverage", "registered " + pct(reg) + ", migrants " + pct(mig) + " (gap " +
                                 num((reg - mig) * 100, "%.1f") + " pp), all " + pct(t.scalar("coverage")));
    line("trips per completed case", num(t.scalar("trips_per_case"), "%.2f") + " (done in one trip: " +
                                         pct(t.scalar("one_trip_share")) + ", online " +
                                         pct(t.scalar("online_share")) + ")");
  }
  if (t.get("complaints_rate") != nullptr) {
    line("complaints per 10k", "hotline " + num(t.at("complaints_rate", "hotline")) + ", community meeting " +
                                   num(t.at("complaints_rate", "meeting")) + ", petition office " +
                                   num(t.at("complaints_rate", "petition")) + "; answered " +
                                   pct(t.scalar("answered_share")));
  }
  if (t.get("disputes_rate") != nullptr) {
    line("disputes per 10k", "people's mediation " + num(t.at("disputes_rate", "mediation")) + ", court " +
                                 num(t.at("disputes_rate", "court")) + ", internet court " +
                                 num(t.at("disputes_rate", "internet_court")) + "; court clearance " +
                                 pct(t.at("clearance_rate", "court")));
  }
  if (t.get("conflict_rate") != nullptr) {
    line("collective incidents", num(t.scalar("conflict_rate"), "%.2f") + " per 10k (" +
                                     num(t.scalar("incidents_started")) + " begun); " +
                                     num(t.scalar("participation_rate"), "%.0f") +
                                     " participant-months per 10k; at most " + pct(t.largest("active_share")) +
                                     " of households active");
  }
  if (const auto* items = t.get("budget"); items != nullptr && t.get("budget_total") != nullptr) {
    // The year's spending, per resident, and its two largest items.
    const double total = t.scalar("budget_total"), people = t.scalar("population");
    const auto& labels = t.specs.at("budget").labels;
    std::vector<std::size_t> order(labels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return (*items)[a] > (*items)[b]; });
    std::string largest;
    for (std::size_t k = 0; k < std::min<std::size_t>(2, order.size()); ++k)
      largest += (k ? ", " : "") + labels[order[k]] + " " + num((*items)[order[k]] / 1e6, "%.0f") + " M";
    line("public spending", num(total / 1e6, "%.0f") + " million yuan a year (" +
                                num(people > 0 ? total / people : NAN) + " yuan per resident; largest: " + largest + ")");
  }
  if (t.get("urban_share") != nullptr) {
    line("urbanization", "urban share " + pct(t.last("urban_share")) + " at the end of the year (by registration " +
                             pct(t.last("urban_share_registration")) + ")");
    line("labour and income", "urban unemployment " + pct(1.0 - t.scalar("urban_employment_rate")) +
                                  ", income Gini " + num(t.scalar("gini"), "%.3f") + ", urban/rural income " +
                                  num(t.scalar("urban_rural_income_ratio"), "%.2f"));
  }
}

}  // namespace zhili
