// The names catalogue (viz/data/names.hpp) walked against the files the
// shipped scenarios write: each is run for one step, and every name its file
// holds (observables, maps, breakdowns and their labels, units, levers,
// outlet series and kinds) must have an entry with Chinese text, the named
// things a Chinese description too. The other way round, every entry must
// name something some file (or a shipped sweep's factors) holds: a key the
// model renamed would otherwise leave an untranslated name behind and a
// stale entry in the table. Labels that are numbers or names a scenario
// gives (projects, outlets) are the file's own and need no entry.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "data/names.hpp"
#include "fixture.hpp"
#include "io/result_reader.hpp"
#include "process.hpp"
#include "scenario/levers.hpp"

namespace zhili::view {

namespace {

namespace fs = std::filesystem;

// Every kind of name a file holds, by kind, each with where it was seen.
using Seen = std::map<NameKind, std::map<std::string, std::string>>;

bool has_cjk(const char* s) {
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p; ++p)
    if (*p >= 0xE4 && *p <= 0xE9) return true;  // lead byte of U+4000..U+9FFF in UTF-8
  return false;
}

bool is_number(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  const fs::path root = fs::path(ZHILI_SOURCE_DIR) / "scenarios";
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string dir = e.path().parent_path().filename().string();
    // Sweeps and calibrations name a scenario; they are none themselves.
    if (e.path().extension() == ".yaml" && dir != "sweeps" && dir != "calibration") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The factors of every shipped sweep ("factors:" block, one key a line).
std::vector<std::string> shipped_sweep_factors() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(ZHILI_SOURCE_DIR) / "scenarios" / "sweeps")) {
    std::ifstream in(e.path());
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("factors:", 0) == 0) {
        inside = true;
        continue;
      }
      if (!inside) continue;
      if (line.empty() || line[0] != ' ') break;
      const std::size_t start = line.find_first_not_of(' ');
      const std::size_t colon = line.find(':', start);
      if (start != std::string::npos && colon != std::string::npos && line[start] != '#')
        out.push_back(line.substr(start, colon - start));
    }
  }
  return out;
}

// The names one file holds, with where they were seen.
void gather_names(const ResultReader& file, const std::string& where, Seen& s) {
  for (const std::string& name : file.observable_names()) {
    const SeriesInfo info = file.observable_info(name);
    s[NameKind::observable].emplace(name, where);
    s[NameKind::unit].emplace(info.spec.unit, where + " " + name);
    if (!info.spec.breakdown.empty()) s[NameKind::breakdown].emplace(info.spec.breakdown, where + " " + name);
    if (info.spec.breakdown == "project") continue;  // the schedule's names for its projects
    for (const std::string& l : info.spec.labels)
      if (!is_number(l)) s[NameKind::label].emplace(l, where + " " + name);
  }
  for (const MapSpec& m : file.maps()) {
    s[NameKind::map].emplace(m.name, where);
    s[NameKind::unit].emplace(m.unit, where + " map " + m.name);
  }
  for (const std::string& l : file.lever_names()) s[NameKind::lever].emplace(l, where);
  for (const EntitySeriesSpec& e : file.entity_series()) {
    s[NameKind::outlet_series].emplace(e.name, where);
    s[NameKind::unit].emplace(e.unit, where + " " + e.group + "/" + e.name);
  }
  for (const EntityGroupSpec& g : file.entity_groups())
    for (const std::string& k : g.kinds) s[NameKind::outlet_kind].emplace(k, where);
}

