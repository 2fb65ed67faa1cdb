// The observable table (model/observables.hpp): entries are written in row
// order, each exactly to its width; a fill that writes fewer or more values
// fails loudly, naming the observable, instead of shifting every later series.
#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine.hpp"
#include "model/observables.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

// A stand-in for a measures class: what the step measured.
struct Counts {
  double persons = 0;
  std::array<double, 3> by_zone{};
};

bool never(const Scenario&) { return false; }

const Scenario& any_scenario() {
  static const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml");
  return s;
}

SeriesEntry<Counts> persons_entry() {
  return {{"persons", "persons", "", "", {}}, [](const Counts& c, SeriesWriter& out) { out.put(c.persons); }};
}

}  // namespace

TEST(ObservableTable, WritesEachEntryInOrderAtItsWidth) {
  const Counts counts{12, {1, 2, 3}};
  const std::vector<SeriesEntry<Counts>> entries{
      persons_entry(),
      {{"hidden", "1", "", "", {}}, [](const Counts&, SeriesWriter& out) { out.put(-1); }, never},
      {{"by_zone", "persons", "", "zone", {"a", "b", "c"}},
       [](const Counts& c, SeriesWriter& out) { out.put_each(c.by_zone); }},
  };
  ObservableTable table;
  table.add(entries, any_scenario(), counts);
  ASSERT_EQ(table.series().size(), 2u);  // the disabled entry is not reported
  ASSERT_EQ(table.row_width(), 4u);
  std::vector<double> row(4, 0.0);
  table.fill_row(row);
  EXPECT_EQ(row, (std::vector<double>{12, 1, 2, 3}));
  EXPECT_EQ(table.column_of("by_zone", "b"), 2u);
  EXPECT_EQ(table.column_of("persons", ""), 0u);
  EXPECT_FALSE(table.column_of("hidden", ""));
}

TEST(ObservableTable, AFillThatWritesTooFewValuesFails) {
  const Counts counts{12, {1, 2, 3}};
  const std::vector<SeriesEntry<Counts>> entries{
      {{"by_zone", "persons", "", "zone", {"a", "b", "c"}},
       [](const Counts& c, SeriesWriter& out) {  // forgets the last zone
         out.put(c.by_zone[0]);
         out.put(c.by_zone[1]);
       }},
      persons_entry(),
  };
  ObservableTable table;
  table.add(entries, any_scenario(), counts);
  std::vector<double> row(table.row_width());
  try {
    table.fill_row(row);
    FAIL() << "an incomplete fill was accepted";
  } catch (const ObservableFillError& e) {
    EXPECT_NE(std::string(e.what()).find("'by_zone' wrote 2 values; its width is 3"), std::string::npos) << e.what();
  }
}

TEST(ObservableTable, AFillThatWritesTooManyValuesFails) {
  const Counts counts{12, {1, 2, 3}};
  const std::vector<SeriesEntry<Counts>> entries{
      {{"persons", "persons", "", "", {}},
       [](const Counts& c, SeriesWriter& out) {
         out.put(c.persons);
         out.put(c.persons);
       }},
      persons_entry(),
  };
  ObservableTable table;
  table.add(entries, any_scenario(), counts);
  std::vector<double> row(table.row_width());
  EXPECT_THROW(table.fill_row(row), ObservableFillError);
}

// Every series of a full model fills its width (steps measure without a fill
// error), each name is declared once (the file keys datasets by name), and
// each scenario reports what its submodels measure.
TEST(ObservableTable, EveryShippedSubmodelFillsItsSeries) {
  const std::pair<const char*, const char*> cases[] = {{"/scenarios/default.yaml", "coverage"},
                                                       {"/scenarios/conflict/epstein-rebellion.yaml", "active_share"},
                                                       {"/scenarios/disputes/pudong-court.yaml", "clearance_rate"},
                                                       {"/scenarios/china-1978-2014.yaml", "urban_share"}};
  for (const auto& [file, expected] : cases) {
    SCOPED_TRACE(file);
    const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + file, {"run.threads=2"});
    Engine e(s);
    std::set<std::string> names;
    for (const auto& spec : e.model().series_specs()) EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    EXPECT_TRUE(names.count(expected)) << expected;
    for (int k = 0; k < 2 && !e.done(); ++k) EXPECT_NO_THROW(e.step());
  }
}

}  // namespace zhili
