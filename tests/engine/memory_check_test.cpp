// A run that would not fit in memory is refused before any work, at the key
// that weighs most, with the estimate and the limit.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <algorithm>

#include "engine/memory_check.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/load.hpp"

namespace zhili {

namespace {
const std::string kSmall = std::string(ZHILI_SOURCE_DIR) + "/tests/data/small.yaml";
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

Diagnostic refusal(const Scenario& s, double usable) {
  try {
    check_memory(s, usable);
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1u);
    return e.diagnostics().items()[0];
  }
  ADD_FAILURE() << "no refusal";
  return {};
}
}  // namespace

TEST(MemoryCheck, AHugeMapIsRefusedAtItsWidthWithTheEstimate) {
  // 10^8 cells measured 6.0 GB of peak memory in a one-step run.
  const Scenario s = load_scenario(kSmall, {"world.width=10000", "world.height=10000"});
  EXPECT_NEAR(estimated_run_bytes(s) / kGiB, 6.0, 0.1);
  const Diagnostic d = refusal(s, 2 * kGiB);
  EXPECT_EQ(d.key_path, "world.width");
  EXPECT_EQ(d.message, "too large for this machine");
  EXPECT_EQ(d.found, "10000 x 10000 cells and 30000 households: about 6.0 GiB");
  EXPECT_EQ(d.expected, "a run that fits in the 2.0 GiB this process may use");
  EXPECT_NO_THROW(check_memory(s, 8 * kGiB));
}

TEST(MemoryCheck, ManyHouseholdsAreBlamedOnTheirCount) {
  const Scenario s = load_scenario(kSmall, {"population.households=50000000"});
  EXPECT_EQ(refusal(s, 8 * kGiB).key_path, "population.households");
}

TEST(MemoryCheck, TheShippedDistrictFitsInOneGigabyte) {
  const Scenario s = load_scenario(std::string(ZHILI_SOURCE_DIR) + "/scenarios/default.yaml");
  EXPECT_LT(estimated_run_bytes(s), 1 * kGiB);
  EXPECT_NO_THROW(check_memory(s, 1 * kGiB));
}

TEST(MemoryCheck, AnAddressSpaceLimitLowersWhatIsUsable) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer cannot run under an address-space limit";
#else
  rlimit before{};
  ASSERT_EQ(getrlimit(RLIMIT_AS, &before), 0);
  const double physical = usable_memory_bytes();
  rlimit lower = before;
  lower.rlim_cur = static_cast<rlim_t>(std::min(physical / 2, 64 * kGiB));
  ASSERT_EQ(setrlimit(RLIMIT_AS, &lower), 0);
  const double usable = usable_memory_bytes();
  ASSERT_EQ(setrlimit(RLIMIT_AS, &before), 0);  // the soft limit may rise back to the hard one
  EXPECT_EQ(usable, static_cast<double>(lower.rlim_cur));
#endif
}

}  // namespace zhili
