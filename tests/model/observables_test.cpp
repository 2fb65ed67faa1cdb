// The observable table (model/observables.hpp): entries are written in row
// order, each exactly to its width; a fill that writes fewer or more values
// fails loudly, naming the observable, instead of shifting every later series.
#include <gtest/gtest.h>

#include <array>
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

// Every series of a full model is declared and filled: the row's width is
// the sum of the specs' widths, and steps measure without a fill error.
TEST(ObservableTable, EveryShippedSubmodelFillsItsSeries) {
  for (const char* file : {"/scenarios/default.yaml", "/scenarios/conflict/epstein-rebellion.yaml",
                           "/scenarios/disputes/pudong-court.yaml", "/scenarios/china-1978-2014.yaml"}) {
    SCOPED_TRACE(file);
    const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + file, {"run.threads=2"});
    Engine e(s);
    std::size_t width = 0;
    for (const auto& spec : e.model().series_specs()) width += spec.width();
    EXPECT_EQ(e.observables().size(), width);
    EXPECT_GT(e.model().series_specs().size(), 10u);
    for (int k = 0; k < 2 && !e.done(); ++k) EXPECT_NO_THROW(e.step());
  }
}

}  // namespace zhili