// Runs each shipped scenario one step and gathers the names of its file.
const Seen& seen_in_files() {
  static const Seen seen = [] {
    Seen s;
    for (const std::string& scenario : shipped_scenarios()) {
      const std::string where = fs::path(scenario).filename().string();
      // ctest runs each test of this file as its own process, perhaps at once: a file each.
      const std::string out = test::fixture_dir() + "/names_" + std::to_string(::getpid()) + "_" +
                              fs::path(scenario).stem().string() + ".h5";
      const auto r = test::run_program({ZHILI_EXE, "run", scenario, "--steps", "1", "-o", out, "--quiet"});
      EXPECT_EQ(r.exit_code, 0) << scenario << ": " << r.err;
      if (r.exit_code != 0) continue;
      gather_names(ResultReader(out), where, s);
      fs::remove(out);
    }
    // Units of the levers (their tooltips in live mode) come from the lever table.
    for (const LeverInfo& l : kLeverTable) s[NameKind::unit].emplace(std::string(l.unit), "lever " + std::string(l.path));
    for (const std::string& f : shipped_sweep_factors())
      if (f.rfind("policy.", 0) != 0) s[NameKind::parameter].emplace(f, "sweep factor");
    return s;
  }();
  return seen;
}

const char* kind_name(NameKind k) {
  switch (k) {
    case NameKind::observable: return "observable";
    case NameKind::map: return "map";
    case NameKind::label: return "label";
    case NameKind::breakdown: return "breakdown";
    case NameKind::unit: return "unit";
    case NameKind::lever: return "lever";
    case NameKind::outlet_series: return "outlet series";
    case NameKind::outlet_kind: return "outlet kind";
    case NameKind::parameter: return "parameter";
  }
  return "?";
}

bool described(NameKind k) {
  return k == NameKind::observable || k == NameKind::map || k == NameKind::lever || k == NameKind::outlet_series;
}

}  // namespace

TEST(NamesCatalogue, EveryNameTheShippedScenariosWriteHasItsChinese) {
  const Seen& seen = seen_in_files();
  ASSERT_GE(seen.at(NameKind::observable).size(), 100u) << "the shipped scenarios were not all run";
  std::ostringstream missing;
  std::size_t checked = 0;
  for (const auto& [kind, names] : seen)
    for (const auto& [key, where] : names) {
      ++checked;
      const NameEntry* e = find_name(kind, key);
      if (!e) {
        missing << "  no " << kind_name(kind) << " entry for '" << key << "' (" << where << ")\n";
        continue;
      }
      // A share's unit is "%" in both languages; everything else reads in Chinese.
      if (!has_cjk(e->name.zh) && !(kind == NameKind::unit && std::string(e->name.zh) == "%"))
        missing << "  " << kind_name(kind) << " '" << key << "': Chinese name '" << e->name.zh << "' has no Chinese\n";
      if (std::string(e->name.en).empty()) missing << "  " << kind_name(kind) << " '" << key << "': no English name\n";
      if (described(kind) && (!e->zh_description || !has_cjk(e->zh_description)))
        missing << "  " << kind_name(kind) << " '" << key << "': no Chinese description\n";
    }
  EXPECT_TRUE(missing.str().empty()) << "of " << checked << " names:\n" << missing.str();
}

TEST(NamesCatalogue, EveryEntryNamesSomethingAFileHolds) {
  const Seen& seen = seen_in_files();
  std::ostringstream stale;
  std::set<std::pair<NameKind, std::string>> keys;
  for (const NameEntry& e : name_table()) {
    if (!keys.emplace(e.kind, e.key).second) stale << "  " << kind_name(e.kind) << " '" << e.key << "' twice\n";
    const auto k = seen.find(e.kind);
    if (k == seen.end() || !k->second.count(e.key))
      stale << "  " << kind_name(e.kind) << " '" << e.key << "' is in no file of a shipped scenario\n";
  }
  EXPECT_TRUE(stale.str().empty()) << stale.str();
}

TEST(NamesCatalogue, UnitsPerStepReadInTheRunsStep) {
  EXPECT_EQ(unit_text("complaints/step", "month", false), "complaints/month");
  EXPECT_EQ(unit_text("complaints/step", "week", true), std::string("件/周"));
  EXPECT_EQ(unit_text("1", "month", false), "%");
  EXPECT_EQ(unit_text("furlongs", "month", true), "furlongs");  // no entry: as the file writes it
  EXPECT_EQ(find_name(NameKind::observable, "no_such_observable"), nullptr);
  EXPECT_EQ(find_name(NameKind::map, "coverage_by_group"), nullptr);  // kinds do not share keys
}

}  // namespace zhili::view
