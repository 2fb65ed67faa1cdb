// The files that ship with the scenario module: scenarios/default.yaml and
// docs/SCENARIOS.md, and reading scenario files from disk.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "scenario/schema.hpp"
#include "scenario_test_support.hpp"

namespace zhili {
namespace {

const std::string kRoot = ZHILI_SOURCE_DIR;

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ScenarioFiles, DefaultScenarioLoads) {
  const std::string path = kRoot + "/scenarios/default.yaml";
  Scenario s;
  try {
    s = load_scenario(path);
  } catch (const ScenarioError& e) {
    FAIL() << e.what();
  }
  EXPECT_EQ(s.source_path, path);
  EXPECT_EQ(s.source_text, read_text(path));
  EXPECT_EQ(s.run.steps, 192);  // 2015-2030
  EXPECT_EQ(s.world.width, 120);
  EXPECT_EQ(s.world.height, 100);
  EXPECT_EQ(s.population.households, 50000);
  EXPECT_EQ(s.population.households * s.population.scale, 200000);
  EXPECT_EQ(s.schedule.size(), 5u);
  EXPECT_TRUE(s.economy.enabled && s.services.enabled && s.grievance.enabled && s.disputes.enabled &&
              s.conflict.enabled && s.migration.enabled && s.relocation.enabled)
      << "the default district is the whole model";
  EXPECT_FALSE(s.key_locations.empty());
}

// Zones as the monocentric generator assigns them (by distance of the cell
// centre from the centre cell), with the urban-village share of the fringe
// taken as an expectation: the default map must house its households with
// room to spare for moves and arrivals.
TEST(ScenarioFiles, DefaultScenarioHousesItsHouseholds) {
  const Scenario s = load_scenario(kRoot + "/scenarios/default.yaml");
  const auto& w = s.world;
  const auto& g = w.generator;
  auto cap = [&](Zone z) { return static_cast<double>(w.capacity[static_cast<std::size_t>(z)]); };
  double capacity = 0;
  for (int y = 0; y < w.height; ++y) {
    for (int x = 0; x < w.width; ++x) {
      const double km = std::hypot(x - g.centre.x, y - g.centre.y) * w.cell_km;
      if (km <= g.core_radius_km) {
        capacity += cap(Zone::urban_core);
      } else if (km <= g.fringe_radius_km) {
        capacity += (1 - g.urban_village_share) * cap(Zone::fringe) +
                    g.urban_village_share * cap(Zone::urban_village);
      } else if (km <= g.suburb_radius_km) {
        capacity += cap(Zone::suburb);
      } else {
        capacity += cap(Zone::rural);
      }
    }
  }
  EXPECT_GT(capacity, 1.15 * static_cast<double>(s.population.households)) << capacity;
}

TEST(ScenarioFiles, DocumentationCoversEverySchemaKey) {
  const std::string doc = read_text(kRoot + "/docs/SCENARIOS.md");
  ASSERT_FALSE(doc.empty()) << "docs/SCENARIOS.md is missing";
  for (const auto& key : schema_keys())
    EXPECT_NE(doc.find("`" + key.path + "`"), std::string::npos)
        << key.path << " is not documented in docs/SCENARIOS.md";
}

// The table rows state type, unit, default and range exactly as the schema
// does, so the documentation cannot drift from the parser.
TEST(ScenarioFiles, DocumentationRowsMatchTheSchema) {
  const std::string doc = read_text(kRoot + "/docs/SCENARIOS.md");
  auto cell = [](const std::string& text) {  // '|' would end a Markdown table cell
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  for (const auto& key : schema_keys()) {
    const std::string row = "| `" + key.path + "` | " + cell(key.type) + " | " + cell(key.unit) +
                            " | `" + cell(key.default_value) + "` | " + cell(key.range) + " | ";
    EXPECT_NE(doc.find(row), std::string::npos) << "expected a row starting with\n" << row;
  }
}

TEST(ScenarioFiles, UnreadableFile) {
  const std::string path = kRoot + "/scenarios/no-such-file.yaml";
  const Diagnostics d = [&] {
    try {
      load_scenario(path, {"run.sed=1"});
    } catch (const ScenarioError& e) {
      return e.diagnostics();
    }
    return Diagnostics{};
  }();
  ASSERT_EQ(d.size(), 2u) << d.format_all();  // the overrides are still checked
  EXPECT_EQ(d.items()[0].where.file, path);
  EXPECT_EQ(d.items()[0].where.line, 0);
  EXPECT_EQ(d.items()[0].message, "cannot read file: No such file or directory");
  EXPECT_EQ(d.items()[0].format(), path + ": error: cannot read file: No such file or directory");
}

TEST(ScenarioFiles, DirectoryIsUnreadable) {
  try {
    load_scenario(kRoot + "/scenarios");
    FAIL() << "a directory loaded";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics().items()[0].message, "cannot read file: not a regular file (a directory)");
  }
}

}  // namespace
}  // namespace zhili
