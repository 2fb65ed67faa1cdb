// The validation build's checks of the world and the stores
// (model/validation.hpp): they pass on a whole run of the default district,
// and each catches the inconsistency it is for.
#include <gtest/gtest.h>

#include <utility>

#include "engine/engine.hpp"
#include "model/validation.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {

Scenario default_district(std::vector<std::string> overrides = {}) {
  overrides.push_back("run.threads=2");
  return load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml", overrides);
}

}  // namespace

// Every check holds after every step of the whole model (the validation
// build runs them after every phase too; `make validate`).
TEST(Validation, TheDefaultDistrictPassesEveryCheck) {
  const Scenario s = default_district({"run.end=2017-01"});
  Engine e(s);
  const std::size_t last = e.model().phases().size() - 1;
  while (!e.done()) {
    e.step();
    ASSERT_NO_THROW(e.model().check_after(last)) << "step " << e.step_index();
  }
}

TEST(Validation, CatchesACellCountBehindItsHouseholds) {
  const Scenario s = default_district();
  Engine e(s);
  World& w = e.model().world();
  const auto cell = static_cast<std::size_t>(w.households.cell[0]);
  ++w.grid.migrants[cell];
  try {
    check_cell_counts(w);
    FAIL() << "a wrong cell count passed";
  } catch (const ValidationError& err) {
    EXPECT_NE(std::string(err.what()).find("cell " + std::to_string(cell)), std::string::npos) << err.what();
  }
}

TEST(Validation, CatchesAnIdIndexOutOfStep) {
  const Scenario s = default_district();
  Engine e(s);
  auto& h = e.model().world().households;
  std::swap(h.id[0], h.id[1]);  // the slots moved, the index did not
  EXPECT_THROW(check_id_index(e.model().world()), ValidationError);
}

TEST(Validation, CatchesAHouseholdOffTheMap) {
  const Scenario s = default_district();
  Engine e(s);
  auto& h = e.model().world().households;
  h.cell[5] = static_cast<std::int32_t>(e.model().world().grid.size());
  EXPECT_THROW(check_households(e.model().world()), ValidationError);
}

TEST(Validation, CatchesCasesOutOfCreationOrder) {
  const Scenario s = default_district();
  Engine e(s);
  e.step();
  ServiceCaseStore cases = e.model().services()->cases();
  ASSERT_GT(cases.size(), 2u);
  EXPECT_NO_THROW(check_case_store(cases, e.model().world()));
  std::swap(cases.id[0], cases.id[1]);
  EXPECT_THROW(check_case_store(cases, e.model().world()), ValidationError);
}

}  // namespace zhili
